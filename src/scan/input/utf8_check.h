// Utf8Check: where a file's bytes stop being valid UTF-8 (the whole file's decoder
// switches to Windows-1252 for good there), for the planners of split files
// (split.h). PlanBytes (plan_bytes.h) feeds it every stretch of the file it reads,
// while the bytes are in cache. Internal to src/scan/input/.
//
// Not thread-safe (one planner). Never fails.
#pragma once

#include <cstdint>
#include <string_view>

#include "scan/input/decoder.h"

namespace bd::scan::input {

class Utf8Check {
 public:
  explicit Utf8Check(std::uint64_t file_size) : size_(file_size) {}
  // The file's bytes [from, from + bytes.size()): the part from checked() on is
  // checked; a stretch that starts after checked() is ignored (it leaves a gap, which
  // the caller fills first).
  void feed(std::uint64_t from, std::string_view bytes) {
    if (done() || from > checked_ || from + bytes.size() <= checked_) return;
    std::string_view slice = bytes.substr(static_cast<std::size_t>(checked_ - from));
    bool incomplete = false;
    std::size_t ok = valid_utf8_prefix(slice, &incomplete);
    bool at_end = from + bytes.size() >= size_;
    if (ok < slice.size() && !(incomplete && !at_end)) first_invalid_ = checked_ + ok;
    checked_ += ok;  // a character cut at the end of `bytes` is read with the next stretch
  }
  // How far the bytes are checked.
  std::uint64_t checked() const { return checked_; }
  // Whether there is nothing more to learn: an invalid byte was found, or all is read.
  bool done() const { return first_invalid_ != kNone || checked_ >= size_; }
  // Whether the bytes before `at` (as far as checked) are valid UTF-8.
  bool valid_before(std::uint64_t at) const { return first_invalid_ == kNone || first_invalid_ >= at; }

 private:
  static constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);
  std::uint64_t size_;
  std::uint64_t checked_ = 0;
  std::uint64_t first_invalid_ = kNone;
};

}  // namespace bd::scan::input
