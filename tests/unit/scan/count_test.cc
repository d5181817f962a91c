// DistinctCounter and PersonGraph past their memory budget: spilled to temporary files,
// the counts stay exact.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "scan/count/distinct.h"
#include "scan/count/persons.h"

namespace bd::scan::count {
namespace {

std::vector<std::uint64_t> keys_with_repeats(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t k = rng();
    keys.push_back(k);
    if (i % 3 == 0) keys.push_back(keys[rng() % keys.size()]);  // a value seen again, later
  }
  keys.push_back(0);  // key 0 is a key like any other
  keys.push_back(0);
  return keys;
}

TEST(ScanDistinctCounter, SpilledCountIsExact) {
  std::vector<std::uint64_t> keys = keys_with_repeats(20000, 5);
  std::set<std::uint64_t> truth(keys.begin(), keys.end());
  DistinctCounter in_memory(64u << 20);
  DistinctCounter spilling(1);  // the smallest set: 511 keys, then a run on disk
  for (std::size_t i = 0; i < keys.size(); i += 1000) {
    std::size_t n = std::min<std::size_t>(1000, keys.size() - i);
    in_memory.insert_many(keys.data() + i, n);
    spilling.insert_many(keys.data() + i, n);
  }
  EXPECT_FALSE(in_memory.spilled());
  EXPECT_TRUE(spilling.spilled());
  EXPECT_GT(spilling.runs(), 30u);
  EXPECT_EQ(in_memory.count(), truth.size());
  EXPECT_EQ(spilling.count(), truth.size());
}

TEST(ScanDistinctCounter, SortedKeysAreTheDistinctKeysInOrder) {
  std::vector<std::uint64_t> keys = keys_with_repeats(5000, 9);
  std::set<std::uint64_t> truth(keys.begin(), keys.end());
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{1}}) {
    DistinctCounter counter(memory);
    for (std::uint64_t k : keys) counter.insert(k);
    std::vector<std::uint64_t> seen;
    counter.for_each_sorted([&](const std::uint64_t* k, std::size_t n) { seen.insert(seen.end(), k, k + n); });
    EXPECT_EQ(seen, std::vector<std::uint64_t>(truth.begin(), truth.end())) << memory;
    counter.insert(keys.front());  // still takes keys afterwards
    EXPECT_EQ(counter.count(), truth.size()) << memory;
  }
}

TEST(ScanPersonGraph, ChainsAcrossSpilledLinksAreOnePerson) {
  // 3000 people of three keys each, linked in a chain key0-key1-key2; person i's last
  // key is also linked to person i+1 when i is even: pairs of people merge.
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{1}}) {
    PersonGraph g(memory);
    auto key = [](std::uint64_t person, std::uint64_t k) { return (person * 3 + k) * 0x9e3779b97f4a7c15ull; };
    for (std::uint64_t p = 0; p < 3000; ++p) {
      g.add_keys({key(p, 0), key(p, 1), key(p, 2)});
      g.add_link(key(p, 0), key(p, 1));
      g.add_link(key(p, 0), key(p, 2));
      if (p % 2 == 0) g.add_link(key(p, 2), key(p + 1, 0));
    }
    EXPECT_EQ(g.count(), 1500u) << memory;
  }
}

}  // namespace
}  // namespace bd::scan::count
