// reverse_digests: the check behind --reverse-hashes. An unsalted MD5 / SHA-1 /
// SHA-256 of a BSN or a Dutch mobile number protects nothing: there are only ~91
// million valid BSNs and 10^8 06-numbers, so every one of them is hashed, in every
// form people write it, and looked up among the digests found in hash-shaped columns
// (hex in either case, or base64 with or without padding). The forms tried:
//   BSN     nine digits ("012345672"); a BSN below 100000000 also as eight digits
//           without the leading zero ("12345672")
//   mobile  06xxxxxxxx, +316xxxxxxxx and 00316xxxxxxxx
// A hit is reported in the normalised form (nine-digit BSN, 06-number).
//
// Cost: one single-block hash per form and algorithm present: ~100 million BSN forms
// and 3 x 10^8 mobile forms per algorithm, hashed sixteen at a time
// (scan/protect/digest_lanes.h) and split over `threads` (docs/scan-report.md has
// measured figures). Thread-safe (pure function; uses its own worker threads).
// Never fails: undecodable digests are ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bd::scan::protect {

struct ReverseSpace {
  std::uint64_t bsn_prefix_begin = 0;  // 8-digit BSN prefixes to enumerate [begin, end)
  std::uint64_t bsn_prefix_end = 100000000;
  std::uint64_t mobile_begin = 0;      // 06-numbers: the 8 digits after "06" [begin, end)
  std::uint64_t mobile_end = 100000000;
  int threads = 2;
};

struct Reversed {
  std::string plaintext;  // "123456782" or "0612345678"
  bool bsn = false;       // else a mobile number
};

// For each digest (hex or base64 of 16/20/32 bytes) the recovered value, if any.
std::vector<std::optional<Reversed>> reverse_digests(const std::vector<std::string>& digests,
                                                     const ReverseSpace& space = {});

}  // namespace bd::scan::protect
