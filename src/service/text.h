// Small text helpers shared by the services: ASCII lower-casing, trimming, e-mail
// syntax and UTF-8 length checks. Pure functions; thread-safe; nothing fails.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bd::service {

std::string to_lower_ascii(std::string_view text);
std::string trim(std::string_view text);
// A pragmatic check: one '@', a non-empty local part, a domain with a dot, no spaces
// or control characters, at most 254 bytes.
bool looks_like_email(std::string_view email);
// Number of UTF-8 code points.
std::size_t utf8_length(std::string_view text);
// True when the text is valid UTF-8 without control characters (tab/newline allowed
// when `multiline`).
bool is_clean_text(std::string_view text, bool multiline);

}  // namespace bd::service
