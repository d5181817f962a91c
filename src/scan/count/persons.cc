#include "scan/count/persons.h"

#include <algorithm>
#include <numeric>

namespace bd::scan::count {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
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
  std::vector<std::uint32_t> parent_;
};

// The sorted distinct keys with a table of where each top-16-bit prefix starts, so a
// key's rank costs a binary search over a few hundred keys instead of millions.
class KeyRanks {
 public:
  explicit KeyRanks(DistinctCounter& keys) {
    keys.for_each_sorted([this](const std::uint64_t* k, std::size_t n) { keys_.insert(keys_.end(), k, k + n); });
    start_.assign(kBuckets + 1, 0);
    std::size_t i = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      start_[b] = static_cast<std::uint32_t>(i);
      while (i < keys_.size() && (keys_[i] >> 48) == b) ++i;
    }
    start_[kBuckets] = static_cast<std::uint32_t>(keys_.size());
  }
  std::size_t size() const { return keys_.size(); }
  // The key's index in sorted order, or size() when it is not a key.
  std::uint32_t rank(std::uint64_t key) const {
    std::size_t b = key >> 48;
    auto first = keys_.begin() + start_[b];
    auto last = keys_.begin() + start_[b + 1];
    auto it = std::lower_bound(first, last, key);
    if (it == last || *it != key) return static_cast<std::uint32_t>(keys_.size());
    return static_cast<std::uint32_t>(it - keys_.begin());
  }

 private:
  static constexpr std::size_t kBuckets = 1 << 16;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> start_;
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
  for (const PersonLink& l : links) add_link(l.first, l.second);
}

void PersonGraph::spill_links() {
  links_file_.append(links_.data(), links_.size() * sizeof(PersonLink));
  links_.clear();
}

std::uint64_t PersonGraph::count() {
  KeyRanks ranks(keys_);
  UnionFind uf(ranks.size());
  std::uint64_t components = ranks.size();
  auto unite = [&](const PersonLink& l) {
    std::uint32_t a = ranks.rank(l.first);
    std::uint32_t b = ranks.rank(l.second);
    if (a < ranks.size() && b < ranks.size() && uf.unite(a, b)) --components;
  };
  constexpr std::size_t kChunk = 1 << 16;
  std::vector<PersonLink> chunk;
  for (std::uint64_t at = 0; at < links_file_.size(); at += chunk.size() * sizeof(PersonLink)) {
    chunk.resize(std::min<std::uint64_t>(kChunk, (links_file_.size() - at) / sizeof(PersonLink)));
    links_file_.read_at(at, chunk.data(), chunk.size() * sizeof(PersonLink));
    for (const PersonLink& l : chunk) unite(l);
  }
  for (const PersonLink& l : links_) unite(l);
  return components;
}

}  // namespace bd::scan::count
