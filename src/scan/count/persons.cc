#include "scan/count/persons.h"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>

#include "scan/mapped_memory.h"

namespace bd::scan::count {
namespace {

// The parents live in fresh anonymous memory (scan/mapped_memory.h): on huge pages, so
// that filling millions of them takes a fault per 2 MiB instead of one per 4 KiB.
class UnionFind {
 public:
  explicit UnionFind(std::size_t n)
      : memory_(std::max<std::size_t>(n, 1) * sizeof(std::uint32_t)),
        parent_(static_cast<std::uint32_t*>(memory_.data())) {
    std::iota(parent_, parent_ + n, 0u);
  }
  void prefetch(std::uint32_t x) const { __builtin_prefetch(&parent_[x]); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  // Returns true when a and b were in different components.
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    parent_[a < b ? b : a] = a < b ? a : b;
    return true;
  }

 private:
  MappedMemory memory_;
  std::uint32_t* parent_;
};

// The distinct keys as dense ranks 0..size()-1, in ascending key order: one array of
// all keys (they arrive in ascending order; reserved at the counter's bound, so it is
// mapped once and never copied), and per top-8-bit partition a table of where each
// range of the next bits starts (at most one byte per key). Keys are uniform hashes, so
// a range holds four to eight keys on average and a rank costs a look in the table and
// a short scan, two cache misses that the caller can prefetch, where a binary search
// over millions of keys costs a chain of them.
class KeyRanks {
 public:
  // The keys of `own` and of every shared counter, merged partition by partition;
  // shared_distinct[i] counts the keys shared[i] gave.
  KeyRanks(DistinctCounter& own, const std::vector<DistinctCounter*>& shared,
           std::vector<std::uint64_t>& shared_distinct) {
    std::uint64_t bound = own.count_bound();
    for (DistinctCounter* c : shared) bound += c->count_bound();
    keys_.reserve(bound);
    shared_distinct.assign(shared.size(), 0);
    KeyVector part;
    for (std::size_t p = 0; p < parts_.size(); ++p) {
      Partition& partition = parts_[p];
      partition.first = static_cast<std::uint32_t>(keys_.size());
      own.sorted_partition(p, part);
      keys_.insert(keys_.end(), part.begin(), part.end());
      for (std::size_t i = 0; i < shared.size(); ++i) {
        shared[i]->sorted_partition(p, part);
        shared_distinct[i] += part.size();
        auto middle = static_cast<std::ptrdiff_t>(keys_.size());
        keys_.insert(keys_.end(), part.begin(), part.end());
        std::inplace_merge(keys_.begin() + partition.first, keys_.begin() + middle, keys_.end());
      }
      // A key in two counters is one node (the counters' keys are of different
      // categories, so this is for safety, not for counting).
      keys_.erase(std::unique(keys_.begin() + partition.first, keys_.end()), keys_.end());
      index(partition, keys_.size() - partition.first);
    }
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(keys_.size()); }

  // Where a key's range starts in the table of its partition; prefetches that entry.
  const std::uint32_t* locate(std::uint64_t key) const {
    const Partition& part = parts_[key >> 56];
    const std::uint32_t* at = part.starts.data() + ((key << 8) >> part.shift);
    __builtin_prefetch(at);
    return at;
  }
  // Prefetches the first key of the range `at` (from locate) starts.
  void prefetch(std::uint64_t key, const std::uint32_t* at) const {
    __builtin_prefetch(keys_.data() + parts_[key >> 56].first + *at);
  }
  // The key's rank, or size() when it is not a key; `at` is locate(key).
  std::uint32_t rank(std::uint64_t key, const std::uint32_t* at) const {
    const Partition& part = parts_[key >> 56];
    const std::uint64_t* k = keys_.data() + part.first;
    std::uint32_t first = at[0];
    std::uint32_t last = at[1];
    if (last - first > 16) {  // skewed keys: a long range is searched, not scanned
      const std::uint64_t* it = std::lower_bound(k + first, k + last, key);
      first = static_cast<std::uint32_t>(it - k);
    } else {
      while (first < last && k[first] < key) ++first;
    }
    return first < last && k[first] == key ? part.first + first : size();
  }

 private:
  struct Partition {
    std::uint32_t first = 0;            // the index (and rank) of its first key in keys_
    std::vector<std::uint32_t> starts;  // 2^bits + 1 entries: where each range starts, from first
    int shift = 63;                     // range of key: (key << 8) >> shift
  };

  // Builds the range table of the partition's n keys: 2^bits ranges with 2^bits in
  // (n/8, n/4], at least 2.
  void index(Partition& part, std::size_t n) {
    const std::uint64_t* keys = keys_.data() + part.first;
    const int bits = std::max(1, static_cast<int>(std::bit_width(n >> 3)));
    part.shift = 64 - bits;
    part.starts.resize((std::size_t{1} << bits) + 1);
    std::size_t i = 0;
    for (std::size_t r = 0; r + 1 < part.starts.size(); ++r) {
      part.starts[r] = static_cast<std::uint32_t>(i);
      while (i < n && ((keys[i] << 8) >> part.shift) == r) ++i;
    }
    part.starts.back() = static_cast<std::uint32_t>(n);
  }

  KeyVector keys_;  // all distinct keys, ascending
  std::array<Partition, DistinctCounter::kPartitions> parts_;
};

// Streams links through the union-find in batches: each step of a lookup (the range
// table, the keys, the parents) is prefetched for the whole batch before the next step
// reads it, so the cache misses of a batch overlap instead of following one another.
class LinkUnion {
 public:
  LinkUnion(DistinctCounter& keys, const std::vector<DistinctCounter*>& shared,
            std::vector<std::uint64_t>& shared_distinct)
      : ranks_(keys, shared, shared_distinct), uf_(ranks_.size()), components_(ranks_.size()) {}

  void add(const PersonLink* links, std::size_t n) {
    for (std::size_t i = 0; i < n; i += kBatch) add_batch(links + i, std::min(kBatch, n - i));
  }
  std::uint64_t components() const { return components_; }

 private:
  static constexpr std::size_t kBatch = 16;

  void add_batch(const PersonLink* links, std::size_t n) {
    std::array<std::uint64_t, 2 * kBatch> key{};
    std::array<const std::uint32_t*, 2 * kBatch> at{};
    std::array<std::uint32_t, 2 * kBatch> rank{};
    for (std::size_t i = 0; i < n; ++i) {
      key[2 * i] = links[i].first;
      key[2 * i + 1] = links[i].second;
    }
    const std::size_t m = 2 * n;
    for (std::size_t i = 0; i < m; ++i) at[i] = ranks_.locate(key[i]);
    for (std::size_t i = 0; i < m; ++i) ranks_.prefetch(key[i], at[i]);
    for (std::size_t i = 0; i < m; ++i) {
      rank[i] = ranks_.rank(key[i], at[i]);
      if (rank[i] < ranks_.size()) uf_.prefetch(rank[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      std::uint32_t a = rank[2 * i];
      std::uint32_t b = rank[2 * i + 1];
      if (a < ranks_.size() && b < ranks_.size() && uf_.unite(a, b)) --components_;
    }
  }

  KeyRanks ranks_;
  UnionFind uf_;
  std::uint64_t components_;
};

}  // namespace

PersonGraph::PersonGraph(std::size_t memory_bytes)
    : keys_(memory_bytes), link_capacity_(std::max<std::size_t>(memory_bytes / sizeof(PersonLink), 64)) {}

void PersonGraph::add_link(std::uint64_t a, std::uint64_t b) {
  if (a == b) return;
  if (links_.size() >= link_capacity_) spill_links();
  links_.emplace_back(a, b);
}

void PersonGraph::add_links(const std::vector<PersonLink>& links) {
  // In bulk, up to the room left before each spill: a link to itself joins nothing but
  // costs nothing either, so the links are copied as they are. A buffer that is going
  // to be large takes its whole capacity at once rather than being copied on every
  // doubling; small ones (small scans) grow as usual.
  const PersonLink* l = links.data();
  std::size_t n = links.size();
  if (links_.size() + n > link_capacity_ / 64 && links_.capacity() < link_capacity_)
    links_.reserve(link_capacity_);
  while (n > 0) {
    if (links_.size() >= link_capacity_) spill_links();
    std::size_t take = std::min(n, link_capacity_ - links_.size());
    links_.insert(links_.end(), l, l + take);
    l += take;
    n -= take;
  }
}

void PersonGraph::spill_links() {
  links_file_.append(links_.data(), links_.size() * sizeof(PersonLink));
  links_.clear();
}

std::uint64_t PersonGraph::count(const std::vector<DistinctCounter*>& shared,
                                 std::vector<std::uint64_t>* shared_distinct) {
  std::vector<std::uint64_t> distinct;
  LinkUnion graph(keys_, shared, shared_distinct != nullptr ? *shared_distinct : distinct);
  constexpr std::size_t kChunk = 1 << 17;  // 2 MiB: one huge page
  MappedVector<PersonLink> chunk;
  for (std::uint64_t at = 0; at < links_file_.size(); at += chunk.size() * sizeof(PersonLink)) {
    chunk.resize(std::min<std::uint64_t>(kChunk, (links_file_.size() - at) / sizeof(PersonLink)));
    links_file_.read_at(at, chunk.data(), chunk.size() * sizeof(PersonLink));
    graph.add(chunk.data(), chunk.size());
  }
  graph.add(links_.data(), links_.size());
  return graph.components();
}

}  // namespace bd::scan::count
