#include "scan/protect/digest.h"

#include <cstring>

#include "scan/protect/digest_tables.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace bd::scan::protect {
namespace {

std::uint32_t rol(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
std::uint32_t ror(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// Pads a short message into one 64-byte block; length in bits little- or big-endian.
void pad(std::string_view msg, std::uint8_t block[64], bool big_endian) {
  std::memset(block, 0, 64);
  std::memcpy(block, msg.data(), msg.size());
  block[msg.size()] = 0x80;
  std::uint64_t bits = static_cast<std::uint64_t>(msg.size()) * 8;
  for (int i = 0; i < 8; ++i) {
    auto byte = static_cast<std::uint8_t>(bits >> (8 * i));
    block[big_endian ? 63 - i : 56 + i] = byte;
  }
}

std::uint32_t be32(const std::uint8_t* p) {
  return (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
         (static_cast<std::uint32_t>(p[2]) << 8) | p[3];
}

void put_be32(std::uint8_t* p, std::uint32_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 24);
  p[1] = static_cast<std::uint8_t>(v >> 16);
  p[2] = static_cast<std::uint8_t>(v >> 8);
  p[3] = static_cast<std::uint8_t>(v);
}

}  // namespace

std::array<std::uint8_t, 16> md5_short(std::string_view msg) {
  std::array<std::uint8_t, 16> out{};
  if (msg.size() > 55) return out;
  std::uint8_t block[64];
  pad(msg, block, false);
  std::uint32_t m[16];
  for (int i = 0; i < 16; ++i) {
    m[i] = block[i * 4] | (static_cast<std::uint32_t>(block[i * 4 + 1]) << 8) |
           (static_cast<std::uint32_t>(block[i * 4 + 2]) << 16) | (static_cast<std::uint32_t>(block[i * 4 + 3]) << 24);
  }
  const std::uint32_t h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476;
  std::uint32_t a = h0, b = h1, c = h2, d = h3;
  for (int i = 0; i < 64; ++i) {
    std::uint32_t f;
    int g;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) % 16;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) % 16;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) % 16;
    }
    std::uint32_t tmp = d;
    d = c;
    c = b;
    b = b + rol(a + f + tables::kMd5K[i] + m[g], tables::kMd5S[i]);
    a = tmp;
  }
  std::uint32_t h[4] = {h0 + a, h1 + b, h2 + c, h3 + d};
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(i * 4 + j)] = static_cast<std::uint8_t>(h[i] >> (8 * j));
  }
  return out;
}

std::array<std::uint8_t, 20> sha1_short(std::string_view msg) {
  std::array<std::uint8_t, 20> out{};
  if (msg.size() > 55) return out;
  std::uint8_t block[64];
  pad(msg, block, true);
  std::uint32_t w[80];
  for (int i = 0; i < 16; ++i) w[i] = be32(block + i * 4);
  for (int i = 16; i < 80; ++i) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    std::uint32_t f;
    std::uint32_t k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d;
      k = 0xCA62C1D6;
    }
    std::uint32_t tmp = rol(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rol(b, 30);
    b = a;
    a = tmp;
  }
  std::uint32_t r[5] = {h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e};
  for (int i = 0; i < 5; ++i) put_be32(out.data() + i * 4, r[i]);
  return out;
}

std::array<std::uint8_t, 32> sha256_short_portable(std::string_view msg) {
  std::array<std::uint8_t, 32> out{};
  if (msg.size() > 55) return out;
  std::uint8_t block[64];
  pad(msg, block, true);
  std::uint32_t w[64];
  for (int i = 0; i < 16; ++i) w[i] = be32(block + i * 4);
  for (int i = 16; i < 64; ++i) {
    std::uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
    std::uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  const std::uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::uint32_t v[8];
  std::memcpy(v, init, sizeof v);
  for (int i = 0; i < 64; ++i) {
    std::uint32_t s1 = ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25);
    std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
    std::uint32_t t1 = v[7] + s1 + ch + tables::kSha256K[i] + w[i];
    std::uint32_t s0 = ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22);
    std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    std::uint32_t t2 = s0 + maj;
    for (int j = 7; j > 0; --j) v[j] = v[j - 1];
    v[4] += t1;
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; ++i) put_be32(out.data() + i * 4, init[i] + v[i]);
  return out;
}


#if defined(__x86_64__)
namespace {

// One SHA-256 compression with the SHA extensions (SHA-NI): four rounds per step,
// the message schedule from sha256msg1/sha256msg2. State order as in FIPS 180-4.
__attribute__((target("sha,sse4.1"))) void sha256_block_shani(std::uint32_t state[8], const std::uint8_t block[64]) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
  __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
  tmp = _mm_shuffle_epi32(tmp, 0xB1);              // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);        // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);     // CDGH
  const __m128i abef = state0;
  const __m128i cdgh = state1;
  __m128i w[16];
  for (int i = 0; i < 16; ++i) {
    if (i < 4) {
      w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * i)), byte_swap);
    } else {
      __m128i t = _mm_add_epi32(_mm_sha256msg1_epu32(w[i - 4], w[i - 3]), _mm_alignr_epi8(w[i - 1], w[i - 2], 4));
      w[i] = _mm_sha256msg2_epu32(t, w[i - 1]);
    }
    __m128i msg =
        _mm_add_epi32(w[i], _mm_loadu_si128(reinterpret_cast<const __m128i*>(&tables::kSha256K[4 * i])));
    state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
    msg = _mm_shuffle_epi32(msg, 0x0E);
    state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
  }
  state0 = _mm_add_epi32(state0, abef);
  state1 = _mm_add_epi32(state1, cdgh);
  tmp = _mm_shuffle_epi32(state0, 0x1B);           // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);        // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);     // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);        // ABEF
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}

}  // namespace
#endif

bool sha256_uses_sha_ni() {
#if defined(__x86_64__)
  // cpuid rather than __builtin_cpu_supports("sha"), which clang does not know.
  static const bool kHas = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) == 0 || (c & bit_SSE4_1) == 0) return false;
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return false;
    return (b & bit_SHA) != 0;
  }();
  return kHas;
#else
  return false;
#endif
}

std::array<std::uint8_t, 32> sha256_short(std::string_view msg) {
#if defined(__x86_64__)
  if (sha256_uses_sha_ni()) {
    std::array<std::uint8_t, 32> out{};
    if (msg.size() > 55) return out;
    std::uint8_t block[64];
    pad(msg, block, true);
    std::uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    sha256_block_shani(state, block);
    for (int i = 0; i < 8; ++i) put_be32(out.data() + i * 4, state[i]);
    return out;
  }
#endif
  return sha256_short_portable(msg);
}

}  // namespace bd::scan::protect
