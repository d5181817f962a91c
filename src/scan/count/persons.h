// PersonGraph: distinct persons by union-find. Records that share a person key (BSN
// or e-mail; name + postcode + house number when a record has neither) are the same
// person, transitively. A key seen outside any record (free text) is a person of its
// own unless a record joins it.
//
// The graph has the keys as its only nodes: a record contributes its keys (add_key, or
// through a shared counter, see count()) and links its first key to each other one
// (add_link), as its fields arrive. Keys go into a DistinctCounter
// (scan/count/distinct.h) and links into a buffer of bounded size that spills to a
// temporary file, so memory during the scan is bounded. count() then holds the sorted
// distinct keys, a table of where each small range of key values starts in them (at
// most 1 byte per key) and a 32-bit parent per key (at most 13 bytes per distinct
// key), and streams the links through the union-find: exact.
//
// Not thread-safe: ScanState locks around it. Failure: as DistinctCounter (a temporary
// file that cannot be written throws std::runtime_error; allocation throws bad_alloc).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "scan/count/distinct.h"
#include "scan/report.h"

namespace bd::scan::count {

using PersonLink = std::pair<std::uint64_t, std::uint64_t>;

// The categories whose values are person keys: a BSN or an e-mail address is one
// person wherever it appears (name + postcode + house number only stands in for them).
inline bool is_person_key(Category c) {
  return c == Category::kBsn || c == Category::kEmail;
}

class PersonGraph {
 public:
  // `memory_bytes`: the most the key batch and the link buffer each hold in memory.
  explicit PersonGraph(std::size_t memory_bytes);

  void add_key(std::uint64_t key) { keys_.insert(key); }
  void add_keys(const std::vector<std::uint64_t>& keys) { keys_.insert_many(keys.data(), keys.size()); }
  // `a` and `b` are the same person; both must also be added with add_key.
  void add_link(std::uint64_t a, std::uint64_t b);
  void add_links(const std::vector<PersonLink>& links);

  // The number of connected components (each holds at least one key). The distinct
  // keys of the `shared` counters are nodes too, as if added with add_key: the BSN and
  // e-mail counts of a scan are its person keys, kept once. shared_distinct[i] is set to
  // the number of distinct keys of shared[i] (read on the way: their counts). With
  // `threads` 2 or more, a second thread reads the links and looks up their keys while
  // this one unites them.
  std::uint64_t count(const std::vector<DistinctCounter*>& shared = {},
                      std::vector<std::uint64_t>* shared_distinct = nullptr, int threads = 1);

 private:
  void spill_links();

  DistinctCounter keys_;
  MappedVector<PersonLink> links_;
  std::size_t link_capacity_;
  SpillFile links_file_;
};

}  // namespace bd::scan::count
