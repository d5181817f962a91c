// The count's keys (hash.h), and DistinctCounter and PersonGraph past their memory
// budget: spilled to temporary files, the counts stay exact.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "scan/count/distinct.h"
#include "scan/count/hash.h"
#include "scan/count/parts.h"
#include "scan/count/persons.h"
#include "scan/count/tentative_list.h"

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

// Every distinct key of the counter, partition by partition.
std::vector<std::uint64_t> all_sorted(DistinctCounter& counter) {
  std::vector<std::uint64_t> all;
  KeyVector part;
  for (std::size_t p = 0; p < DistinctCounter::kPartitions; ++p) {
    counter.sorted_partition(p, part);
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}

// The lower-casing hash must equal the hash of a lower-cased copy: e-mail addresses
// and names hashed either way are the same keys.
TEST(ScanHash, LowerCasingOnTheWayEqualsHashingALowerCasedCopy) {
  std::mt19937_64 rng(31);
  const std::string alphabet = "AZaz09@.-_MQ\xc3\xa9\xff\x80 ";
  for (std::size_t n = 0; n <= 80; ++n) {
    for (int round = 0; round < 20; ++round) {
      std::string s;
      for (std::size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
      std::string low = s;
      for (char& c : low) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      EXPECT_EQ(hash64_lower(s, 7), hash64(low, 7)) << n;
    }
  }
}

TEST(ScanSwar, SameBytesAgreesWithMemcmp) {
  std::mt19937_64 rng(37);
  for (std::size_t n = 0; n <= 40; ++n) {
    for (int round = 0; round < 200; ++round) {
      std::string a;
      for (std::size_t i = 0; i < n; ++i) a.push_back(static_cast<char>('a' + rng() % 3));
      std::string b = a;
      if (n > 0 && round % 2 == 0) b[rng() % n] = static_cast<char>('a' + rng() % 3);
      EXPECT_EQ(swar::same_bytes(a.data(), b.data(), n), a == b) << a << " " << b;
    }
  }
}

TEST(ScanDistinctCounter, SpilledCountIsExact) {
  std::vector<std::uint64_t> keys = keys_with_repeats(20000, 5);
  std::set<std::uint64_t> truth(keys.begin(), keys.end());
  DistinctCounter in_memory(64u << 20);
  DistinctCounter spilling(1);  // the smallest batch: 1024 keys, then a run on disk
  for (std::size_t i = 0; i < keys.size(); i += 1000) {
    std::size_t n = std::min<std::size_t>(1000, keys.size() - i);
    in_memory.insert_many(keys.data() + i, n);
    spilling.insert_many(keys.data() + i, n);
  }
  EXPECT_FALSE(in_memory.spilled());
  EXPECT_TRUE(spilling.spilled());
  EXPECT_GT(spilling.runs(), 20u);
  EXPECT_EQ(in_memory.count(), truth.size());
  EXPECT_EQ(spilling.count(), truth.size());
}

TEST(ScanDistinctCounter, AFewKeysRepeatedStayInMemory) {
  // 300 values seen 400 times each, through a batch of 1024 keys: each full batch is
  // sorted down to the 300 and nothing is written; a batch of mostly new keys spills.
  std::mt19937_64 rng(17);
  std::vector<std::uint64_t> values(300);
  for (auto& v : values) v = rng();
  DistinctCounter counter(1);
  for (int round = 0; round < 400; ++round) counter.insert_many(values.data(), values.size());
  EXPECT_FALSE(counter.spilled());
  EXPECT_EQ(counter.count(), 300u);
  std::vector<std::uint64_t> fresh(5000);
  for (auto& v : fresh) v = rng();
  counter.insert_many(fresh.data(), fresh.size());
  EXPECT_TRUE(counter.spilled());
  EXPECT_EQ(counter.count(), 5300u);
}

TEST(ScanDistinctCounter, ABatchItsSampleMisjudgesStillCountsExactly) {
  // The keys the sample takes (bits 50 to 55 zero) are one value repeated, the others
  // all distinct: the batch looks like repeats, its table overflows, and it is sorted.
  std::mt19937_64 rng(23);
  std::vector<std::uint64_t> keys;
  std::set<std::uint64_t> truth;
  const std::uint64_t sampled = 0x0123456789abcdefull & ~(std::uint64_t{63} << 50);
  for (std::size_t i = 0; i < 300000; ++i) {
    std::uint64_t k = i % 1000 == 0 ? sampled : (rng() | (std::uint64_t{1} << 50));
    keys.push_back(k);
    truth.insert(k);
  }
  DistinctCounter counter(std::size_t{1} << 20);  // 131,072 keys a batch
  counter.insert_many(keys.data(), keys.size());
  EXPECT_EQ(counter.count(), truth.size());
  EXPECT_EQ(all_sorted(counter), std::vector<std::uint64_t>(truth.begin(), truth.end()));
}

TEST(ScanDistinctCounter, SortedKeysAreTheDistinctKeysInOrder) {
  std::vector<std::uint64_t> keys = keys_with_repeats(5000, 9);
  std::set<std::uint64_t> truth(keys.begin(), keys.end());
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{1}}) {
    DistinctCounter counter(memory);
    for (std::uint64_t k : keys) counter.insert(k);
    std::vector<std::uint64_t> seen = all_sorted(counter);
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

// More links than one chunk of the union-find (131,072), so that with two threads one
// thread reads and looks up a chunk while the other unites the one before.
TEST(ScanPersonGraph, ManyLinksCountTheSameOnOneThreadAndOnTwo) {
  // 150,000 people of two keys each; person p also joins person p + 1 when p % 3 == 0,
  // and some links are to a key never added or to the key itself.
  constexpr std::uint64_t kPeople = 150000;
  auto key = [](std::uint64_t person, std::uint64_t k) {
    return (person * 2 + k + 1) * 0x9e3779b97f4a7c15ull;
  };
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{4096}}) {
    for (int threads : {1, 2}) {
      PersonGraph g(memory);
      std::vector<std::uint64_t> keys;
      std::vector<PersonLink> links;
      for (std::uint64_t p = 0; p < kPeople; ++p) {
        keys.push_back(key(p, 0));
        keys.push_back(key(p, 1));
        links.emplace_back(key(p, 0), key(p, 1));
        if (p % 3 == 0 && p + 1 < kPeople) links.emplace_back(key(p, 1), key(p + 1, 0));
        if (p % 1000 == 0) links.emplace_back(key(p, 0), key(p, 0));
        if (p % 1000 == 1) links.emplace_back(key(p, 0), 0x4242);
      }
      g.add_keys(keys);
      g.add_links(links);
      EXPECT_EQ(g.count({}, nullptr, threads), kPeople - kPeople / 3) << memory << " bytes, " << threads;
    }
  }
}

// Keys that are not uniform hashes: small numbers, a dense cluster, the largest values.
// They fill a few ranges of the key space, so sorting them and ranking them take the
// paths for crowded ranges.
std::vector<std::uint64_t> skewed_keys(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < n; ++i) {
    switch (i % 4) {
      case 0:
        keys.push_back(rng() % 5000);
        break;  // 0 included
      case 1:
        keys.push_back((std::uint64_t{0x42} << 56) | (rng() % 100000));
        break;
      case 2:
        keys.push_back(~std::uint64_t{0} - rng() % 3000);
        break;
      default:
        keys.push_back(rng());
        break;
    }
  }
  return keys;
}

TEST(ScanDistinctCounter, SkewedKeysAreSortedExactly) {
  std::vector<std::uint64_t> keys = skewed_keys(30000, 3);
  std::set<std::uint64_t> truth(keys.begin(), keys.end());
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{1}}) {
    DistinctCounter counter(memory);
    counter.insert_many(keys.data(), keys.size());
    EXPECT_EQ(counter.count(), truth.size()) << memory;  // counted in buckets, not sorted
    std::vector<std::uint64_t> seen = all_sorted(counter);
    EXPECT_EQ(seen, std::vector<std::uint64_t>(truth.begin(), truth.end())) << memory;
  }
}

// A spilled counter counts each partition through a table indexed by the bits below
// the top byte. Keys that share those bits (not hashes: input made to collide) pile up
// in one slot's probe chain; the partition is then counted by buckets, as exactly. Key
// 0, the table's mark for an empty slot, counts too.
TEST(ScanDistinctCounter, KeysThatCollideInTheCountingTableCountExactly) {
  std::vector<std::uint64_t> keys;
  for (std::uint64_t i = 0; i < 20000; ++i) keys.push_back((i % 3) << 56 | (i % 7000));      // low bits only
  for (std::uint64_t i = 0; i < 5000; ++i) keys.push_back(0x9e3779b97f4a7c15ull * (i + 1));  // uniform
  keys.push_back(0);
  std::set<std::uint64_t> truth(keys.begin(), keys.end());
  DistinctCounter spilling(1);
  for (std::size_t i = 0; i < keys.size(); i += 1000)
    spilling.insert_many(keys.data() + i, std::min<std::size_t>(1000, keys.size() - i));
  ASSERT_TRUE(spilling.spilled());
  EXPECT_EQ(spilling.count(), truth.size());
}

// Union-find over a std::map: the count PersonGraph must reproduce.
std::uint64_t reference_persons(const std::vector<std::uint64_t>& keys,
                                const std::vector<PersonLink>& links) {
  std::map<std::uint64_t, std::uint64_t> parent;
  for (std::uint64_t k : keys) parent.emplace(k, k);
  auto find = [&](std::uint64_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::uint64_t persons = parent.size();
  for (const PersonLink& l : links) {
    if (parent.count(l.first) == 0 || parent.count(l.second) == 0) continue;
    std::uint64_t a = find(l.first);
    std::uint64_t b = find(l.second);
    if (a != b) {
      parent[a] = b;
      --persons;
    }
  }
  return persons;
}

TEST(ScanPersonGraph, SkewedKeysLinksToUnknownKeysAndSelfLinksCountExactly) {
  std::vector<std::uint64_t> keys = skewed_keys(20000, 11);
  std::mt19937_64 rng(12);
  std::vector<PersonLink> links;
  for (std::size_t i = 0; i < keys.size() / 2; ++i)
    links.emplace_back(keys[rng() % keys.size()], keys[rng() % keys.size()]);
  for (std::size_t i = 0; i < 500; ++i) {
    links.emplace_back(keys[i], keys[i]);                          // a link to itself joins nothing
    links.emplace_back(keys[i], (std::uint64_t{0x43} << 56) | i);  // nor one to a key never added
  }
  links.emplace_back(keys[0], ~std::uint64_t{0} - 4000);
  const std::uint64_t truth = reference_persons(keys, links);
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{1}}) {
    PersonGraph g(memory);
    for (std::size_t i = 0; i < keys.size(); i += 700) {
      std::size_t end = std::min(keys.size(), i + 700);
      g.add_keys(std::vector<std::uint64_t>(keys.begin() + i, keys.begin() + end));
    }
    for (std::size_t i = 0; i < links.size(); i += 300) {
      std::size_t end = std::min(links.size(), i + 300);
      g.add_links(std::vector<PersonLink>(links.begin() + i, links.begin() + end));
    }
    EXPECT_EQ(g.count(), truth) << memory;
  }
}

TEST(ScanPersonGraph, KeysOfSharedCountersAreNodesAndTheirDistinctCountsAreReported) {
  // The keys split over the graph's own counter and two shared ones (as the scan's BSN
  // and e-mail counters are), some in two of them: the same persons as with every key
  // added to the graph, and each shared counter's distinct count on the way.
  std::vector<std::uint64_t> keys = skewed_keys(20000, 21);
  std::mt19937_64 rng(22);
  std::vector<PersonLink> links;
  for (std::size_t i = 0; i < keys.size() / 2; ++i)
    links.emplace_back(keys[rng() % keys.size()], keys[rng() % keys.size()]);
  const std::uint64_t truth = reference_persons(keys, links);
  for (std::size_t memory : {std::size_t{64} << 20, std::size_t{1}}) {
    PersonGraph g(memory);
    DistinctCounter bsn(memory);
    DistinctCounter email(memory);
    std::set<std::uint64_t> bsn_truth;
    std::set<std::uint64_t> email_truth;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i % 3 == 0) g.add_key(keys[i]);
      if (i % 3 == 1 || i % 7 == 0) {
        bsn.insert(keys[i]);
        bsn_truth.insert(keys[i]);
      }
      if (i % 3 == 2) {
        email.insert(keys[i]);
        email_truth.insert(keys[i]);
      }
    }
    g.add_links(links);
    std::vector<std::uint64_t> distinct;
    EXPECT_EQ(g.count({&bsn, &email}, &distinct), truth) << memory;
    EXPECT_EQ(distinct, (std::vector<std::uint64_t>{bsn_truth.size(), email_truth.size()})) << memory;
  }
}

MemberResult range(std::uint64_t split, std::uint32_t part, std::uint32_t parts, std::uint64_t records) {
  MemberResult r;
  r.split = split;
  r.part = part;
  r.parts = parts;
  r.file.records = records;
  r.problems.push_back("range " + std::to_string(part));
  return r;
}

TEST(ScanPartCollector, RangesOfAStreamCombineInOrderOnceTheCountIsKnown) {
  // A stream's ranges end in any order, and only the last knows how many there are.
  PartCollector parts(3);
  EXPECT_FALSE(parts.add(range(7, 2, 0, 300)));
  EXPECT_FALSE(parts.add(range(8, 0, 2, 1)));  // another split, not done
  EXPECT_FALSE(parts.add(range(7, 0, 0, 1)));
  EXPECT_FALSE(parts.add(range(7, 3, 4, 4000)));  // the last: 4 ranges
  std::optional<MemberResult> whole = parts.add(range(7, 1, 0, 20));
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->file.records, 4321u);
  EXPECT_EQ(whole->problems, (std::vector<std::string>{"range 0", "range 1", "range 2", "range 3"}));
  EXPECT_EQ(whole->split, 0u);
  EXPECT_EQ(whole->parts, 1u);
  // A file's ranges all know their count; a stream of one range is whole at once.
  std::optional<MemberResult> file = parts.add(range(8, 1, 2, 2));
  ASSERT_TRUE(file);
  EXPECT_EQ(file->file.records, 3u);
  ASSERT_TRUE(parts.add(range(9, 0, 1, 5)));
}

// The entries of a tentative list, in order.
std::vector<TentativeBsn> entries(const TentativeList& list) {
  std::vector<TentativeBsn> all;
  list.for_each([&](const TentativeBsn* t, std::size_t n) { all.insert(all.end(), t, t + n); });
  return all;
}

TentativeBsn tentative(std::uint32_t i) {
  return TentativeBsn{i % 3 == 0 ? 0 : 1000 + std::uint64_t{i}, i, i % 2 == 0};
}

void expect_entries(const TentativeList& list, std::uint32_t first, std::uint32_t count) {
  ASSERT_EQ(list.size(), count);
  const std::vector<TentativeBsn> all = entries(list);
  ASSERT_EQ(all.size(), count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TentativeBsn want = tentative(first + i);
    ASSERT_EQ(all[i].bsn, want.bsn) << i;
    ASSERT_EQ(all[i].joins, want.joins) << i;
    ASSERT_EQ(all[i].other_personal_data, want.other_personal_data) << i;
  }
}

// A headerless BSN column of millions of records keeps its tentative BSNs in a spill
// file past the first 64K: they come back in order, and the last one (whose record is
// being read) stays in memory to be changed.
TEST(ScanTentativeList, EntriesPastTheMemoryPartComeBackFromTheFileInOrder) {
  std::shared_ptr<SpillFile> file;
  TentativeList list;
  const auto n = static_cast<std::uint32_t>(TentativeList::kInMemory * 3 + 5);
  for (std::uint32_t i = 0; i < n; ++i) {
    list.push_back(TentativeBsn{0, i, false}, file);
    list.back().joins = tentative(i).joins;  // as the end of the record sets it
    list.back().other_personal_data = tentative(i).other_personal_data;
  }
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->size(), TentativeList::kInMemory * 3 * sizeof(TentativeBsn));
  expect_entries(list, 0, n);
}

TEST(ScanTentativeList, ASmallListNeedsNoFile) {
  std::shared_ptr<SpillFile> file;
  TentativeList list;
  for (std::uint32_t i = 0; i < 1000; ++i) list.push_back(tentative(i), file);
  EXPECT_EQ(file, nullptr);
  expect_entries(list, 0, 1000);
}

// A split file's ranges each spill to their own file; combined, the ranges' entries
// follow each other in range order, whatever each holds in memory and in its file,
// and no more than the cap are kept (the first).
TEST(ScanTentativeList, RangesAppendInOrderUpToTheCap) {
  const std::uint32_t k = TentativeList::kInMemory;
  const std::vector<std::vector<std::uint32_t>> shapes = {
      {10, 20, 30}, {10, 2 * k + 7, 5}, {k + 1, 3, 2 * k}, {k - 1, 2, k}, {0, k * 2, 0, 9}};
  for (const auto& sizes : shapes) {
    std::uint32_t total = 0;
    for (std::uint32_t n : sizes) total += n;
    for (std::uint64_t cap : {std::uint64_t{total}, std::uint64_t{total} / 2 + 1, std::uint64_t{3}}) {
      std::vector<TentativeList> ranges(sizes.size());
      std::vector<std::shared_ptr<SpillFile>> files(sizes.size());
      std::uint32_t next = 0;
      for (std::size_t r = 0; r < sizes.size(); ++r) {
        for (std::uint32_t i = 0; i < sizes[r]; ++i) ranges[r].push_back(tentative(next++), files[r]);
      }
      TentativeList all = std::move(ranges[0]);
      for (std::size_t r = 1; r < ranges.size(); ++r) all.append(std::move(ranges[r]), cap);
      // The first range is never cut: the cap applies to what is appended.
      const auto kept = static_cast<std::uint32_t>(std::min<std::uint64_t>(cap, total));
      expect_entries(all, 0, std::max(kept, sizes[0]));
    }
  }
}

}  // namespace
}  // namespace bd::scan::count
