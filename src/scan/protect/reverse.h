// reverse_digests: the check behind --reverse-hashes. An unsalted MD5 / SHA-1 /
// SHA-256 of a BSN or a Dutch mobile number protects nothing: there are only ~91
// million valid BSNs and 10^8 06-numbers, so every one of them is hashed and looked up
// among the digests found in hash-shaped columns (hex or base64).
//
// Cost: one short-message hash per candidate and algorithm present (~1-3 minutes of
// CPU for the full space per algorithm; split over `threads`). Thread-safe (pure
// function; uses its own worker threads). Never fails: undecodable digests are ignored.
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
