// QuietValues: per column, a few short values whose text scan (scan/detect/text_scan.h)
// found nothing: no hit and no signal. Categorical columns (a status, a tag, "true",
// a city, a stock phrase in a notes column) repeat a handful of values on every
// record, and scanning each again costs a Hyperscan call and the digit walk; a value
// found here is known to hold nothing. The text scan is a pure function of the value
// and its options (the column's role), so the count stays exact: the value itself is
// compared, not a hash.
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
#include <string_view>

#include "scan/detect/headers.h"

namespace bd::scan::count {

class QuietValues {
 public:
  static constexpr std::size_t kMaxBytes = 48;  // longer values are seldom repeated

  // Whether the column still looks (see above).
  bool in_use() const { return !off_; }

  bool holds(detect::ColumnRole role, std::string_view v) {
    for (std::size_t k = 0; k < kSlots; ++k) {
      const Slot& s = slots_[k];
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

  // `v` (1 to kMaxBytes bytes) held nothing for `role`; it replaces the oldest entry.
  void add(detect::ColumnRole role, std::string_view v) {
    Slot& s = slots_[next_];
    next_ = (next_ + 1) % kSlots;
    std::memcpy(s.text.data(), v.data(), v.size());
    s.size = static_cast<std::uint8_t>(v.size());
    s.role = role;
  }

 private:
  static constexpr std::size_t kSlots = 4;
  struct Slot {
    std::array<char, kMaxBytes> text{};
    std::uint8_t size = 0;  // 0: empty
    detect::ColumnRole role = detect::ColumnRole::kNone;
  };
  void tally() {
    if (++looked_ < kTrial) return;
    off_ = found_ * 9 < kTrial;
    looked_ = 0;
    found_ = 0;
  }

  static constexpr std::uint32_t kTrial = 256;
  std::array<Slot, kSlots> slots_{};
  std::size_t next_ = 0;
  std::uint32_t looked_ = 0;
  std::uint32_t found_ = 0;
  bool off_ = false;
};

}  // namespace bd::scan::count
