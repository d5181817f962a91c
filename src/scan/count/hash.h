// hash64: the 64-bit hash of normalised values used for distinct counting and person
// keys. Not cryptographic; collisions are negligible below ~10^9 distinct values
// (birthday bound 2^32). A seed separates categories (a BSN and a phone number with
// the same digits are different keys).
//
// Pure, thread-safe, never fails.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace bd::scan::count {

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

inline std::uint64_t hash64(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = mix64(seed ^ (s.size() * 0x9e3779b97f4a7c15ull));
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = mix64(h ^ w) + 0x9e3779b97f4a7c15ull;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return mix64(h ^ tail ^ (static_cast<std::uint64_t>(s.size() - i) << 56));
}

inline std::uint64_t hash64(std::uint64_t v, std::uint64_t seed) { return mix64(mix64(v ^ seed) + seed); }

}  // namespace bd::scan::count
