#include "scan/tokenize/byte_finder.h"

#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "scan/cpu.h"

namespace bd::scan::tokenize {
namespace {

#if defined(__x86_64__)
// The bits of the 64 bytes lo:hi that equal one of a group's needles.
__attribute__((target("avx2"))) std::uint64_t group_mask64(__m256i lo, __m256i hi, const char* needles,
                                                           int distinct) {
  __m256i b = _mm256_set1_epi8(needles[0]);
  __m256i hit_lo = _mm256_cmpeq_epi8(lo, b);
  __m256i hit_hi = _mm256_cmpeq_epi8(hi, b);
  for (int k = 1; k < distinct; ++k) {
    b = _mm256_set1_epi8(needles[k]);
    hit_lo = _mm256_or_si256(hit_lo, _mm256_cmpeq_epi8(lo, b));
    hit_hi = _mm256_or_si256(hit_hi, _mm256_cmpeq_epi8(hi, b));
  }
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(hit_lo)) |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(hit_hi))) << 32;
}

__attribute__((target("avx2"))) void classify_avx2(const char* p, std::size_t n, const Needles& needles,
                                                   std::uint64_t out[2]) {
  alignas(32) char tail[64];
  if (n < 64) {
    // The last block of a chunk: copy it so the loads stay inside our memory.
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, p, n);
    p = tail;
  }
  __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  std::uint64_t valid = n >= 64 ? ~0ull : (1ull << n) - 1;  // a NUL needle must not match the padding
  out[0] = group_mask64(lo, hi, needles.group[0], needles.distinct[0]) & valid;
  out[1] = group_mask64(lo, hi, needles.group[1], needles.distinct[1]) & valid;
}
#endif

using ClassifyFn = void (*)(const char*, std::size_t, const Needles&, std::uint64_t*);

#if defined(__x86_64__)
const ClassifyFn kClassify = cpu_has_avx2() ? classify_avx2 : classify64_portable;
#else
const ClassifyFn kClassify = classify64_portable;
#endif

}  // namespace

void classify64_portable(const char* p, std::size_t n, const Needles& needles, std::uint64_t out[2]) {
  for (int g = 0; g < 2; ++g) {
    const char* nd = needles.group[g];
    std::uint64_t m = 0;
    for (std::size_t i = 0; i < n; ++i) {
      char c = p[i];
      bool hit = c == nd[0] || c == nd[1] || c == nd[2] || c == nd[3];
      m |= static_cast<std::uint64_t>(hit) << i;
    }
    out[g] = m;
  }
}

Needles distinct_first(const Needles& needles) {
  Needles out;
  for (int g = 0; g < 2; ++g) {
    int n = 0;
    for (char c : needles.group[g]) {
      bool seen = false;
      for (int j = 0; j < n; ++j) seen = seen || out.group[g][j] == c;
      if (!seen) out.group[g][n++] = c;
    }
    for (int k = n; k < 4; ++k) out.group[g][k] = out.group[g][0];
    out.distinct[g] = static_cast<std::uint8_t>(n);
  }
  return out;
}

void classify64(const char* p, std::size_t n, const Needles& needles, std::uint64_t out[2]) {
  kClassify(p, n, needles, out);
}

bool byte_finder_uses_avx2() {
  return kClassify != classify64_portable;
}

}  // namespace bd::scan::tokenize
