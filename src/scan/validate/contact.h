// Validators for contact data: e-mail addresses (valid TLD, traps rejected), Dutch
// phone numbers (06, +31, 0031, area-code list; service numbers are not personal),
// Dutch postcodes (not SA/SD/SS) and IP addresses.
//
// Pure functions, thread-safe, never fail: a candidate validates (normalised value
// returned) or it does not (std::nullopt).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bd::scan::validate {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last byte
};

// The e-mail address around the '@' at text[at]: local part [A-Za-z0-9._%+-] (no
// leading/trailing dot), a domain of at least two labels ending in a known TLD. Rejects
// version pins (pkg@1.2.3), user@localhost and git remotes (git@github.com:org/x).
std::optional<Span> match_email(std::string_view text, std::size_t at);

// True when `field` is one e-mail address and nothing else: match_email at its first
// '@' spans all of it. The usual e-mail column holds such fields; one of 8 to 64 bytes
// is decided on byte-class masks, 16 bytes at a time, without walking it byte by byte.
bool is_whole_email(std::string_view field);

// Lower-cased whole address: the normalised form for distinct counting.
std::string normalise_email(std::string_view email);

// True when `tld` (without dot, any case) is a delegated top-level domain.
bool known_tld(std::string_view tld);

struct PhoneMatch {
  std::size_t consumed = 0;
  std::uint64_t national = 0;  // the 10-digit national number (leading 0) as a number
};
// A Dutch phone number starting at text[0] ('+', '(' or a digit): +31 / 0031 / 0
// followed by nine digits in any common layout (06-12345678, 06 1234 5678,
// (020) 123 4567, +31 (0)6 12345678, 0031201234567). The area or mobile prefix must be
// on the list; nine identical subscriber digits are rejected; the number must not run
// on into more digits.
std::optional<PhoneMatch> match_phone(std::string_view text);

// True for a national number (0 + nine digits) with a valid geographic or mobile prefix.
bool phone_prefix_ok(std::string_view ten_digits);

struct PostcodeMatch {
  std::size_t consumed = 0;
  char code[7] = {};  // "1234AB", NUL-terminated
};
// A postcode starting at text[0]: [1-9][0-9]{3}, an optional space, two upper-case
// letters other than SA/SD/SS, and no letter or digit after it.
std::optional<PostcodeMatch> match_postcode(std::string_view text);

// A dotted-quad IPv4 address starting at text[0] (octets 0..255, no leading zeros);
// rejects 0.0.0.0, 255.255.255.255 and addresses that run on into more dots/digits.
std::optional<std::size_t> match_ipv4(std::string_view text);

// A whole token as an IPv6 address (inet_pton), e.g. a field of an ip column.
bool is_ipv6(std::string_view token);

}  // namespace bd::scan::validate
