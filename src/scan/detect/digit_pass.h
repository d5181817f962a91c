// The fast digit pass: finds every run of ASCII digits and every '@' in a block of
// text, so that only digit-shaped candidates reach the validators (scan/validate/).
//
// Byte classification runs 64 bytes at a time into bit masks, with AVX2 when the CPU
// has it (chosen once at run time via __builtin_cpu_supports) and a portable scalar
// loop otherwise; the walk over the masks uses count-trailing-zeros, so the cost per
// byte is a few instructions and the cost per run one callback.
//
// Thread-safe (no state besides the one-time CPU check). Never fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bd::scan::detect {

// Classifies up to 64 bytes at p (n <= 64): bit i of *digits is set when p[i] is
// '0'..'9', bit i of *ats when p[i] == '@'. Bits past n are zero.
void classify64(const char* p, std::size_t n, std::uint64_t* digits, std::uint64_t* ats);

// True when the AVX2 path is in use (for --stats and tests).
bool digit_pass_uses_avx2();

// Calls on_run(begin, length) for every maximal digit run and on_at(pos) for every '@'
// in `text`, in order of position.
template <typename OnRun, typename OnAt>
void for_each_digit_run(std::string_view text, OnRun&& on_run, OnAt&& on_at) {
  const char* p = text.data();
  std::size_t n = text.size();
  std::size_t run_start = 0;
  bool in_run = false;
  for (std::size_t base = 0; base < n; base += 64) {
    std::size_t len = n - base < 64 ? n - base : 64;
    std::uint64_t d = 0;
    std::uint64_t a = 0;
    classify64(p + base, len, &d, &a);
    std::uint64_t valid = len == 64 ? ~0ull : ((1ull << len) - 1);
    // Transitions: starts are digits whose predecessor is not a digit; ends likewise.
    std::uint64_t prev = (d << 1) | (in_run ? 1ull : 0ull);
    std::uint64_t starts = d & ~prev;
    std::uint64_t ends = ~d & prev & valid;  // bit i: p[base+i] is the first non-digit
    std::uint64_t events = starts | ends | a;
    while (events != 0) {
      int bit = __builtin_ctzll(events);
      events &= events - 1;
      std::uint64_t m = 1ull << bit;
      std::size_t pos = base + static_cast<std::size_t>(bit);
      if (ends & m) {
        on_run(run_start, pos - run_start);
        in_run = false;
      }
      if (starts & m) {
        run_start = pos;
        in_run = true;
      }
      if (a & m) on_at(pos);
    }
    in_run = len == 64 ? ((d >> 63) & 1) != 0 : in_run;
  }
  if (in_run) on_run(run_start, n - run_start);
}

}  // namespace bd::scan::detect
