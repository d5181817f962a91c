// TentativeList: a column's tentative BSNs (whole-field values that pass the 11-check
// in a column without a BSN header), kept in order until the column's verdict says
// whether they count (scan/count/state.h).
//
// A headerless column of BSNs holds one entry per record, 16 bytes each: 128 MB for 8
// million records, and a 2 GB file could hold ten times that. So at most kInMemory
// entries (1 MiB) stay in memory; older ones go, in blocks of that size, to a spill
// file (scan/count/distinct.h's unnamed temporary file) that the caller owns and shares
// among a member's columns, and for_each() reads them back in order.
//
// Ownership: the list shares the spill files its blocks are in (a split file's ranges
// each have their own, and combining the ranges chains their blocks). Not thread-safe:
// one thread at a time, as MemberResult is. Failure: a spill file that cannot be
// created, written or read throws std::runtime_error (as DistinctCounter's does).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "scan/count/distinct.h"

namespace bd::scan::count {

// A whole-field BSN in a column without a BSN header: it counts only if the column's
// values turn out (nearly) all to pass the 11-check.
struct TentativeBsn {
  std::uint64_t joins = 0;  // the record's first person key (0: none), the same person
  std::uint32_t bsn = 0;
  bool other_personal_data = false;  // the record had personal data anyway
};

class TentativeList {
 public:
  static constexpr std::size_t kInMemory = std::size_t{1} << 16;

  std::uint64_t size() const { return spilled_ + memory_.size(); }
  bool empty() const { return size() == 0; }

  // Appends t; when the memory part is full it is written to `file` first (created
  // when null).
  void push_back(const TentativeBsn& t, std::shared_ptr<SpillFile>& file);
  // The last entry (the record being read sets its joins); the list is not empty.
  TentativeBsn& back() { return memory_.back(); }

  // Appends `next`'s entries after these, keeping at most `cap` in all (the first).
  void append(TentativeList&& next, std::uint64_t cap);

  // Calls f(entries, n) for the entries in order, a block at a time.
  template <typename F>
  void for_each(F&& f) const {
    std::vector<TentativeBsn> block;
    for (const Block& b : blocks_) {
      block.resize(b.count);
      b.file->read_at(b.offset, block.data(), b.count * sizeof(TentativeBsn));
      f(block.data(), block.size());
    }
    if (!memory_.empty()) f(memory_.data(), memory_.size());
  }

 private:
  struct Block {
    std::shared_ptr<SpillFile> file;
    std::uint64_t offset = 0;  // in bytes
    std::size_t count = 0;     // entries
  };
  void spill(std::shared_ptr<SpillFile>& file);

  std::vector<Block> blocks_;  // the older entries, in order
  std::uint64_t spilled_ = 0;  // entries in blocks_
  std::vector<TentativeBsn> memory_;
};

}  // namespace bd::scan::count
