#include "scan/count/distinct.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include "scan/file_io.h"
#include "scan/temp_file.h"

namespace bd::scan::count {
namespace {

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string("scan: cannot ") + what + " the temporary count file: " + std::strerror(errno));
}

}  // namespace

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t SpillFile::append(const void* data, std::size_t bytes) {
  if (fd_ < 0) {
    fd_ = open_unnamed_temp_file("breachdesk-count");
    if (fd_ < 0) fail("create");
  }
  // Only this counter writes the file, always at its end: the position is size_.
  std::uint64_t offset = size_;
  if (write_all(fd_, data, bytes) != 0) fail("write");
  size_ += bytes;
  return offset;
}

void SpillFile::read_at(std::uint64_t offset, void* data, std::size_t bytes) const {
  ssize_t n = scan::read_at(fd_, data, bytes, offset);
  if (n < 0) fail("read");
  if (static_cast<std::size_t>(n) != bytes) {
    errno = EIO;  // the file is shorter than what was written to it
    fail("read");
  }
}

DistinctCounter::DistinctCounter(std::size_t memory_bytes) {
  std::size_t slots = FlatSet64::slots_for(0);
  while (slots * 2 * sizeof(std::uint64_t) <= memory_bytes) slots *= 2;
  capacity_ = FlatSet64::capacity_of(slots);
}

void DistinctCounter::insert_many(const std::uint64_t* keys, std::size_t n) {
  // A set past a few thousand keys takes its whole budget at once, on huge pages: it
  // skips the rehashes (and the faults of each new, larger mapping) on the way up.
  // Sets with a handful of keys (most categories of most scans) grow from 8 KiB as
  // usual, so that they do not fault in megabytes.
  if (set_.size() + n > capacity_ / 64) set_.reserve_more(capacity_ - set_.size());
  while (n > 0) {
    if (set_.size() >= capacity_) spill();
    std::size_t chunk = std::min(n, capacity_ - set_.size());
    set_.insert_many(keys, chunk);
    keys += chunk;
    n -= chunk;
  }
}

void DistinctCounter::spill() {
  group_ = PartitionGroup{};  // a new run: a group read before lacks its keys
  if (set_.has_zero()) zero_ = true;
  set_.drain_grouped([this](const std::uint64_t* keys, std::size_t n, const std::size_t* starts) {
    Run run;
    std::copy(starts, starts + kPartitions + 1, run.start.begin());
    run.offset = file_.append(keys, n * sizeof(std::uint64_t));
    runs_.push_back(run);
  });
}

void DistinctCounter::read_group(std::size_t first) {
  std::uint64_t written = 0;
  for (const Run& r : runs_) written += r.start[kPartitions];
  const std::uint64_t partition_bytes = written * sizeof(std::uint64_t) / kPartitions + 1;
  const std::size_t size = std::clamp<std::size_t>(kGroupBytes / partition_bytes, 1, kMaxGroup);
  group_.first = first;
  group_.end = std::min(kPartitions, first + size);
  group_.from.clear();
  std::size_t total = 0;
  for (const Run& r : runs_) {
    group_.from.push_back(total);
    total += r.start[group_.end] - r.start[first];
  }
  group_.keys.resize(total);
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    const std::size_t n = r.start[group_.end] - r.start[first];
    if (n == 0) continue;
    file_.read_at(r.offset + r.start[first] * sizeof(std::uint64_t), group_.keys.data() + group_.from[i],
                  n * sizeof(std::uint64_t));
  }
}

void DistinctCounter::read_partition(std::size_t p, KeyVector& out) {
  if (p < group_.first || p >= group_.end) read_group(p);
  std::size_t total = 0;
  for (const Run& r : runs_) total += r.start[p + 1] - r.start[p];
  out.resize(total);
  std::size_t at = 0;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    const std::size_t n = r.start[p + 1] - r.start[p];
    const std::uint64_t* from = group_.keys.data() + group_.from[i] + (r.start[p] - r.start[group_.first]);
    std::copy(from, from + n, out.data() + at);
    at += n;
  }
  if (p + 1 == kPartitions) group_ = PartitionGroup{};  // the last one was read: the group's memory goes
}

void DistinctCounter::sorted_partition(std::size_t p, KeyVector& out) {
  out.clear();
  if (runs_.empty()) {
    if (p == 0) {
      sorted_.clear();
      sorted_.reserve(set_.size());
      set_.for_each([&](std::uint64_t k) { sorted_.push_back(k); });  // key 0 first, if any
      KeyVector scratch;
      sort_hashes(sorted_, scratch);
    }
    auto in_partition = [p](std::uint64_t k) { return (k >> 56) == p; };
    auto first =
        std::partition_point(sorted_.begin(), sorted_.end(), [p](std::uint64_t k) { return (k >> 56) < p; });
    auto last = std::find_if_not(first, sorted_.end(), in_partition);
    out.assign(first, last);
    if (p + 1 == kPartitions) KeyVector().swap(sorted_);
    return;
  }
  if (p == 0) {
    if (set_.size() > 0) spill();
    set_.release();
  }
  KeyVector scratch;
  read_partition(p, out);
  sort_hashes(out, scratch);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (p == 0 && zero_) {
    // Runs never hold key 0; it is the partition's smallest key. (Moved to the front
    // rather than inserted there: g++ 12 warns about the insert's reallocation.)
    out.resize(out.size() + 1);
    std::move_backward(out.begin(), out.end() - 1, out.end());
    out.front() = 0;
  }
}

std::uint64_t DistinctCounter::count_bound() const {
  std::uint64_t n = set_.size() + (zero_ ? 1 : 0);
  for (const Run& r : runs_) n += r.start[kPartitions];
  return n;
}

std::uint64_t DistinctCounter::count() {
  if (runs_.empty()) return set_.size() + (zero_ && !set_.has_zero() ? 1 : 0);
  // Spilled: de-duplicate one partition of all runs at a time in a hash set (linear,
  // where sorting would cost a log factor), with the in-memory keys as one more run.
  if (set_.size() > 0) spill();
  std::uint64_t n = zero_ ? 1 : 0;
  KeyVector part;
  FlatSet64 seen;
  for (std::size_t p = 0; p < kPartitions; ++p) {
    read_partition(p, part);
    seen.clear();
    seen.insert_many(part.data(), part.size());
    n += seen.size();
  }
  return n;
}

}  // namespace bd::scan::count
