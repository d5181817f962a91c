// The fast digit pass: finds every run of ASCII digits and every '@' in a block of
// text, so that only digit-shaped candidates reach the validators (scan/validate/).
//
// Byte classification runs 64 bytes at a time into bit masks, with AVX2 when the CPU
// has it (chosen once at run time via __builtin_cpu_supports) and a portable scalar
// loop otherwise; the walk over the masks uses count-trailing-zeros, so the cost per
// byte is a few instructions and the cost per run one callback.
//
// The same file classifies short texts into the byte classes the text scanner filters
// digit runs by (ByteClasses), and tells whether a text has any byte of a word
// (has_word_bytes), each with AVX2 when the CPU has it.
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

// The byte classes a short text's digit runs are filtered by (scan/detect/text_scan.cc):
// bit i of each mask says what byte i is. Bits past the text are zero.
struct ByteClasses {
  std::uint64_t digits = 0;       // '0'..'9'
  std::uint64_t ats = 0;          // '@'
  std::uint64_t letters = 0;      // ASCII 'A'..'Z', 'a'..'z'
  std::uint64_t underscores = 0;  // '_'
  std::uint64_t zeros = 0;        // '0'
  std::uint64_t plus_paren = 0;   // '+' or '('
  std::uint64_t dots = 0;         // '.'
  std::uint64_t dashes = 0;       // '-'
  std::uint64_t space_upper = 0;  // ' ' or 'A'..'Z'
};

// Whether any byte of `text` is 'g'..'z', 'G'..'Z' or >= 0x80: one that no number, hex
// digest, UUID, date or amount has, so a text without one holds no dictionary word.
bool has_word_bytes(std::string_view text);

// Classifies the `n` <= 64 bytes at p into `out`, with AVX2 when the CPU has it.
void classify_classes64(const char* p, std::size_t n, ByteClasses* out);
// The portable version (tests compare the two).
void classify_classes64_portable(const char* p, std::size_t n, ByteClasses* out);

// Calls on_run(begin, length) for every maximal digit run and on_at(pos) for every '@'
// in `text`, in order of position.
template <typename OnRun, typename OnAt>
void for_each_digit_run(std::string_view text, OnRun&& on_run, OnAt&& on_at) {
  // One event per run (at its start, where its length is read off the mask) and one
  // per '@': walking starts and ends separately took a branch per transition.
  const char* p = text.data();
  std::size_t n = text.size();
  std::size_t run_start = 0;
  bool in_run = false;  // a run reaches the end of the previous block
  for (std::size_t base = 0; base < n; base += 64) {
    std::size_t len = n - base < 64 ? n - base : 64;
    std::uint64_t d = 0;
    std::uint64_t a = 0;
    classify64(p + base, len, &d, &a);
    std::uint64_t valid = len == 64 ? ~0ull : ((1ull << len) - 1);
    std::uint64_t from = ~0ull;  // bits still to walk
    if (in_run) {
      std::uint64_t stop = ~d & valid;
      if (stop == 0 && len == 64) continue;  // the run goes on through this block
      int end = stop == 0 ? static_cast<int>(len) : __builtin_ctzll(stop);
      on_run(run_start, base + static_cast<std::size_t>(end) - run_start);
      in_run = false;
      from = end >= 64 ? 0 : (~0ull << end);
    }
    std::uint64_t starts = d & ~(d << 1) & from;
    std::uint64_t events = (starts | a) & from;
    while (events != 0) {
      int bit = __builtin_ctzll(events);
      events &= events - 1;
      std::size_t pos = base + static_cast<std::size_t>(bit);
      if ((a >> bit) & 1) {
        on_at(pos);
        continue;
      }
      std::uint64_t after = ~(d >> bit);  // zero bits: the run's digits
      int run = after == 0 ? 64 - bit : __builtin_ctzll(after);
      if (bit + run >= 64 && len == 64) {
        run_start = pos;  // reaches the block's end: finished in a later block
        in_run = true;
        break;
      }
      on_run(pos, static_cast<std::size_t>(run));
    }
  }
  if (in_run) on_run(run_start, n - run_start);
}

}  // namespace bd::scan::detect
