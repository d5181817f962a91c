#include "scan/scanner.h"

#include "scan/count/member_scan.h"
#include "scan/count/state.h"

namespace bd::scan {

Scanner::Scanner(ScanOptions options) : options_(options), state_(std::make_unique<count::ScanState>(options_)) {}

Scanner::~Scanner() = default;

std::unique_ptr<MemberSink> Scanner::open(const MemberInfo& info) {
  if (info.format == Format::kBinary) {
    // Binary members carry no text we can classify; the input side reports encrypted
    // or high-entropy ones through on_protected().
    return nullptr;
  }
  return std::make_unique<count::MemberScan>(*state_, info, options_);
}

void Scanner::on_skipped(const std::string& path, const std::string& reason) { state_->add_skipped(path, reason); }

void Scanner::on_protected(const std::string& path, const std::string& how) { state_->add_protected(path, how); }

ScanReport Scanner::finish() { return state_->finish(); }

void scan_buffer(Scanner& scanner, const MemberInfo& info, std::string_view data, std::size_t chunk_size) {
  auto sink = scanner.open(info);
  if (!sink) return;
  if (chunk_size == 0) chunk_size = 1;
  for (std::size_t i = 0; i < data.size(); i += chunk_size) sink->on_chunk(data.substr(i, chunk_size));
  sink->on_end();
}

}  // namespace bd::scan
