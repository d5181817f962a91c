// hash64: the 64-bit hash of normalised values used for distinct counting and person
// keys. Not cryptographic; collisions are negligible below ~10^9 distinct values
// (birthday bound 2^32). A seed separates categories (a BSN and a phone number with
// the same digits are different keys).
//
// Pure, thread-safe, never fails.
#pragma once

#include <cstdint>
#include <string_view>

#include "scan/swar.h"

namespace bd::scan::count {

// The high and low halves of the 128-bit product, folded: one multiply mixes two
// 64-bit words thoroughly.
__extension__ typedef unsigned __int128 Uint128;  // a GCC/Clang type, hence the marker

inline std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) {
  Uint128 p = static_cast<Uint128>(a) * b;
  return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
}

// 16 bytes per multiply: e-mail addresses, IBANs and password hashes are hashed for
// every value. The last 1 to 16 bytes are read as two overlapping words (fixed-size
// loads; a copy of a variable length cost a library call per value); with the length
// mixed in, every byte still counts. The seed and the length enter through the first
// multiply, and the last multiply is the end: a finaliser of two more multiplies at
// each end was a visible share of a scan, since a value's hash waits on the whole chain.
// `word` maps each word read (hash64_lower lower-cases it on the way).
template <typename Word>
inline std::uint64_t hash64_of(std::string_view s, std::uint64_t seed, Word word) {
  constexpr std::uint64_t kA = 0xa0761d6478bd642full;
  constexpr std::uint64_t kB = 0xe7037ed1a0b428dbull;
  constexpr std::uint64_t kC = 0x8ebc6af09c88c6e3ull;
  std::uint64_t h = (seed ^ kC) * 0x9e3779b97f4a7c15ull ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n > 16; p += 16, n -= 16)
    h = fold_multiply(word(swar::load8(p)) ^ h ^ kA, word(swar::load8(p + 8)) ^ kB);
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n >= 8) {
    a = word(swar::load8(p));
    b = word(swar::load8(p + n - 8));
  } else if (n >= 4) {
    a = word(swar::load4(p));
    b = word(swar::load4(p + n - 4));
  } else if (n > 0) {
    a = word(static_cast<unsigned char>(p[0]) | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
             std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
  }
  return fold_multiply(a ^ h ^ kA, b ^ kB ^ (n * 0x9e3779b97f4a7c15ull) ^ (h >> 29));
}

inline std::uint64_t hash64(std::string_view s, std::uint64_t seed) {
  return hash64_of(s, seed, [](std::uint64_t w) { return w; });
}

// hash64 of `s` with ASCII 'A'..'Z' lower-cased, without a lower-cased copy: the e-mail
// address and the name of every record are hashed so.
inline std::uint64_t hash64_lower(std::string_view s, std::uint64_t seed) {
  return hash64_of(s, seed, [](std::uint64_t w) { return swar::lower8(w); });
}

// One multiply of the number with a constant of the seed's: a number's hash is on the
// path of every BSN, phone number and date.
inline std::uint64_t hash64(std::uint64_t v, std::uint64_t seed) {
  return fold_multiply(v ^ 0xa0761d6478bd642full, (seed * 0x9e3779b97f4a7c15ull) | 1);
}

}  // namespace bd::scan::count
