// Syntax checks for the free-text answers that have a format: e-mail addresses, phone
// numbers, KvK numbers, and the text hygiene every stored text passes (valid UTF-8, no
// control characters but tab and line breaks). Script tags, quotes and SQL
// metacharacters are NOT refused: text is stored as given and escaped on output.
//
// Pure functions; thread-safe; they never fail, they answer yes or no.
#pragma once

#include <string>
#include <string_view>

namespace bd::model {

// local@domain with a dot-separated domain of letters, digits and hyphens, a top-level
// label of at least two letters, no spaces, at most 254 bytes (RFC 5321 limits).
bool is_valid_email(std::string_view text);

// A phone number as people write it: digits with spaces, dashes, dots and
// parentheses, an optional leading "+", 8 to 15 digits in all (E.164 allows 15).
bool is_plausible_phone(std::string_view text);

// Exactly 8 ASCII digits (Dutch Chamber of Commerce number).
bool is_valid_kvk(std::string_view text);

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Valid UTF-8 without C0 control characters other than tab, LF and CR, and without DEL.
bool is_clean_text(std::string_view text);

// Length in code points of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// Empty or only spaces, tabs and line breaks (a reason nobody wrote).
bool is_blank(std::string_view text);

// The text without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view text);

}  // namespace bd::model
