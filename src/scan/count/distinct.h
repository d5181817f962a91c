// DistinctCounter: the exact number of distinct 64-bit hashes (scan/count/hash.h) in
// bounded memory, and SpillFile, the unnamed temporary file it spills to.
//
// Keys are appended to an in-memory batch of at most `memory_bytes`. When it is full and
// its keys are mostly distinct (the usual case of a large scan), they are grouped into
// 256 partitions by their top 8 bits (a linear scatter, no sort) and appended to the
// counter's SpillFile as one run, and the batch starts empty. When many keys repeat (a
// few values seen over and over), the batch is de-duplicated instead (through a small
// table, or by sorting), and the distinct keys stay while the batch fills again after
// them. An append costs a store where a hash set's insert cost a cache miss.
// Counting then takes one partition of all runs at a time, through a table indexed by
// the bits below the top byte (sorted_partition: in buckets by those bits, each sorted
// alone); it reads up to 16 partitions of each run at once: the memory at the end is
// one partition (about 1/256 of the keys written, and 16 bytes per key of table or 4
// of bucket ends) and the group being read (at most about 4 MiB, or that one
// partition), and the count is exact either way.
//
// Ownership: each counter owns its file (mode 0600 in $TMPDIR, unlinked at once, closed
// with the counter). Not thread-safe: ScanState locks around each counter.
// Failure: a temporary file that cannot be created, written or read throws
// std::runtime_error (the count could not be exact otherwise); allocation failure
// throws std::bad_alloc.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "scan/mapped_memory.h"

namespace bd::scan::count {

// Arrays of keys that grow to megabytes are mapped on huge pages (scan/mapped_memory.h).
using KeyVector = MappedVector<std::uint64_t>;

// An unnamed temporary file written at its end and read at any offset.
class SpillFile {
 public:
  SpillFile() = default;
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends `bytes` bytes (creating the file on first use); returns their offset.
  std::uint64_t append(const void* data, std::size_t bytes);
  void read_at(std::uint64_t offset, void* data, std::size_t bytes) const;
  std::uint64_t size() const { return size_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Sorts 64-bit hashes in expected linear time, where std::sort costs a log factor: one
// counting scatter into `scratch` by the bits below the keys' common prefix (about one
// bucket per key), then each bucket by insertion sort. Hashes are uniform, so buckets
// hold one or two keys; a bucket of more than a few (skewed keys) takes std::sort, so
// no input costs more than n log n. Uses n 8-byte keys of scratch and 4 bytes per key
// of counts; the counts are this thread's, reused from one sort to the next (a fresh
// megabyte cost more in page faults than the sort).
inline void sort_hashes(KeyVector& keys, KeyVector& scratch) {
  const std::size_t n = keys.size();
  if (n < 256 || n >= (std::size_t{1} << 31)) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  auto [lo, hi] = std::minmax_element(keys.begin(), keys.end());
  const int top = std::bit_width(*lo ^ *hi);  // bits below the common prefix
  if (top == 0) return;                       // all equal
  const int bits = std::min(top, static_cast<int>(std::bit_width(n)) - 1);
  const int shift = top - bits;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  thread_local MappedVector<std::uint32_t> end;
  end.assign((std::size_t{1} << bits) + 1, 0);
  for (std::uint64_t k : keys) ++end[((k >> shift) & mask) + 1];
  for (std::size_t b = 1; b < end.size(); ++b) end[b] += end[b - 1];
  scratch.resize(n);
  for (std::uint64_t k : keys) scratch[end[(k >> shift) & mask]++] = k;
  // end[b] is now where bucket b ends (and bucket b + 1 starts).
  std::uint64_t* a = scratch.data();
  std::size_t first = 0;
  for (std::size_t b = 0; b + 1 < end.size(); ++b) {
    const std::size_t last = end[b];
    if (last - first > 16) {
      std::sort(a + first, a + last);
    } else {
      for (std::size_t i = first + 1; i < last; ++i) {
        std::uint64_t k = a[i];
        std::size_t j = i;
        for (; j > first && a[j - 1] > k; --j) a[j] = a[j - 1];
        a[j] = k;
      }
    }
    first = last;
  }
  keys.swap(scratch);
}

class DistinctCounter {
 public:
  static constexpr std::size_t kPartitions = 256;

  // `memory_bytes`: the most the in-memory batch holds (at least 8 KiB is used).
  explicit DistinctCounter(std::size_t memory_bytes);

  void insert(std::uint64_t key) { insert_many(&key, 1); }
  void insert_many(const std::uint64_t* keys, std::size_t n);

  // The number of distinct keys inserted so far.
  std::uint64_t count();
  // At least count(), without reading the spilled runs: the keys in memory plus the
  // keys written to runs (a key may be in several).
  std::uint64_t count_bound() const;
  // Partition p's distinct keys (those with top byte p), ascending, into `out`: call it
  // for p = 0, 1, ..., 255 in turn. The call for partition 0 sorts an in-memory
  // counter's keys (a copy is kept until partition 255 is read) or, once the counter
  // spilled, writes its in-memory keys to the file and frees the batch; inserting
  // afterwards is allowed, before the next call for partition 0.
  void sorted_partition(std::size_t p, KeyVector& out);
  bool spilled() const { return !runs_.empty(); }
  std::size_t runs() const { return runs_.size(); }

 private:
  struct Run {
    std::uint64_t offset = 0;                          // byte offset in file_
    std::array<std::uint64_t, kPartitions + 1> start{};  // key index of each partition in the run
  };
  // Several partitions of every run, read together: one read per run for up to
  // kMaxGroup partitions instead of one per run and partition (a large scan writes
  // hundreds of runs, and each read is a system call). Memory: about kGroupBytes, or
  // one partition when that is larger.
  struct PartitionGroup {
    std::size_t first = 0;  // partitions [first, end) are held
    std::size_t end = 0;
    KeyVector keys;                 // each run's keys of those partitions, run after run
    std::vector<std::size_t> from;  // where each run's keys start in `keys`
  };
  static constexpr std::size_t kGroupBytes = 4u << 20;
  static constexpr std::size_t kMaxGroup = 16;
  static constexpr std::size_t kMinKeys = 1024;

  struct Sample {
    std::size_t taken = 0;     // keys sampled
    std::size_t distinct = 0;  // distinct keys among them
    bool mostly_distinct() const { return taken >= 64 && distinct * 2 > taken; }
    std::size_t expected() const { return std::max<std::size_t>(distinct * 64, 1024); }  // in the batch
  };
  void make_room();
  Sample sample_batch() const;
  bool dedupe_hashed(std::size_t expected);
  void compact();
  void spill();
  void drop_repeats();
  template <typename ForEachSlice>
  void bucket_keys(ForEachSlice&& for_each_slice, std::size_t total, int known, KeyVector& into);
  template <typename ForEachSlice>
  void bucket_keys(ForEachSlice&& for_each_slice, std::size_t total, int known, int bits, KeyVector& into);
  std::uint64_t count_buckets(std::uint64_t* a) const;
  std::size_t bucket_partition(std::size_t p, KeyVector& into);
  std::uint64_t count_partition(std::size_t p);
  void read_group(std::size_t first);

  KeyVector batch_;            // keys in memory
  bool sorted_unique_ = true;  // batch_ is sorted and holds no key twice
  std::size_t capacity_ = 0;   // keys the batch takes before it is spilled or de-duplicated
  SpillFile file_;
  std::vector<Run> runs_;
  KeyVector sorted_;  // an in-memory counter's keys, sorted, while its partitions are read
  PartitionGroup group_;  // a spilled counter's partitions, while they are read
  std::vector<std::uint32_t> end_;  // where each bucket of the keys bucket_keys placed last ends
};

}  // namespace bd::scan::count
