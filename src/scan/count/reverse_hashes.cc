// ScanState::reverse_hashes: runs --reverse-hashes over the bare digests kept from
// hash-shaped columns and counts what it recovered as plain BSNs / phone numbers.
#include "scan/count/state.h"
#include "scan/detect/text_scan.h"
#include "scan/protect/reverse.h"
#include "scan/scanner.h"

namespace bd::scan::count {

void ScanState::reverse_hashes(ScanReport& report) {
  std::vector<std::string> all;
  std::vector<std::size_t> owner;
  for (std::size_t i = 0; i < hashed_.size(); ++i) {
    for (const auto& d : hashed_[i].second.digests) {
      all.push_back(d);
      owner.push_back(i);
    }
  }
  if (all.empty()) return;
  auto found = protect::reverse_digests(all, options_.reverse_space);
  for (std::size_t j = 0; j < found.size(); ++j) {
    if (!found[j]) continue;
    HashedColumn& column = hashed_[owner[j]].second;
    ++column.reversed;
    ++report.protection.reversed_values;
    report.protection.hashed_reversible = true;
    const std::string& plain = found[j]->plaintext;
    std::uint64_t number = std::stoull(plain);
    Category c = found[j]->bsn ? Category::kBsn : Category::kPhone;
    ++(found[j]->bsn ? column.reversed_bsn : column.reversed_phone);
    add_value(c, detect::key_for_number(c, number), plain);
  }
}

}  // namespace bd::scan::count
