// Fuzzes the scanner's tokenisers (CSV/TSV, SQL, JSON/NDJSON, text) and everything
// behind them through the public Scanner: the first byte picks the format and the chunk
// size, the rest is the member's text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  using bd::scan::Format;
  static constexpr Format kFormats[] = {Format::kCsv, Format::kTsv, Format::kJson, Format::kNdjson,
                                        Format::kSql, Format::kText};
  bd::scan::MemberInfo info;
  info.path = "fuzz";
  info.format = kFormats[data[0] % 6];
  std::size_t chunk = 1 + (data[0] >> 3) * 7;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  bd::scan::Scanner scanner;
  bd::scan::scan_buffer(scanner, info, text, chunk);
  bd::scan::ScanReport report = scanner.finish();
  return report.records > text.size() + 1 ? 1 : 0;
}
