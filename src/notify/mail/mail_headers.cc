#include "notify/mail/mail_headers.h"

#include <array>

namespace bd::notify {
namespace {

bool is_plain_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  // "=?" would be read as the start of an encoded-word.
  return text.find("=?") == std::string_view::npos;
}

std::string base64(std::string_view in) {
  static constexpr std::array<char, 65> kAlphabet{
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"};
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
size_t utf8_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

}  // namespace

std::string encode_header_text(std::string_view text) {
  if (is_plain_ascii(text)) return std::string(text);
  // Each encoded-word holds at most 45 input bytes (60 base64 chars, under the 75-char
  // limit), split only between UTF-8 sequences so every word decodes on its own.
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size()) {
      size_t len = utf8_length(static_cast<unsigned char>(text[end]));
      if (end + len - start > 45) break;
      end += len;
    }
    if (end == start) end = std::min(text.size(), start + 1);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

Status check_address(std::string_view address, std::string_view field) {
  const auto at = address.find('@');
  bool ok = !address.empty() && address.size() <= 254 && at != std::string_view::npos && at > 0 &&
            at + 1 < address.size() && address.find('@', at + 1) == std::string_view::npos;
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == '"' || c == ';' || c == '(' ||
        c == ')' || c == '\\') {
      ok = false;
    }
  }
  if (!ok) return Error::invalid(std::string(field), "not a valid e-mail address");
  return {};
}

std::string format_mailbox(std::string_view display_name, std::string_view address) {
  if (display_name.empty()) return "<" + std::string(address) + ">";
  std::string name;
  if (is_plain_ascii(display_name) && display_name.find_first_of("\"\\") == std::string_view::npos) {
    name = "\"" + std::string(display_name) + "\"";
  } else {
    name = encode_header_text(display_name);
  }
  return name + " <" + std::string(address) + ">";
}

}  // namespace bd::notify
