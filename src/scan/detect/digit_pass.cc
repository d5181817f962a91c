#include "scan/detect/digit_pass.h"

#include <cstdint>
#include <cstring>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

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
  for (int half = 0; half < 2; ++half) {
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
#endif

using ClassifyFn = void (*)(const char*, std::size_t, std::uint64_t*, std::uint64_t*);

ClassifyFn pick() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) return classify_avx2;
#endif
  return classify_scalar;
}

const ClassifyFn kClassify = pick();

}  // namespace

void classify64(const char* p, std::size_t n, std::uint64_t* digits, std::uint64_t* ats) {
  kClassify(p, n, digits, ats);
}

bool digit_pass_uses_avx2() { return kClassify != classify_scalar; }

}  // namespace bd::scan::detect
