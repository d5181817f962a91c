// Byte tests eight at a time in a 64-bit word ("SIMD within a register"): the fixed
// shapes of structured fields (digests, UUIDs, timestamps) are checked for every field
// of a dump, and a loop with a branch per character was a measurable share of that.
// Portable C++ (no CPU dispatch); a word holds bytes in memory order (little-endian
// loads are assumed, as on every platform the scanner is built for).
//
// Pure functions; thread-safe; never fail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace bd::scan::swar {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = kOnes * 0x80;

// The eight bytes at p.
inline std::uint64_t load8(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return w;
}

// The four bytes at p, in the low half of a word.
inline std::uint64_t load4(const char* p) {
  std::uint32_t w = 0;
  std::memcpy(&w, p, 4);
  return w;
}

// 0x80 in each byte of w that lies in [lo, hi] (lo >= 1), for bytes below 0x80; a byte
// >= 0x80 may disturb the bytes above it, so callers reject such words (see ascii()).
// Adding 0x80 - lo sets a byte's high bit when it is >= lo, adding 0x7f - hi when it is
// > hi, and for ASCII bytes neither carries into the next byte.
inline std::uint64_t bytes_in(std::uint64_t w, unsigned lo, unsigned hi) {
  return (w + kOnes * (0x80 - lo)) & ~(w + kOnes * (0x7f - hi)) & kHigh;
}

// 0x80 in each byte of w that equals c (for ASCII words).
inline std::uint64_t bytes_eq(std::uint64_t w, unsigned c) {
  return bytes_in(w, c, c);
}

// 0x80 in each ASCII digit byte.
inline std::uint64_t digits(std::uint64_t w) {
  return bytes_in(w, '0', '9');
}

// 0x80 in each hex digit byte (either case).
inline std::uint64_t hex_digits(std::uint64_t w) {
  return digits(w) | bytes_in(w | (kOnes * 0x20), 'a', 'f');
}

// 0x80 in each ASCII letter (either case) or digit byte.
inline std::uint64_t alnums(std::uint64_t w) {
  return digits(w) | bytes_in(w | (kOnes * 0x20), 'a', 'z');
}

// True when no byte of w is >= 0x80.
inline bool ascii(std::uint64_t w) {
  return (w & kHigh) == 0;
}

// True when the n bytes at p (n a multiple of 8) are all hex digits.
inline bool all_hex(const char* p, std::size_t n) {
  std::uint64_t bad = 0;
  for (std::size_t i = 0; i < n; i += 8) {
    std::uint64_t w = load8(p + i);
    bad |= (w & kHigh) | (~hex_digits(w) & kHigh);
  }
  return bad == 0;
}

// Whether the n bytes at a and b are equal, for short texts (keys, names): words,
// the last overlapping the one before, where memcmp is a library call per compare.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (load8(a + i) != load8(b + i)) return false;
    }
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// The value of the eight ASCII digits in w (checked by the caller; the first digit is
// the lowest byte): three multiply-and-add steps on pairs, then quads, then the halves.
inline std::uint64_t eight_digits(std::uint64_t w) {
  w -= 0x3030303030303030ull;
  w = (w * 10 + (w >> 8)) & 0x00ff00ff00ff00ffull;
  w = (w * 100 + (w >> 16)) & 0x0000ffff0000ffffull;
  return (w * 10000 + (w >> 32)) & 0xffffffffull;
}

// w with its ASCII 'A'..'Z' bytes lower-cased; other bytes (UTF-8 included) as they are.
inline std::uint64_t lower8(std::uint64_t w) {
  if (ascii(w)) return w + (bytes_in(w, 'A', 'Z') >> 2);  // 0x80 >> 2 is the 0x20 between the cases
  for (int k = 0; k < 8; ++k) {
    std::uint64_t b = (w >> (8 * k)) & 0xff;
    if (b >= 'A' && b <= 'Z') w += std::uint64_t{0x20} << (8 * k);
  }
  return w;
}

}  // namespace bd::scan::swar
