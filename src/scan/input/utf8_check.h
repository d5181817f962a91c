// Utf8Check: where a file's bytes stop being valid UTF-8 (the whole file's decoder
// switches to Windows-1252 for good there), for the planners of split files
// (split.h), which check it just behind their pass while the bytes are still mapped
// and in cache. Internal to src/scan/input/.
//
// Not thread-safe (one planner). Never fails.
#pragma once

#include <cstdint>
#include <string_view>

#include "scan/input/decoder.h"

namespace bd::scan::input {

class Utf8Check {
 public:
  explicit Utf8Check(std::string_view bytes) : bytes_(bytes) {}
  // Checks the bytes up to `upto` (calls with a smaller `upto` do nothing).
  void advance(std::uint64_t upto) {
    if (first_invalid_ != kNone || upto <= done_) return;
    std::string_view slice = bytes_.substr(done_, upto - done_);
    bool incomplete = false;
    std::size_t ok = valid_utf8_prefix(slice, &incomplete);
    if (ok < slice.size() && !(incomplete && upto < bytes_.size())) first_invalid_ = done_ + ok;
    done_ += ok;  // a character cut at `upto` is read with the next slice
  }
  // Whether the bytes before `at` (checked by advance) are valid UTF-8.
  bool valid_before(std::uint64_t at) const { return first_invalid_ == kNone || first_invalid_ >= at; }

 private:
  static constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);
  std::string_view bytes_;
  std::uint64_t done_ = 0;
  std::uint64_t first_invalid_ = kNone;
};

}  // namespace bd::scan::input
