#include "scan/detect/digit_pass.h"

#include <cstdint>
#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "scan/cpu.h"

namespace bd::scan::detect {
namespace {

void classify_scalar(const char* p, std::size_t n, std::uint64_t* digits, std::uint64_t* ats) {
  std::uint64_t d = 0;
  std::uint64_t a = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(p[i]);
    d |= static_cast<std::uint64_t>(static_cast<unsigned>(c - '0') < 10u) << i;
    a |= static_cast<std::uint64_t>(c == '@') << i;
  }
  *digits = d;
  *ats = a;
}

bool is_upper_byte(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_letter_byte(unsigned char c) {
  return is_upper_byte(c) || (c >= 'a' && c <= 'z');
}

#if defined(__x86_64__)
// True when the `n` bytes from p lie in one 4 KiB page: reading them cannot fault even
// when only the first few belong to the field (the bits past it are masked off).
bool same_page(const char* p, std::size_t n) {
  return (reinterpret_cast<std::uintptr_t>(p) & 4095) + n <= 4096;
}

// Short fields are read 64 bytes at a time in place when that stays inside the page:
// copying each field into a padded buffer first cost more than classifying it. The
// bytes past the field are read but their bits are cleared, which the address
// sanitizer cannot know, hence its exemption.
__attribute__((target("avx2"), no_sanitize_address)) void classify_avx2(const char* p, std::size_t n,
                                                                        std::uint64_t* digits,
                                                                        std::uint64_t* ats) {
  alignas(32) char tail[64];
  if (n < 64 && !same_page(p, 64)) {
    // A short field at the end of a page: pad with NULs (neither digit nor '@').
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, p, n);
    p = tail;
  }
  const __m256i zero = _mm256_set1_epi8('0' - 1);
  const __m256i nine = _mm256_set1_epi8('9' + 1);
  const __m256i at = _mm256_set1_epi8('@');
  std::uint64_t d = 0;
  std::uint64_t a = 0;
  for (std::size_t half = 0; half < 2; ++half) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + half * 32));
    // Signed compares are right for ASCII digits; bytes >= 0x80 are negative and fail.
    __m256i ge = _mm256_cmpgt_epi8(v, zero);
    __m256i le = _mm256_cmpgt_epi8(nine, v);
    auto dm = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(ge, le)));
    auto am = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, at)));
    d |= static_cast<std::uint64_t>(dm) << (half * 32);
    a |= static_cast<std::uint64_t>(am) << (half * 32);
  }
  std::uint64_t valid = n >= 64 ? ~0ull : ((1ull << n) - 1);
  *digits = d & valid;
  *ats = a & valid;
}

// The bytes at p as 64 bytes readable in place, or copied into `tail` padded with NULs
// (no class) when a short text ends too close to its page's end.
__attribute__((no_sanitize_address)) const char* readable64(const char* p, std::size_t n, char* tail) {
  if (n >= 64 || same_page(p, 64)) return p;
  std::memset(tail, 0, 64);
  std::memcpy(tail, p, n);
  return tail;
}

__attribute__((target("avx2"))) inline __m256i bytes_equal(__m256i v, char c) {
  return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c));
}
// Signed compares: right for ASCII ranges, and bytes >= 0x80 (negative) are in none.
__attribute__((target("avx2"))) inline __m256i bytes_in(__m256i v, char lo, char hi) {
  return _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8(static_cast<char>(lo - 1))),
                          _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(hi + 1)), v));
}
__attribute__((target("avx2"))) inline std::uint64_t mask_of(__m256i m) {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(m));
}

// The classes of 32 bytes, shifted to bit `shift` and or-ed into c.
__attribute__((target("avx2"), no_sanitize_address)) inline void classes32(const char* p, int shift,
                                                                           ByteClasses& c) {
  __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  // c | 0x20 is in 'a'..'z' exactly for ASCII letters.
  __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
  c.digits |= mask_of(bytes_in(v, '0', '9')) << shift;
  c.ats |= mask_of(bytes_equal(v, '@')) << shift;
  c.letters |= mask_of(bytes_in(folded, 'a', 'z')) << shift;
  c.underscores |= mask_of(bytes_equal(v, '_')) << shift;
  c.zeros |= mask_of(bytes_equal(v, '0')) << shift;
  c.plus_paren |= mask_of(_mm256_or_si256(bytes_equal(v, '+'), bytes_equal(v, '('))) << shift;
  c.dots |= mask_of(bytes_equal(v, '.')) << shift;
  c.dashes |= mask_of(bytes_equal(v, '-')) << shift;
  c.space_upper |= mask_of(_mm256_or_si256(bytes_equal(v, ' '), bytes_in(v, 'A', 'Z'))) << shift;
}

// Bytes >= 0x80 are negative, so one signed compare finds them with 'g'..'z' after
// folding the case bit ('G'..'Z' | 0x20 is 'g'..'z').
__attribute__((target("avx2"), no_sanitize_address)) inline std::uint64_t word_bytes32(const char* p) {
  __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
  __m256i high = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);
  return mask_of(_mm256_or_si256(high, bytes_in(folded, 'g', 'z')));
}

__attribute__((target("avx2"), no_sanitize_address)) bool has_word_bytes_avx2(const char* p, std::size_t n) {
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    if (word_bytes32(p + i) != 0) return true;
  }
  if (i == n) return false;
  alignas(32) char tail[64];
  const char* rest = readable64(p + i, n - i, tail);
  return (word_bytes32(rest) & ((1ull << (n - i)) - 1)) != 0;
}

// One mask per byte class; the second 32 bytes only when the text reaches them.
__attribute__((target("avx2"), no_sanitize_address)) void classify_classes_avx2(const char* p, std::size_t n,
                                                                                ByteClasses* out) {
  alignas(32) char tail[64];
  p = readable64(p, n, tail);
  ByteClasses c;
  classes32(p, 0, c);
  if (n > 32) classes32(p + 32, 32, c);
  if (n < 64) {
    std::uint64_t valid = (1ull << n) - 1;
    c.digits &= valid;
    c.ats &= valid;
    c.letters &= valid;
    c.underscores &= valid;
    c.zeros &= valid;
    c.plus_paren &= valid;
    c.dots &= valid;
    c.dashes &= valid;
    c.space_upper &= valid;
  }
  *out = c;
}
#endif

bool has_word_bytes_portable(const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80 || ((c | 0x20) >= 'g' && (c | 0x20) <= 'z')) return true;
  }
  return false;
}

// The implementations in use, picked once by the CPU.
using ClassifyFn = void (*)(const char*, std::size_t, std::uint64_t*, std::uint64_t*);
using ClassesFn = void (*)(const char*, std::size_t, ByteClasses*);
using WordsFn = bool (*)(const char*, std::size_t);
#if defined(__x86_64__)
const ClassifyFn kClassify = cpu_has_avx2() ? classify_avx2 : classify_scalar;
const ClassesFn kClassifyClasses = cpu_has_avx2() ? classify_classes_avx2 : classify_classes64_portable;
const WordsFn kHasWordBytes = cpu_has_avx2() ? has_word_bytes_avx2 : has_word_bytes_portable;
#else
const ClassifyFn kClassify = classify_scalar;
const ClassesFn kClassifyClasses = classify_classes64_portable;
const WordsFn kHasWordBytes = has_word_bytes_portable;
#endif

}  // namespace

void classify64(const char* p, std::size_t n, std::uint64_t* digits, std::uint64_t* ats) {
  kClassify(p, n, digits, ats);
}

bool digit_pass_uses_avx2() { return kClassify != classify_scalar; }

bool has_word_bytes(std::string_view text) {
  return kHasWordBytes(text.data(), text.size());
}

void classify_classes64(const char* p, std::size_t n, ByteClasses* out) {
  kClassifyClasses(p, n, out);
}

void classify_classes64_portable(const char* p, std::size_t n, ByteClasses* out) {
  ByteClasses c;
  for (std::size_t i = 0; i < n && i < 64; ++i) {
    auto b = static_cast<unsigned char>(p[i]);
    std::uint64_t bit = 1ull << i;
    if (b >= '0' && b <= '9') c.digits |= bit;
    if (b == '@') c.ats |= bit;
    if (is_letter_byte(b)) c.letters |= bit;
    if (b == '_') c.underscores |= bit;
    if (b == '0') c.zeros |= bit;
    if (b == '+' || b == '(') c.plus_paren |= bit;
    if (b == '.') c.dots |= bit;
    if (b == '-') c.dashes |= bit;
    if (b == ' ' || is_upper_byte(b)) c.space_upper |= bit;
  }
  *out = c;
}

}  // namespace bd::scan::detect
