// Fuzzes the scanner's tokenisers (CSV/TSV, SQL, JSON/NDJSON, XML, text) and everything
// behind them through the public Scanner: the first byte picks the format and the chunk
// size, the rest is the member's text. The text is scanned again in one chunk, and the
// two reports must be the same: a tokenizer's state carries across chunk ends.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "scan/report_json.h"
#include "scan/scanner.h"

namespace {

bd::scan::ScanReport scan(const bd::scan::MemberInfo& info, std::string_view text, std::size_t chunk) {
  bd::scan::Scanner scanner;
  bd::scan::scan_buffer(scanner, info, text, chunk);
  bd::scan::ScanReport report = scanner.finish();
  report.timings.clear();
  report.seconds = 0;
  return report;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  using bd::scan::Format;
  static constexpr Format kFormats[] = {Format::kCsv, Format::kTsv, Format::kJson, Format::kNdjson,
                                        Format::kSql, Format::kText};
  bd::scan::MemberInfo info;
  info.path = "fuzz";
  // The seeds of the six first; a first byte from 0xE0 up is a vCard, HTML or XML.
  info.format = data[0] >= 0xF0   ? Format::kXml
                : data[0] >= 0xE8 ? Format::kHtml
                : data[0] >= 0xE0 ? Format::kVcard
                                  : kFormats[data[0] % 6];
  std::size_t chunk = 1 + (data[0] >> 3) * 7;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  bd::scan::ScanReport report = scan(info, text, chunk);
  if (chunk < text.size() &&
      bd::scan::report_to_json(report) != bd::scan::report_to_json(scan(info, text, text.size() + 1)))
    std::abort();  // cut into chunks, the text reads differently
  return report.records > text.size() + 1 ? 1 : 0;
}
