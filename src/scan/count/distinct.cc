#include "scan/count/distinct.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
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

DistinctCounter::DistinctCounter(std::size_t memory_bytes)
    : capacity_(std::max(kMinKeys, memory_bytes / sizeof(std::uint64_t))) {}

void DistinctCounter::insert_many(const std::uint64_t* keys, std::size_t n) {
  while (n > 0) {
    if (batch_.size() >= capacity_) make_room();
    const std::size_t take = std::min(n, capacity_ - batch_.size());
    // A batch past a few thousand keys takes its whole budget at once, on huge pages: it
    // skips the copies (and the faults of each new, larger mapping) on the way up.
    // Batches of a handful of keys (most categories of most scans) grow as usual, so
    // that they do not fault in megabytes.
    if (batch_.size() + take > batch_.capacity() && batch_.size() + take > capacity_ / 64)
      batch_.reserve(capacity_);
    batch_.insert(batch_.end(), keys, keys + take);
    sorted_unique_ = false;  // take is at least 1: make_room left room
    keys += take;
    n -= take;
  }
}

void DistinctCounter::make_room() {
  const Sample sample = sample_batch();
  if (sample.mostly_distinct()) return spill();
  // Many keys repeat (or too few were sampled to tell): the batch is de-duplicated in
  // a table sized from the sample, or sorted when the sample was wrong about it.
  if (!dedupe_hashed(sample.expected())) compact();
  if (batch_.size() > capacity_ / 2) spill();
}

// Whether a full batch is worth de-duplicating shows in a sample chosen by value, the
// keys whose bits 50 to 55 are zero (one in 64 of uniform hashes): a repeated key is in
// it every time or never, so the sample's share of distinct keys estimates the
// batch's, and 64 times its distinct keys the batch's.
DistinctCounter::Sample DistinctCounter::sample_batch() const {
  thread_local std::vector<std::uint64_t> sample;
  sample.clear();
  for (std::uint64_t k : batch_) {
    if (((k >> 50) & 63) == 0) sample.push_back(k);
  }
  std::sort(sample.begin(), sample.end());
  const auto distinct = static_cast<std::size_t>(std::unique(sample.begin(), sample.end()) - sample.begin());
  return Sample{sample.size(), distinct};
}

// Keeps the first copy of each key, in place, through an open-addressing table of
// about four slots per expected key (a few thousand keys repeated: it stays in the
// cache, where sorting a batch of them sorted runs of equal keys). Returns false, with
// every key still in the batch, when the table fills past 3/4 (more keys than expected)
// or would be too large to stay in the cache.
bool DistinctCounter::dedupe_hashed(std::size_t expected) {
  constexpr std::size_t kMaxSlots = std::size_t{1} << 18;
  const std::size_t slots = std::bit_ceil(expected * 4);
  if (slots > kMaxSlots) return false;
  const int shift = 64 - std::countr_zero(slots);
  thread_local std::vector<std::uint64_t> table;
  table.assign(slots, 0);
  const std::size_t limit = slots / 4 * 3;
  std::size_t used = 0;
  bool zero = false;  // key 0 marks an empty slot: it is tracked apart
  std::size_t out = 0;
  const std::size_t n = batch_.size();
  std::uint64_t* keys = batch_.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = keys[i];
    if (k == 0) {
      if (!zero) keys[out++] = 0;
      zero = true;
      continue;
    }
    std::size_t at = static_cast<std::size_t>((k * 0x9e3779b97f4a7c15ull) >> shift);
    while (table[at] != 0 && table[at] != k) at = (at + 1) & (slots - 1);
    if (table[at] == k) continue;
    table[at] = k;
    keys[out++] = k;
    if (++used > limit) {
      // The keys not looked at yet move up behind the distinct ones: none is lost.
      std::copy(keys + i + 1, keys + n, keys + out);
      batch_.resize(out + (n - i - 1));
      sorted_unique_ = false;
      return false;
    }
  }
  batch_.resize(out);
  sorted_unique_ = false;
  return true;
}

// Before the whole batch is sorted or counted: sorting runs of equal keys costs more
// than the table, so repeated keys go first.
void DistinctCounter::drop_repeats() {
  if (batch_.size() <= kMinKeys) return;
  const Sample sample = sample_batch();
  if (!sample.mostly_distinct()) dedupe_hashed(sample.expected());
}

void DistinctCounter::compact() {
  if (sorted_unique_) return;
  drop_repeats();
  thread_local KeyVector scratch;
  sort_hashes(batch_, scratch);
  batch_.erase(std::unique(batch_.begin(), batch_.end()), batch_.end());
  sorted_unique_ = true;
}

void DistinctCounter::spill() {
  group_ = PartitionGroup{};  // a new run: a group read before lacks its keys
  // Grouped by partition (the top byte) into a buffer of this thread's, reused from one
  // run to the next: 256 streams of writes.
  thread_local KeyVector grouped;
  const std::uint64_t* keys = batch_.data();
  const std::size_t n = batch_.size();
  bucket_keys([&](auto&& f) { f(keys, n); }, n, 0, 8, grouped);
  Run run;
  std::copy(end_.begin(), end_.end(), run.start.begin() + 1);  // start[0] stays 0
  run.offset = file_.append(grouped.data(), n * sizeof(std::uint64_t));
  runs_.push_back(run);
  batch_.clear();
  sorted_unique_ = true;
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

namespace {

// sort_and_count for three keys or more.
[[gnu::noinline]] std::uint64_t sort_and_count_many(std::uint64_t* a, std::size_t n) {
  if (n > 16) {
    std::sort(a, a + n);
  } else {
    for (std::size_t i = 1; i < n; ++i) {
      const std::uint64_t k = a[i];
      std::size_t j = i;
      for (; j > 0 && a[j - 1] > k; --j) a[j] = a[j - 1];
      a[j] = k;
    }
  }
  std::uint64_t distinct = n > 0 ? 1 : 0;
  for (std::size_t i = 1; i < n; ++i) distinct += a[i] != a[i - 1] ? 1 : 0;
  return distinct;
}

// The number of distinct keys among a[0..n), which it sorts. Most buckets hold one or
// two keys: those take no loop.
inline std::uint64_t sort_and_count(std::uint64_t* a, std::size_t n) {
  if (n <= 1) return n;
  if (n == 2) {
    if (a[0] > a[1]) std::swap(a[0], a[1]);
    return a[0] != a[1] ? 2 : 1;
  }
  return sort_and_count_many(a, n);
}

}  // namespace

void DistinctCounter::sorted_partition(std::size_t p, KeyVector& out) {
  out.clear();
  if (runs_.empty()) {
    if (p == 0) {
      compact();
      sorted_.assign(batch_.begin(), batch_.end());
    }
    auto first =
        std::partition_point(sorted_.begin(), sorted_.end(), [p](std::uint64_t k) { return (k >> 56) < p; });
    auto last = std::partition_point(first, sorted_.end(), [p](std::uint64_t k) { return (k >> 56) == p; });
    out.assign(first, last);
    if (p + 1 == kPartitions) KeyVector().swap(sorted_);
    return;
  }
  if (p == 0) {
    if (!batch_.empty()) spill();
    KeyVector().swap(batch_);
  }
  out.resize(bucket_partition(p, out));
  count_buckets(out.data());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::uint64_t DistinctCounter::count_bound() const {
  std::uint64_t n = batch_.size();
  for (const Run& r : runs_) n += r.start[kPartitions];
  return n;
}

std::uint64_t DistinctCounter::count() {
  if (runs_.empty()) {
    if (sorted_unique_) return batch_.size();
    // Only the number is wanted: the keys go into buckets by their top bits (about one
    // per key) and each bucket is counted alone, which costs less than the sort that
    // sorted_partition needs.
    drop_repeats();
    thread_local KeyVector bucketed;
    const std::uint64_t* keys = batch_.data();
    const std::size_t n = batch_.size();
    bucket_keys([&](auto&& f) { f(keys, n); }, n, 0, bucketed);
    return count_buckets(bucketed.data());
  }
  // Spilled: each partition of all runs, with the in-memory keys as one more run, is
  // counted in turn.
  if (!batch_.empty()) spill();
  std::uint64_t n = 0;
  for (std::size_t p = 0; p < kPartitions; ++p) n += count_partition(p);
  return n;
}

// The keys of for_each_slice(f) (it calls f(keys, n) for each slice; `total` keys in
// all) go straight into `into` (grown to hold them, never shrunk), in buckets by the
// bits just below their top `known` bits, which they share: about one bucket per key,
// since hashes are uniform, and the buckets in ascending order. This saves the copy of
// the keys and the pass for their range that a sort_hashes costs. end_[b] is then
// where bucket b ends.
template <typename ForEachSlice>
void DistinctCounter::bucket_keys(ForEachSlice&& for_each_slice, std::size_t total, int known,
                                  KeyVector& into) {
  bucket_keys(for_each_slice, total, known, std::clamp(static_cast<int>(std::bit_width(total)) - 1, 1, 24),
              into);
}

// As above, in 2^bits buckets.
template <typename ForEachSlice>
void DistinctCounter::bucket_keys(ForEachSlice&& for_each_slice, std::size_t total, int known, int bits,
                                  KeyVector& into) {
  const int shift = 64 - known - bits;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  end_.assign((std::size_t{1} << bits) + 1, 0);
  for_each_slice([&](const std::uint64_t* keys, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) ++end_[((keys[i] >> shift) & mask) + 1];
  });
  for (std::size_t b = 1; b < end_.size(); ++b) end_[b] += end_[b - 1];
  if (into.size() < total) into.resize(total);
  std::uint64_t* a = into.data();
  for_each_slice([&](const std::uint64_t* keys, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) a[end_[(keys[i] >> shift) & mask]++] = keys[i];
  });
  end_.pop_back();  // end_[b] is now where bucket b ends (and bucket b + 1 starts)
}

// Sorts each bucket of a (as bucket_keys left them) and returns their distinct keys.
std::uint64_t DistinctCounter::count_buckets(std::uint64_t* a) const {
  std::uint64_t distinct = 0;
  std::size_t first = 0;
  for (std::uint32_t last : end_) {
    distinct += sort_and_count(a + first, last - first);
    first = last;
  }
  return distinct;
}

// Partition p of all runs, read from the group, in buckets (bucket_keys); returns the
// number of its keys.
std::size_t DistinctCounter::bucket_partition(std::size_t p, KeyVector& into) {
  if (p < group_.first || p >= group_.end) read_group(p);
  std::size_t total = 0;
  for (const Run& r : runs_) total += r.start[p + 1] - r.start[p];
  auto for_each_slice = [&](auto&& f) {
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      const Run& r = runs_[i];
      const std::uint64_t* from = group_.keys.data() + group_.from[i] + (r.start[p] - r.start[group_.first]);
      f(from, static_cast<std::size_t>(r.start[p + 1] - r.start[p]));
    }
  };
  bucket_keys(for_each_slice, total, 8, into);
  if (p + 1 == kPartitions) group_ = PartitionGroup{};  // the last one was read: the group's memory goes
  return total;
}

// Partition p of all runs is counted through an open-addressing table of at least twice
// as many slots as it has keys, indexed by the bits below the top byte (which the keys
// share): one pass, each key one probe or two, where bucketing and counting each bucket
// took two passes and a mispredicted branch per bucket. Keys skewed so that the probes
// pile up (they are hashes, so only input made for it) are counted by buckets instead.
std::uint64_t DistinctCounter::count_partition(std::size_t p) {
  if (p < group_.first || p >= group_.end) read_group(p);
  std::size_t total = 0;
  for (const Run& r : runs_) total += r.start[p + 1] - r.start[p];
  if (total == 0) {
    if (p + 1 == kPartitions) group_ = PartitionGroup{};
    return 0;
  }
  const std::size_t slots = std::bit_ceil(std::max<std::size_t>(2 * total, 64));
  const int shift = 64 - std::countr_zero(slots);
  const std::size_t mask = slots - 1;
  thread_local std::vector<std::uint64_t> table;
  table.assign(slots, 0);
  std::uint64_t distinct = 0;
  std::size_t probes = 0;
  const std::size_t max_probes = 8 * total + 1024;
  bool zero = false;  // key 0 marks an empty slot: it is tracked apart
  for (std::size_t i = 0; i < runs_.size() && probes <= max_probes; ++i) {
    const Run& r = runs_[i];
    const std::uint64_t* keys = group_.keys.data() + group_.from[i] + (r.start[p] - r.start[group_.first]);
    const std::size_t n = static_cast<std::size_t>(r.start[p + 1] - r.start[p]);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint64_t key = keys[k];
      if (key == 0) {
        zero = true;
        continue;
      }
      std::size_t at = static_cast<std::size_t>((key << 8) >> shift);
      for (;;) {
        const std::uint64_t held = table[at];
        if (held == 0) {
          table[at] = key;
          ++distinct;
          break;
        }
        if (held == key) break;
        at = (at + 1) & mask;
        ++probes;
      }
    }
  }
  if (probes > max_probes) {
    thread_local KeyVector bucketed;
    bucket_partition(p, bucketed);
    return count_buckets(bucketed.data());
  }
  if (p + 1 == kPartitions) group_ = PartitionGroup{};  // the last one was read: the group's memory goes
  return distinct + (zero ? 1 : 0);
}

}  // namespace bd::scan::count
