#include "scan/protect/digest_lanes.h"

#include <cstring>
#include <utility>

#include "scan/protect/digest_tables.h"

namespace bd::scan::protect {
namespace {

// kLanes 32-bit lanes. The compiler maps its operators onto the widest registers the
// enclosing function's target allows (one zmm, two ymm or four xmm).
using V = std::uint32_t __attribute__((vector_size(kLanes * sizeof(std::uint32_t))));

// Everything below is inlined into the three target-specific entry points at the end:
// compiled there, with that target's instructions. So no vector crosses a call, and
// the compilers' warning that passing one without AVX-512 changes the ABI concerns
// nothing here.
#define BD_LANES inline __attribute__((always_inline))
#pragma GCC diagnostic ignored "-Wpsabi"

BD_LANES V splat(std::uint32_t x) {
  static_assert(kLanes == 16);
  return V{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
}

template <int N>
BD_LANES V rotl(V x) {
  return (x << N) | (x >> (32 - N));
}

template <int N>
BD_LANES V rotr(V x) {
  return (x >> N) | (x << (32 - N));
}

// A word of the block, in the byte order of the algorithm.
std::uint32_t load_word(const char* p, bool big_endian) {
  std::uint32_t x;
  std::memcpy(&x, p, 4);
  return big_endian ? __builtin_bswap32(x) : x;
}

// The first Used words of every lane (those that hold message bytes or the 0x80 after
// them), then the rest of the block. The bytes after each message are zero, so its
// words are read as they are and the 0x80, in word Used - 1, is added to all lanes at
// once. Used is a constant so that every word has a constant place: the block stays in
// registers instead of being copied about with string instructions.
template <std::size_t Used>
BD_LANES void load_words(const LaneMessages& in, bool big_endian, V w[16]) {
  alignas(64) std::uint32_t words[Used][kLanes];
  for (std::size_t lane = 0; lane < kLanes; ++lane) {
    for (std::size_t i = 0; i < Used; ++i)
      words[i][lane] = load_word(in.text[lane].data() + 4 * i, big_endian);
  }
  for (std::size_t i = 0; i < Used; ++i) std::memcpy(&w[i], words[i], sizeof(V));
  for (std::size_t i = Used; i < 16; ++i) w[i] = splat(0);
  const std::size_t at = in.length % 4;  // the 0x80's place in its word
  w[Used - 1] |= splat(std::uint32_t{0x80} << (big_endian ? 24 - 8 * at : 8 * at));
  const auto bits = static_cast<std::uint32_t>(in.length * 8);
  if (big_endian) {
    w[15] = splat(bits);
  } else {
    w[14] = splat(bits);
  }
}

// The padded block of every lane as 16 vectors of message words (w[i] holds word i of
// each lane): the message, the 0x80 after it, and its length in bits in the last eight
// bytes (little-endian words for MD5, big-endian for SHA). `in.length` is at most 55.
BD_LANES void load_block(const LaneMessages& in, bool big_endian, V w[16]) {
  switch ((in.length + 4) / 4) {
    case 1:
      return load_words<1>(in, big_endian, w);
    case 2:
      return load_words<2>(in, big_endian, w);
    case 3:
      return load_words<3>(in, big_endian, w);
    case 4:
      return load_words<4>(in, big_endian, w);
    case 5:
      return load_words<5>(in, big_endian, w);
    case 6:
      return load_words<6>(in, big_endian, w);
    case 7:
      return load_words<7>(in, big_endian, w);
    case 8:
      return load_words<8>(in, big_endian, w);
    case 9:
      return load_words<9>(in, big_endian, w);
    case 10:
      return load_words<10>(in, big_endian, w);
    case 11:
      return load_words<11>(in, big_endian, w);
    case 12:
      return load_words<12>(in, big_endian, w);
    case 13:
      return load_words<13>(in, big_endian, w);
    default:
      return load_words<14>(in, big_endian, w);
  }
}

// Writes each lane's state words as its digest.
template <std::size_t Words, std::size_t Bytes>
BD_LANES void store_digests(const V (&state)[Words], bool big_endian,
                            std::array<std::array<std::uint8_t, Bytes>, kLanes>& out) {
  alignas(64) std::uint32_t words[Words][kLanes];
  for (std::size_t i = 0; i < Words; ++i) std::memcpy(words[i], &state[i], sizeof(V));
  for (std::size_t lane = 0; lane < kLanes; ++lane) {
    std::uint8_t* d = out[lane].data();
    for (std::size_t i = 0; i < Words; ++i) {
      const std::uint32_t x = big_endian ? __builtin_bswap32(words[i][lane]) : words[i][lane];
      std::memcpy(d + 4 * i, &x, 4);
    }
  }
}

// MD5: 64 steps, each with its own function, constant, shift and message word.
template <std::size_t I>
BD_LANES void md5_step(V& a, V& b, V& c, V& d, const V* w) {
  V f;
  std::size_t g;
  if constexpr (I < 16) {
    f = (b & c) | (~b & d);
    g = I;
  } else if constexpr (I < 32) {
    f = (d & b) | (~d & c);
    g = (5 * I + 1) % 16;
  } else if constexpr (I < 48) {
    f = b ^ c ^ d;
    g = (3 * I + 5) % 16;
  } else {
    f = c ^ (b | ~d);
    g = (7 * I) % 16;
  }
  const V t = d;
  d = c;
  c = b;
  b = b + rotl<tables::kMd5S[I]>(a + f + splat(tables::kMd5K[I]) + w[g]);
  a = t;
}

template <std::size_t... I>
BD_LANES void md5_steps(V& a, V& b, V& c, V& d, const V* w, std::index_sequence<I...>) {
  (md5_step<I>(a, b, c, d, w), ...);
}

BD_LANES void md5_all(const LaneMessages& in, Md5Lanes& out) {
  V w[16];
  load_block(in, false, w);
  const std::uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  V a = splat(h[0]), b = splat(h[1]), c = splat(h[2]), d = splat(h[3]);
  md5_steps(a, b, c, d, w, std::make_index_sequence<64>{});
  const V state[4] = {a + splat(h[0]), b + splat(h[1]), c + splat(h[2]), d + splat(h[3])};
  store_digests(state, false, out);
}

// SHA-1: 80 rounds; the message schedule in a ring of 16 words.
template <std::size_t I>
BD_LANES void sha1_round(V& a, V& b, V& c, V& d, V& e, V* w) {
  V word;
  if constexpr (I < 16) {
    word = w[I];
  } else {
    word = rotl<1>(w[(I - 3) % 16] ^ w[(I - 8) % 16] ^ w[(I - 14) % 16] ^ w[I % 16]);
    w[I % 16] = word;
  }
  V f;
  std::uint32_t k;
  if constexpr (I < 20) {
    f = (b & c) | (~b & d);
    k = 0x5A827999;
  } else if constexpr (I < 40) {
    f = b ^ c ^ d;
    k = 0x6ED9EBA1;
  } else if constexpr (I < 60) {
    f = (b & c) | (b & d) | (c & d);
    k = 0x8F1BBCDC;
  } else {
    f = b ^ c ^ d;
    k = 0xCA62C1D6;
  }
  const V t = rotl<5>(a) + f + e + splat(k) + word;
  e = d;
  d = c;
  c = rotl<30>(b);
  b = a;
  a = t;
}

template <std::size_t... I>
BD_LANES void sha1_rounds(V& a, V& b, V& c, V& d, V& e, V* w, std::index_sequence<I...>) {
  (sha1_round<I>(a, b, c, d, e, w), ...);
}

BD_LANES void sha1_all(const LaneMessages& in, Sha1Lanes& out) {
  V w[16];
  load_block(in, true, w);
  const std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  V a = splat(h[0]), b = splat(h[1]), c = splat(h[2]), d = splat(h[3]), e = splat(h[4]);
  sha1_rounds(a, b, c, d, e, w, std::make_index_sequence<80>{});
  const V state[5] = {a + splat(h[0]), b + splat(h[1]), c + splat(h[2]), d + splat(h[3]), e + splat(h[4])};
  store_digests(state, true, out);
}

// SHA-256: 64 rounds; the message schedule in a ring of 16 words.
template <std::size_t I>
BD_LANES void sha256_round(V (&v)[8], V* w) {
  V word;
  if constexpr (I < 16) {
    word = w[I];
  } else {
    const V w15 = w[(I - 15) % 16];
    const V w2 = w[(I - 2) % 16];
    const V s0 = rotr<7>(w15) ^ rotr<18>(w15) ^ (w15 >> 3);
    const V s1 = rotr<17>(w2) ^ rotr<19>(w2) ^ (w2 >> 10);
    word = w[I % 16] + s0 + w[(I - 7) % 16] + s1;
    w[I % 16] = word;
  }
  // The eight working variables rotate by one place each round: v[(k - I) % 8] is the
  // k-th of this round, so nothing is moved.
  V& a = v[(8 - I % 8) % 8];
  V& b = v[(9 - I % 8) % 8];
  V& c = v[(10 - I % 8) % 8];
  V& d = v[(11 - I % 8) % 8];
  V& e = v[(12 - I % 8) % 8];
  V& f = v[(13 - I % 8) % 8];
  V& g = v[(14 - I % 8) % 8];
  V& h = v[(15 - I % 8) % 8];
  const V s1 = rotr<6>(e) ^ rotr<11>(e) ^ rotr<25>(e);
  const V ch = (e & f) ^ (~e & g);
  const V t1 = h + s1 + ch + splat(tables::kSha256K[I]) + word;
  const V s0 = rotr<2>(a) ^ rotr<13>(a) ^ rotr<22>(a);
  const V maj = (a & b) ^ (a & c) ^ (b & c);
  d = d + t1;
  h = t1 + s0 + maj;  // the next round's a
}

template <std::size_t... I>
BD_LANES void sha256_rounds(V (&v)[8], V* w, std::index_sequence<I...>) {
  (sha256_round<I>(v, w), ...);
}

BD_LANES void sha256_all(const LaneMessages& in, Sha256Lanes& out) {
  V w[16];
  load_block(in, true, w);
  const std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  V v[8];
  for (std::size_t i = 0; i < 8; ++i) v[i] = splat(h[i]);
  sha256_rounds(v, w, std::make_index_sequence<64>{});
  // After 64 rounds (a multiple of 8) the variables are back in their places.
  V state[8];
  for (std::size_t i = 0; i < 8; ++i) state[i] = v[i] + splat(h[i]);
  store_digests(state, true, out);
}

#undef BD_LANES

// The three compilations of each function.
#define BD_LANES_TARGET(name, isa)                                                            \
  __attribute__((target(isa))) void md5_##name(const LaneMessages& in, Md5Lanes& out) {       \
    md5_all(in, out);                                                                         \
  }                                                                                           \
  __attribute__((target(isa))) void sha1_##name(const LaneMessages& in, Sha1Lanes& out) {     \
    sha1_all(in, out);                                                                        \
  }                                                                                           \
  __attribute__((target(isa))) void sha256_##name(const LaneMessages& in, Sha256Lanes& out) { \
    sha256_all(in, out);                                                                      \
  }

BD_LANES_TARGET(avx512, "avx512f")
BD_LANES_TARGET(avx2, "avx2")
BD_LANES_TARGET(sse2, "sse2")
#undef BD_LANES_TARGET

struct Implementation {
  void (*md5)(const LaneMessages&, Md5Lanes&);
  void (*sha1)(const LaneMessages&, Sha1Lanes&);
  void (*sha256)(const LaneMessages&, Sha256Lanes&);
};

constexpr Implementation kAvx512{md5_avx512, sha1_avx512, sha256_avx512};
constexpr Implementation kAvx2{md5_avx2, sha1_avx2, sha256_avx2};
constexpr Implementation kSse2{md5_sse2, sha1_sse2, sha256_sse2};

bool cpu_has(LaneIsa isa) {
  __builtin_cpu_init();
  switch (isa) {
    case LaneIsa::kAvx512:
      return __builtin_cpu_supports("avx512f");
    case LaneIsa::kAvx2:
      return __builtin_cpu_supports("avx2");
    case LaneIsa::kSse2:
    case LaneIsa::kBest:
      return true;  // x86-64 has SSE2
  }
  return false;
}

const Implementation& implementation(LaneIsa isa) {
  static const Implementation& best = cpu_has(LaneIsa::kAvx512) ? kAvx512
                                      : cpu_has(LaneIsa::kAvx2) ? kAvx2
                                                                : kSse2;
  switch (isa) {
    case LaneIsa::kAvx512:
      return kAvx512;
    case LaneIsa::kAvx2:
      return kAvx2;
    case LaneIsa::kSse2:
      return kSse2;
    case LaneIsa::kBest:
      break;
  }
  return best;
}

}  // namespace

bool lanes_supported(LaneIsa isa) {
  return cpu_has(isa);
}
// The length is checked here, once for every compilation: a block holds 55 bytes.
void md5_lanes(const LaneMessages& in, Md5Lanes& out, LaneIsa isa) {
  if (in.length > 55) {
    out = {};
  } else {
    implementation(isa).md5(in, out);
  }
}
void sha1_lanes(const LaneMessages& in, Sha1Lanes& out, LaneIsa isa) {
  if (in.length > 55) {
    out = {};
  } else {
    implementation(isa).sha1(in, out);
  }
}
void sha256_lanes(const LaneMessages& in, Sha256Lanes& out, LaneIsa isa) {
  if (in.length > 55) {
    out = {};
  } else {
    implementation(isa).sha256(in, out);
  }
}

}  // namespace bd::scan::protect
