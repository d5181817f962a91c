// QuietValues: per column, short values whose text scan (scan/detect/text_scan.h)
// found nothing: no hit and no signal. Categorical columns (a status, a tag, "true",
// a street, a stock phrase in a notes column) repeat a handful of values on every
// record, and scanning each again costs a Hyperscan call and the digit walk; a value
// found here is known to hold nothing. The text scan is a pure function of the value
// and its options (the column's role), so the count stays exact: the value itself is
// compared, not a hash.
//
// The values are kept in 16 sets of four, a set chosen by a hash of the value: a column
// of a dozen stock values keeps them all (four slots taken in turn kept too few of the
// eight phrases of a notes column, and missed most of them). Sets of two were not
// enough: three of seven values in one set, taken in turn, pushed each other out
// every time, and three in seven fields were scanned again.
//
// A column whose values do not repeat (names of things, free notes) would only pay for
// the look: after 256 values with fewer than one in nine found, the column stops
// looking (on all-unique short text the look cost 3.5% of the scan).
//
// Owned by one MemberScan; not thread-safe. Never fails.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "scan/detect/headers.h"
#include "scan/swar.h"

namespace bd::scan::count {

class QuietValues {
 public:
  static constexpr std::size_t kMaxBytes = 48;  // longer values are seldom repeated

  // Whether the column still looks (see above).
  bool in_use() const { return !off_; }

  // Whether `v` (at most kMaxBytes bytes) is known to hold nothing for `role`.
  bool holds(detect::ColumnRole role, std::string_view v) {
    if (slots_ == nullptr) {
      tally();
      return false;
    }
    const Slot* set = &(*slots_)[set_of(v) * kWays];
    for (std::size_t k = 0; k < kWays; ++k) {
      const Slot& s = set[k];
      if (s.size == v.size() && s.role == role && s.size != 0 &&
          std::memcmp(s.text.data(), v.data(), v.size()) == 0) {
        ++found_;
        tally();
        return true;
      }
    }
    tally();
    return false;
  }

  // `v` (1 to kMaxBytes bytes) held nothing for `role`: it goes first in its set, and
  // the set's other values move one place down (the last one goes).
  void add(detect::ColumnRole role, std::string_view v) {
    if (slots_ == nullptr) slots_ = std::make_unique<Slots>();
    Slot* set = &(*slots_)[set_of(v) * kWays];
    for (std::size_t k = kWays - 1; k > 0; --k) set[k] = set[k - 1];
    std::memcpy(set[0].text.data(), v.data(), v.size());
    set[0].size = static_cast<std::uint8_t>(v.size());
    set[0].role = role;
  }

 private:
  static constexpr std::size_t kSets = 16;
  static constexpr std::size_t kWays = 4;
  struct Slot {
    std::array<char, kMaxBytes> text{};
    std::uint8_t size = 0;  // 0: empty
    detect::ColumnRole role = detect::ColumnRole::kNone;
  };

  // A hash of the length and the first and last (up to) eight bytes: enough to spread
  // a dozen stock values over the sets.
  static std::size_t set_of(std::string_view v) {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    const std::size_t n = v.size();
    if (n >= 8) {
      head = swar::load8(v.data());
      tail = swar::load8(v.data() + n - 8);
    } else if (n > 0) {
      head = static_cast<unsigned char>(v[0]) | std::uint64_t{static_cast<unsigned char>(v[n / 2])} << 8;
      tail = static_cast<unsigned char>(v[n - 1]);
    }
    const std::uint64_t h = (head * 0x9e3779b97f4a7c15ull) ^ (tail * 0xc2b2ae3d27d4eb4full) ^ n;
    return static_cast<std::size_t>((h * 0x9e3779b97f4a7c15ull) >> 60);
  }

  void tally() {
    if (++looked_ < kTrial) return;
    off_ = found_ * 9 < kTrial;
    looked_ = 0;
    found_ = 0;
  }

  static constexpr std::uint32_t kTrial = 256;
  // Allocated by the first add() (3.2 KB): a file's columns are many, and those that
  // repeat short values that hold nothing few (zeroing 1.6 KB for each column of each
  // file was a tenth of a scan of small CSV files).
  using Slots = std::array<Slot, kSets * kWays>;
  std::unique_ptr<Slots> slots_;
  std::uint32_t looked_ = 0;
  std::uint32_t found_ = 0;
  bool off_ = false;
};

}  // namespace bd::scan::count
