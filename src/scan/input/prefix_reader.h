// PrefixReader: a file's bytes read from its start by a tokenizer's planning side (the
// SQL dump's SqlPrefix, the NDJSON file's JsonPrefix), as far as the cuts of a split
// need (split.h). Internal to src/scan/input/.
//
// Not thread-safe (one planner). Never fails.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "scan/input/split.h"
#include "scan/input/utf8_check.h"

namespace bd::scan::input {

template <typename Prefix>
class PrefixReader {
 public:
  static constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

  // `max_search`: how far past the wanted cut a cut is looked for.
  PrefixReader(std::string_view bytes, Utf8Check& utf8, const Release& release,
               std::uint64_t max_search = kNone)
      : bytes_(bytes),
        at_(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0),
        max_search_(max_search),
        utf8_(utf8),
        release_(release) {}

  // The first line start at or after `from` where the file may be cut; kNone when
  // there is none before the end (or within `max_search` bytes).
  std::uint64_t cut_at_or_after(std::uint64_t from) {
    read_to(from);
    for (;;) {
      if (at_ > 0 && bytes_[at_ - 1] == '\n' && prefix_.at_cut()) return at_;
      std::size_t nl = bytes_.find('\n', at_);
      if (nl == std::string_view::npos || nl - from > max_search_) return kNone;
      read_to(nl + 1);  // line by line from here: each line end is a candidate
    }
  }

  const Prefix& prefix() const { return prefix_; }

 private:
  // Bytes fed to the tokenizer at a time; after each step they are checked for UTF-8
  // (while they are in cache) and their pages handed back (Release).
  static constexpr std::size_t kStep = 2u << 20;

  void read_to(std::uint64_t to) {
    while (at_ < to) {
      std::size_t end = static_cast<std::size_t>(std::min<std::uint64_t>(to, at_ + kStep));
      prefix_.feed(bytes_.substr(at_, end - at_));
      at_ = end;
      if (at_ - released_ >= kStep) {
        utf8_.advance(at_);
        if (release_) release_(at_);
        released_ = at_;
      }
    }
  }

  std::string_view bytes_;
  std::size_t at_;  // read up to here
  std::size_t released_ = 0;
  std::uint64_t max_search_;
  Utf8Check& utf8_;
  const Release& release_;
  Prefix prefix_;
};

}  // namespace bd::scan::input
