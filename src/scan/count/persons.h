// count_persons: distinct persons by union-find. Records that share a person key (BSN
// or e-mail; name + postcode + house number when a record has neither) are the same
// person, transitively. A key seen outside any record (free text) is a person of its
// own unless a record joins it.
//
// Pure function of its input; thread-safe; allocation failure throws bad_alloc.
#pragma once

#include <cstdint>
#include <vector>

#include "scan/count/member_result.h"

namespace bd::scan::count {

// Edges carry scan-wide record ids (kNoRecord for free text). Returns the number of
// connected components that hold at least one key.
std::uint64_t count_persons(const std::vector<PersonEdge>& edges);

}  // namespace bd::scan::count
