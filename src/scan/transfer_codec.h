// Decoding of the transfer encodings text arrives in: hex and base64 digits, base64
// of any length fed piece by piece, and quoted-printable. Shared by the mail reader
// (scan/input/mail.h), the vCard tokenizer and --reverse-hashes' digests.
//
// Pure functions and a small stateful decoder; never fail (characters outside an
// alphabet are skipped or kept as written, as each function says). Not thread-safe
// per Base64Decoder object.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace bd::scan {

// The value of a hex digit (either case), or -1.
constexpr int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of a base64 digit (the standard alphabet), or -1.
constexpr int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Base64 of any length, fed piece by piece: characters outside the alphabet (line
// breaks, spaces, garbage) are skipped, '=' ends a group.
class Base64Decoder {
 public:
  // Appends the bytes `s` completes to `out`.
  void feed(std::string_view s, std::string& out);

 private:
  std::uint32_t acc_ = 0;
  int bits_ = 0;
};

// Quoted-printable (RFC 2045 6.7) appended to `out`: "=XX" is a byte, '=' at the end
// of a line joins it to the next (no line break), trailing blanks of an ended line are
// transport padding, other text is kept as written. `line_ended`: `s` is a whole line,
// so a line break follows it unless it ended in '='. `underscore_space`: the Q encoding
// of header words (RFC 2047), where '_' is a space and no line break is added.
void append_quoted_printable(std::string_view s, bool line_ended, bool underscore_space, std::string& out);

}  // namespace bd::scan
