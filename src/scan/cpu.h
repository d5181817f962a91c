// cpu_has_avx2: whether this CPU runs the scanner's AVX2 code paths (byte
// classification in scan/detect/digit_pass.cc and scan/tokenize/byte_finder.cc). Each
// of those files picks its functions once, at start-up, by this answer.
//
// Thread-safe (the answer is computed once); never fails; false off x86-64.
#pragma once

namespace bd::scan {

inline bool cpu_has_avx2() noexcept {
#if defined(__x86_64__)
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
#else
  return false;
#endif
}

}  // namespace bd::scan
