#include "scan/count/persons.h"

#include "scan/count/flat_set.h"
#include "scan/count/hash.h"

namespace bd::scan::count {
namespace {

class UnionFind {
 public:
  std::uint32_t add() {
    parent_.push_back(static_cast<std::uint32_t>(parent_.size()));
    return parent_.back();
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[a < b ? b : a] = a < b ? a : b;
  }
  std::size_t size() const { return parent_.size(); }

 private:
  std::vector<std::uint32_t> parent_;
};

constexpr std::uint64_t kRecordSeed = 0x7265636f72646964ull;  // "recordid"

}  // namespace

std::uint64_t count_persons(const std::vector<PersonEdge>& edges) {
  FlatIndex64 index;
  UnionFind uf;
  std::vector<bool> is_key;
  auto node = [&](std::uint64_t h, bool key) {
    std::uint32_t i = index.index_of(h);
    if (i == uf.size()) {
      uf.add();
      is_key.push_back(key);
    }
    return i;
  };
  for (const PersonEdge& e : edges) {
    std::uint32_t k = node(e.key, true);
    if (e.record != kNoRecord) uf.unite(k, node(hash64(e.record, kRecordSeed), false));
  }
  FlatSet64 roots;
  for (std::uint32_t i = 0; i < uf.size(); ++i) {
    if (is_key[i]) roots.insert(uf.find(i) + 1ull);
  }
  return roots.size();
}

}  // namespace bd::scan::count
