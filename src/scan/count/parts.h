// PartCollector: combines the results of the ranges of one split file (MemberPart,
// scan/input/split.h) into the one MemberResult the unsplit file gives.
//
// Ranges cut a file at record boundaries and every record is scanned by exactly one
// range, so counts add up; what a member keeps only the first of (samples, tentative
// BSNs and digests up to their caps, signatures, problems) is kept in range order,
// which is the file's order. A column is matched by its table (SQL; "" for CSV) and
// its place among the table's columns: a later range has the columns of the ranges
// before it at the same places (CSV: the header's names, then "#n"; SQL: its prime
// declares every table and column seen before it; NDJSON: its prime declares every
// key seen before it, in order), and may add more. Free text has no columns, and a
// log's ranges start where its text blocks start, so its counts and signatures add
// up as the whole file's. Distinct values
// and persons are not part of a MemberResult: every range streams its own to the
// ScanState.
//
// Not thread-safe (ScanState calls it under its lock). Never fails.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "scan/count/member_result.h"

namespace bd::scan::count {

class PartCollector {
 public:
  explicit PartCollector(std::size_t samples_per_category) : samples_(samples_per_category) {}
  // Takes one range's result; once all ranges of its file are in, returns them combined.
  // The number of ranges comes with any range that knows it (parts > 0): the last range
  // of a split file or of a stream. Ranges are appended as soon as those before
  // them are in, so that a stream of thousands of ranges holds only the few that ended
  // early, not all of them until its end.
  std::optional<MemberResult> add(MemberResult&& part);

 private:
  struct Pending {
    std::optional<MemberResult> combined;         // ranges 0 .. next - 1
    std::uint32_t next = 0;                       // the range to append next
    std::map<std::uint32_t, MemberResult> early;  // ranges that ended before it
    std::uint32_t count = 0;                      // 0 until a range says
  };
  std::size_t samples_;
  std::map<std::uint64_t, Pending> pending_;  // by split id
};

// Appends `next` (the following range of the same file) to `into`.
void append_part(MemberResult& into, MemberResult&& next, std::size_t samples_per_category);

}  // namespace bd::scan::count
