// PrefixReader: a file's bytes read from its start by a tokenizer's planning side (the
// SQL dump's SqlPrefix, the NDJSON file's JsonPrefix), as far as the cuts of a split
// need (split.h). Internal to src/scan/input/.
//
// Not thread-safe (one planner). Never fails.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "scan/input/plan_bytes.h"

namespace bd::scan::input {

template <typename Prefix>
class PrefixReader {
 public:
  static constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

  // `max_search`: how far past the wanted cut a cut is looked for.
  explicit PrefixReader(PlanBytes& bytes, std::uint64_t max_search = kNone)
      : bytes_(bytes), at_(bytes.view(0, 3) == "\xEF\xBB\xBF" ? 3 : 0), max_search_(max_search) {}

  // The first line start at or after `from` where the file may be cut; kNone when
  // there is none before the end (or within `max_search` bytes).
  std::uint64_t cut_at_or_after(std::uint64_t from) {
    read_to(from);
    for (;;) {
      if (at_ > 0 && bytes_.at(at_ - 1) == '\n' && prefix_.at_cut()) return at_;
      std::uint64_t to = max_search_ >= bytes_.size() - from ? bytes_.size() : from + max_search_ + 1;
      std::uint64_t nl = bytes_.find('\n', at_, to);
      if (nl >= to) return kNone;
      read_to(nl + 1);  // line by line from here: each line end is a candidate
    }
  }

  const Prefix& prefix() const { return prefix_; }

 private:
  // Bytes fed to the tokenizer at a time.
  static constexpr std::size_t kStep = 2u << 20;

  void read_to(std::uint64_t to) {
    while (at_ < to) {
      std::uint64_t end = std::min<std::uint64_t>(to, at_ + kStep);
      prefix_.feed(bytes_.view(at_, static_cast<std::size_t>(end - at_)));
      at_ = end;
    }
  }

  PlanBytes& bytes_;
  std::uint64_t at_;  // read up to here
  std::uint64_t max_search_;
  Prefix prefix_;
};

}  // namespace bd::scan::input
