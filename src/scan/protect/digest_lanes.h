// Multi-lane single-block MD5, SHA-1 and SHA-256: kLanes short messages of one length
// hashed at once, each message in its own 32-bit lane of the vector registers. The
// inner loop of --reverse-hashes (scan/protect/reverse.h) hashes every valid BSN and
// every 06-number in a few forms; one message at a time, the portable MD5 and SHA-1
// managed 4 and 2 million forms per CPU-second and SHA-256 with the CPU's SHA
// extensions 4.7 million.
//
// One implementation, written with the compiler's vector types, is compiled three
// times: for AVX-512 (16 lanes in one register), AVX2 (two) and SSE2 (four); the widest
// the CPU has is chosen once, at first use. Every path gives the digests of
// md5_short, sha1_short and sha256_short (scan/protect/digest.h).
//
// Pure functions, thread-safe, never fail; a length above 55 bytes is a programming
// error and yields all-zero digests.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace bd::scan::protect {

inline constexpr std::size_t kLanes = 16;

// The messages of one call, all of `length` bytes (at most 55): message `lane` in
// text[lane], whose bytes past `length` must be zero (the block's padding is built on
// them). Unused lanes are hashed too; their digests are to be ignored.
struct LaneMessages {
  std::size_t length = 0;
  alignas(64) std::array<std::array<char, 64>, kLanes> text{};
};

using Md5Lanes = std::array<std::array<std::uint8_t, 16>, kLanes>;
using Sha1Lanes = std::array<std::array<std::uint8_t, 20>, kLanes>;
using Sha256Lanes = std::array<std::array<std::uint8_t, 32>, kLanes>;

// The instruction sets the functions are compiled for; kBest is the widest this CPU
// has. Tests ask for each one the CPU has (lanes_supported).
enum class LaneIsa { kBest, kAvx512, kAvx2, kSse2 };
bool lanes_supported(LaneIsa isa);

void md5_lanes(const LaneMessages& in, Md5Lanes& out, LaneIsa isa = LaneIsa::kBest);
void sha1_lanes(const LaneMessages& in, Sha1Lanes& out, LaneIsa isa = LaneIsa::kBest);
void sha256_lanes(const LaneMessages& in, Sha256Lanes& out, LaneIsa isa = LaneIsa::kBest);

}  // namespace bd::scan::protect
