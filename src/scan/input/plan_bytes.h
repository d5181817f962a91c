// PlanBytes: the bytes of a file as the split planners (split.h) read them, from its
// start up to its last cut: a block of memory (tests, fuzzers), or a file read with
// pread(2) one window at a time. Internal to src/scan/input/.
//
// Why not a mapping: every 4 KiB page of a file mapping costs a page fault on first
// touch, and in a virtual machine a fault costs microseconds; measured here, touching
// 50 MB of a mapped file took 37 ms, reading it with pread into one reused buffer
// 13 ms. The other workers wait for the planner's first cut, and the planner's time
// is taken from the scan of the ranges. The window also keeps the planner's
// memory at one buffer whatever the file size.
//
// Views are valid until the next call that reads (view, at, find). The planners read
// forwards; a view may start up to kBehind bytes before the last one without a new
// read, and at() reads a single byte anywhere without moving the window.
//
// Every stretch read (every window, every view of memory) is checked for UTF-8 on the
// way (utf8_check.h), so that a planner learns whether the bytes before a cut are
// valid UTF-8 without reading them twice.
//
// Not thread-safe (one planner). Failure: a read error, or a file that shrank while it
// is planned, makes the missing bytes read as zeros and failed() true; the planner runs
// on to its end and no cut found after the failure is used (split.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/input/utf8_check.h"
#include "scan/mapped_memory.h"

namespace bd::scan::input {

class PlanBytes {
 public:
  // How far a window reaches back before the view that made it read.
  static constexpr std::size_t kBehind = 64u << 10;
  static constexpr std::size_t kDefaultWindow = 8u << 20;

  explicit PlanBytes(std::string_view memory) : memory_(memory), size_(memory.size()), utf8_(size_) {}
  // Reads `fd` (not owned) of `size` bytes through a window of `window` bytes
  // (at least kBehind plus the largest view a planner asks for: plan_max_view below).
  PlanBytes(int fd, std::uint64_t size, std::size_t window = kDefaultWindow);
  PlanBytes(const PlanBytes&) = delete;
  PlanBytes& operator=(const PlanBytes&) = delete;

  std::uint64_t size() const { return size_; }
  // The bytes [from, from + n), clipped to the end of the file; requires
  // n <= max_view().
  std::string_view view(std::uint64_t from, std::size_t n);
  // The largest view one call can give.
  std::size_t max_view() const;
  // The byte at `pos` < size().
  char at(std::uint64_t pos);
  // The first position in [from, to) that holds `c`; `to` when none does.
  std::uint64_t find(char c, std::uint64_t from, std::uint64_t to);
  bool failed() const { return failed_; }
  // Whether the bytes before `at` are valid UTF-8; reads up to `at` first where they
  // are not checked yet (which may move the window).
  bool valid_utf8_before(std::uint64_t at);

 private:
  void fill(std::uint64_t begin);
  void load(std::uint64_t begin);
  void read_into(char* dst, std::size_t n, std::uint64_t at);

  std::string_view memory_;  // memory mode (fd_ < 0)
  int fd_ = -1;
  std::uint64_t size_ = 0;
  MappedMemory window_;
  std::uint64_t begin_ = 0;  // the window holds [begin_, end_)
  std::uint64_t end_ = 0;
  bool failed_ = false;
  Utf8Check utf8_;
};

// The largest view the planners ask for (a text block's reach, a step of the quote
// pass): a window must hold it plus PlanBytes::kBehind.
std::size_t plan_max_view();

}  // namespace bd::scan::input
