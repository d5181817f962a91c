// ByteFinder: finds the next structural byte of a tokenizer (a CSV delimiter, quote or
// newline; a SQL quote, backslash, comma or parenthesis) in one chunk, so that the
// tokenizers jump from one structural byte to the next instead of looking at every byte.
//
// The bytes are classified 64 at a time into two bit masks, one per group of up to four
// needle bytes, with AVX2 when the CPU has it (chosen once at run time via
// __builtin_cpu_supports) and a portable loop otherwise; the walk over a mask uses
// count-trailing-zeros. The masks of one 64-byte block are kept until the walk leaves it.
//
// A ByteFinder views a chunk owned by the caller and must not outlive it. Not
// thread-safe (one per tokenizer call); the classification functions are. Never fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bd::scan::tokenize {

// Two groups of needle bytes. A group with fewer than four needles repeats one of them.
// `distinct`: how many of a group's needles come first and differ (the AVX2 path
// compares only those); 4 unless distinct_first() worked it out.
struct Needles {
  char group[2][4] = {};
  std::uint8_t distinct[2] = {4, 4};
};

// The same needles with each group's distinct ones first and `distinct` set.
Needles distinct_first(const Needles& needles);

// Sets bit i of out[g] when p[i] is one of the needles of group g, for i < n (n <= 64);
// bits past n are zero.
void classify64(const char* p, std::size_t n, const Needles& needles, std::uint64_t out[2]);
// The portable implementation, exposed so that tests can compare it with the one in use.
void classify64_portable(const char* p, std::size_t n, const Needles& needles, std::uint64_t out[2]);
// True when classify64 uses AVX2.
bool byte_finder_uses_avx2();

class ByteFinder {
 public:
  ByteFinder(std::string_view text, const Needles& needles)
      : p_(text.data()), n_(text.size()), needles_(distinct_first(needles)) {}

  // The first position >= from whose byte is in `group` (0 or 1), or size() when none.
  std::size_t next(std::size_t from, int group) {
    while (from < n_) {
      std::size_t base = from & ~std::size_t{63};
      if (base != base_) load(base);
      std::uint64_t m = masks_[group] >> (from - base);
      if (m != 0) return from + static_cast<std::size_t>(__builtin_ctzll(m));
      from = base + 64;
    }
    return n_;
  }

  // The mask of `group` for the 64-byte block at `base` (a multiple of 64 below size()):
  // bit k set when byte base + k is a needle; bits past size() are zero.
  std::uint64_t block(std::size_t base, int group) {
    if (base != base_) load(base);
    return masks_[group];
  }

  std::size_t size() const { return n_; }

 private:
  void load(std::size_t base) {
    std::size_t len = n_ - base < 64 ? n_ - base : 64;
    classify64(p_ + base, len, needles_, masks_);
    base_ = base;
  }

  const char* p_;
  std::size_t n_;
  Needles needles_;
  std::size_t base_ = ~std::size_t{0};
  std::uint64_t masks_[2] = {0, 0};
};

}  // namespace bd::scan::tokenize
