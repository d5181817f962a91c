// Single-block MD5, SHA-1 and SHA-256 for short messages (at most 55 bytes), one
// message at a time. --reverse-hashes hashes sixteen at a time (digest_lanes.h), and
// its tests check those digests against these.
//
// Pure functions, thread-safe, never fail (longer input is a programming error and
// yields an all-zero digest).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace bd::scan::protect {

std::array<std::uint8_t, 16> md5_short(std::string_view msg);
std::array<std::uint8_t, 20> sha1_short(std::string_view msg);
// SHA-256 uses the CPU's SHA extensions when it has them (chosen once at run time),
// else the portable loop; both give the same digest.
std::array<std::uint8_t, 32> sha256_short(std::string_view msg);
std::array<std::uint8_t, 32> sha256_short_portable(std::string_view msg);
bool sha256_uses_sha_ni();

}  // namespace bd::scan::protect
