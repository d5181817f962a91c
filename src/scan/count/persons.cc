#include "scan/count/persons.h"

#include <algorithm>
#include <array>
#include <bit>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <numeric>
#include <system_error>
#include <thread>

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

// A link's two keys as ranks (KeyRanks::size() for a key that is no node).
struct RankPair {
  std::uint32_t a;
  std::uint32_t b;
};

// Streams links through the union-find in two steps: translate() turns a chunk of links
// into rank pairs, unite() joins them. Both work in batches: each step of a lookup (the
// range table, the keys, the parents) is prefetched for the whole batch before the next
// step reads it, so the cache misses of a batch overlap instead of following one
// another. translate() only reads, so another thread may run it while unite() runs.
class LinkUnion {
 public:
  LinkUnion(DistinctCounter& keys, const std::vector<DistinctCounter*>& shared,
            std::vector<std::uint64_t>& shared_distinct)
      : ranks_(keys, shared, shared_distinct), uf_(ranks_.size()), components_(ranks_.size()) {}

  void translate(const PersonLink* links, std::size_t n, RankPair* out) const {
    for (std::size_t i = 0; i < n; i += kBatch) translate_batch(links + i, std::min(kBatch, n - i), out + i);
  }
  void unite(const RankPair* pairs, std::size_t n) {
    const std::uint32_t none = ranks_.size();
    for (std::size_t i = 0; i < n; i += kBatch) {
      const std::size_t end = std::min(n, i + kBatch);
      for (std::size_t k = i; k < end; ++k) {
        if (pairs[k].a < none) uf_.prefetch(pairs[k].a);
        if (pairs[k].b < none) uf_.prefetch(pairs[k].b);
      }
      for (std::size_t k = i; k < end; ++k) {
        if (pairs[k].a < none && pairs[k].b < none && uf_.unite(pairs[k].a, pairs[k].b)) --components_;
      }
    }
  }
  std::uint64_t components() const { return components_; }

 private:
  static constexpr std::size_t kBatch = 16;

  void translate_batch(const PersonLink* links, std::size_t n, RankPair* out) const {
    std::array<std::uint64_t, 2 * kBatch> key{};
    std::array<const std::uint32_t*, 2 * kBatch> at{};
    for (std::size_t i = 0; i < n; ++i) {
      key[2 * i] = links[i].first;
      key[2 * i + 1] = links[i].second;
    }
    const std::size_t m = 2 * n;
    for (std::size_t i = 0; i < m; ++i) at[i] = ranks_.locate(key[i]);
    for (std::size_t i = 0; i < m; ++i) ranks_.prefetch(key[i], at[i]);
    for (std::size_t i = 0; i < n; ++i)
      out[i] = RankPair{ranks_.rank(key[2 * i], at[2 * i]), ranks_.rank(key[2 * i + 1], at[2 * i + 1])};
  }

  KeyRanks ranks_;
  UnionFind uf_;
  std::uint64_t components_;
};

// Chunks of links, from the spill file and then from memory, as ready to unite.
constexpr std::size_t kChunk = 1 << 17;  // links: 2 MiB, one huge page

// Calls f(links, n) for each chunk of at most kChunk links: the spilled ones, read from
// `file` into a buffer of its own, then `in_memory`.
template <typename F>
void for_each_chunk(const SpillFile& file, const MappedVector<PersonLink>& in_memory, F&& f) {
  MappedVector<PersonLink> chunk;
  for (std::uint64_t at = 0; at < file.size(); at += chunk.size() * sizeof(PersonLink)) {
    chunk.resize(std::min<std::uint64_t>(kChunk, (file.size() - at) / sizeof(PersonLink)));
    file.read_at(at, chunk.data(), chunk.size() * sizeof(PersonLink));
    f(chunk.data(), chunk.size());
  }
  for (std::size_t i = 0; i < in_memory.size(); i += kChunk)
    f(in_memory.data() + i, std::min(kChunk, in_memory.size() - i));
}

// Two chunks of rank pairs handed from the thread that reads and translates links to the
// one that unites them: while one is united, the next is translated.
class PairQueue {
 public:
  explicit PairQueue(std::size_t chunk) {
    for (Slot& slot : slots_) slot.pairs.resize(chunk);
  }
  // The slot for chunk i, once it is free (its pairs were united).
  std::vector<RankPair>& fill(std::size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !slots_[i % 2].full; });
    return slots_[i % 2].pairs;
  }
  void filled(std::size_t i, std::size_t n) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      slots_[i % 2].n = n;
      slots_[i % 2].full = true;
    }
    cv_.notify_all();
  }
  // The last chunk was filled (or filling failed: `failure`).
  void close(std::exception_ptr failure) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
      failure_ = failure;
    }
    cv_.notify_all();
  }
  // Chunk i's pairs, or nullptr when there is none (all were united).
  const std::vector<RankPair>* take(std::size_t i, std::size_t& n) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return slots_[i % 2].full || closed_; });
    if (!slots_[i % 2].full) return nullptr;
    n = slots_[i % 2].n;
    return &slots_[i % 2].pairs;
  }
  void united(std::size_t i) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      slots_[i % 2].full = false;
    }
    cv_.notify_all();
  }
  std::exception_ptr failure() {
    std::lock_guard<std::mutex> lock(mu_);
    return failure_;
  }

 private:
  struct Slot {
    std::vector<RankPair> pairs;
    std::size_t n = 0;
    bool full = false;
  };
  std::mutex mu_;
  std::condition_variable cv_;
  std::array<Slot, 2> slots_;
  bool closed_ = false;
  std::exception_ptr failure_;
};

// The links through the union-find with a second thread reading and translating them;
// false (nothing done) when no thread could be started.
bool unite_side_by_side(LinkUnion& graph, const SpillFile& file, const MappedVector<PersonLink>& in_memory) {
  PairQueue queue(kChunk);
  std::thread reader;
  try {
    reader = std::thread([&] {
      std::exception_ptr failure;
      try {
        std::size_t i = 0;
        for_each_chunk(file, in_memory, [&](const PersonLink* links, std::size_t n) {
          graph.translate(links, n, queue.fill(i).data());
          queue.filled(i++, n);
        });
      } catch (...) {
        failure = std::current_exception();  // the spill file could not be read
      }
      queue.close(failure);
    });
  } catch (const std::system_error&) {
    return false;
  }
  std::size_t n = 0;
  for (std::size_t i = 0;; ++i) {
    const std::vector<RankPair>* pairs = queue.take(i, n);
    if (pairs == nullptr) break;
    graph.unite(pairs->data(), n);
    queue.united(i);
  }
  reader.join();
  if (std::exception_ptr failure = queue.failure()) std::rethrow_exception(failure);
  return true;
}

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
                                 std::vector<std::uint64_t>* shared_distinct, int threads) {
  std::vector<std::uint64_t> distinct;
  LinkUnion graph(keys_, shared, shared_distinct != nullptr ? *shared_distinct : distinct);
  const std::uint64_t total = links_file_.size() / sizeof(PersonLink) + links_.size();
  // One chunk has nothing to overlap with.
  const bool done = threads >= 2 && total > kChunk && unite_side_by_side(graph, links_file_, links_);
  if (!done) {
    std::vector<RankPair> pairs(std::min<std::uint64_t>(total, kChunk));
    for_each_chunk(links_file_, links_, [&](const PersonLink* links, std::size_t n) {
      graph.translate(links, n, pairs.data());
      graph.unite(pairs.data(), n);
    });
  }
  return graph.components();
}

}  // namespace bd::scan::count
