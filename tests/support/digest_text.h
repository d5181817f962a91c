// Test helpers for the scanner's hash tests: digests as the text a leaked column holds
// (hex in either case, padded base64), and valid BSNs to hash. Header-only.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace bd::testing {

template <std::size_t N>
std::string hex(const std::array<std::uint8_t, N>& digest, bool upper = false) {
  std::string s;
  char buf[3];
  for (auto b : digest) {
    std::snprintf(buf, sizeof buf, upper ? "%02X" : "%02x", b);
    s += buf;
  }
  return s;
}

template <std::size_t N>
std::string base64(const std::array<std::uint8_t, N>& digest) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < N; i += 3) {
    std::uint32_t v = static_cast<std::uint32_t>(digest[i]) << 16;
    if (i + 1 < N) v |= static_cast<std::uint32_t>(digest[i + 1]) << 8;
    if (i + 2 < N) v |= digest[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < N ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < N ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// The valid BSNs (nine digits) whose first eight digits lie in [begin, end).
inline std::vector<std::string> valid_bsns(std::uint32_t begin, std::uint32_t end) {
  std::vector<std::string> out;
  for (std::uint32_t p = begin; p < end; ++p) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "%08u", p % 100000000u);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (buf[i] - '0');
    if (sum % 11 > 9) continue;
    buf[8] = static_cast<char>('0' + sum % 11);
    buf[9] = '\0';
    out.emplace_back(buf);
  }
  return out;
}

}  // namespace bd::testing
