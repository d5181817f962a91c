#include "scan/transfer_codec.h"

namespace bd::scan {
namespace {

constexpr std::array<std::int8_t, 256> kBase64 = [] {
  std::array<std::int8_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(base64_digit(static_cast<char>(c)));
  return t;
}();

int base64_at(std::string_view s, std::size_t i) {
  return kBase64[static_cast<unsigned char>(s[i])];
}

}  // namespace

void Base64Decoder::feed(std::string_view s, std::string& out) {
  // Whole groups of four alphabet characters (all of a usual line) three bytes at a
  // time; an attachment's bytes all pass here.
  std::size_t i = 0;
  if (bits_ == 0) {
    const std::size_t start = out.size();
    out.resize(start + s.size() / 4 * 3);
    char* o = out.data() + start;
    for (; i + 4 <= s.size(); i += 4, o += 3) {
      const int a = base64_at(s, i), b = base64_at(s, i + 1), c = base64_at(s, i + 2),
                d = base64_at(s, i + 3);
      if ((a | b | c | d) < 0) break;
      const auto v = static_cast<std::uint32_t>(a << 18 | b << 12 | c << 6 | d);
      o[0] = static_cast<char>(v >> 16);
      o[1] = static_cast<char>(v >> 8);
      o[2] = static_cast<char>(v);
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
  }
  for (; i < s.size(); ++i) {
    const int v = base64_at(s, i);
    if (v < 0) {
      if (s[i] == '=') {  // padding: the group's spare bits are dropped
        acc_ = 0;
        bits_ = 0;
      }
      continue;
    }
    acc_ = (acc_ << 6) | static_cast<std::uint32_t>(v);
    bits_ += 6;
    if (bits_ >= 8) {
      bits_ -= 8;
      out.push_back(static_cast<char>((acc_ >> bits_) & 0xFF));
      acc_ &= (1u << bits_) - 1;
    }
  }
}

void append_quoted_printable(std::string_view s, bool line_ended, bool underscore_space, std::string& out) {
  if (line_ended) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  }
  bool soft = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '=') {
      if (i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
        out.push_back(static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2])));
        i += 2;
        continue;
      }
      if (i + 1 == s.size()) {
        soft = true;
        break;
      }
    }
    out.push_back(underscore_space && c == '_' ? ' ' : c);
  }
  if (line_ended && !soft && !underscore_space) out.push_back('\n');
}

}  // namespace bd::scan
