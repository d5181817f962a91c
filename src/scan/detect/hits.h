// Hit: one validated value found by the detectors, before counting. Detectors append
// hits to a HitList; the member scanner (scan/count/member_scan.h) turns them into
// counts, distinct values, person keys and masked samples.
//
// Plain data; not thread-safe (one list per sink).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/report.h"

namespace bd::scan::detect {

struct Hit {
  Category category = Category::kBsn;
  std::uint64_t key = 0;     // hash of the normalised value (distinct counting, persons)
  std::uint64_t number = 0;  // BSN or national phone number as a number, else 0
  std::string_view raw;      // the value as found (valid only until the next field/block)
};

// What a block of text or a field showed besides countable values.
struct Signals {
  std::uint32_t bsn_near_miss = 0;  // BSN-shaped, BSN context, failing the 11-check
  std::uint32_t encryption_signatures = 0;
  std::string_view signature;       // the first signature seen ("Salted__", ...)
};

}  // namespace bd::scan::detect
