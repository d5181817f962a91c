// Validators for identity data that need context to count: dates (of birth),
// Dutch passport / identity-card numbers, and password-hash formats.
//
// Pure functions, thread-safe, never fail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace bd::scan::validate {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  // yyyymmdd as one number: the normalised form for distinct counting.
  std::uint32_t key() const { return static_cast<std::uint32_t>(year * 10000 + month * 100 + day); }
};

// A calendar date at text[0] in one of: YYYY-MM-DD (optionally followed by a time),
// DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY (day and month may have one digit), and, when
// allow_compact, YYYYMMDD. The day must exist in that month. `consumed` gets its length.
std::optional<Date> match_date(std::string_view text, bool allow_compact, std::size_t* consumed);

// A birth date is plausible when the implied age on `this_year` is 0..120 years.
bool plausible_birth(const Date& date, int this_year);

// Dutch passport / identity-card document number (since 2014): nine characters, two
// letters, six letters or digits, one digit; never the letter O. Upper case only.
bool is_nl_document_number(std::string_view token);

enum class HashKind {
  kNone,
  kBcrypt,      // $2a$ / $2b$ / $2y$ + cost + 53 characters
  kArgon2,      // $argon2id$v=19$m=...
  kPbkdf2,      // pbkdf2_sha256$<iterations>$...
  kShaCrypt,    // $5$ / $6$ (sha256-crypt / sha512-crypt)
  kMd5Crypt,    // $1$
  kMd5Hex,      // 32 hex digits
  kSha1Hex,     // 40 hex digits
  kSha256Hex,   // 64 hex digits
  kMd5Base64,   // 24 base64 characters (16 bytes)
  kSha1Base64,  // 28 base64 characters (20 bytes)
  kSha256Base64,  // 44 base64 characters (32 bytes)
};
constexpr std::size_t kHashKindCount = static_cast<std::size_t>(HashKind::kSha256Base64) + 1;

// The salted password-hash formats, recognised by their signature anywhere.
HashKind salted_hash_kind(std::string_view token);
// Bare digests (hex or base64 of MD5/SHA-1/SHA-256); only meaningful in a password or
// hash column, since hex strings of these lengths are also git ids and checksums.
HashKind digest_kind(std::string_view token);
// The lengths a bare digest can have: the inline gate in front of digest_kind(), which
// runs for every field of a structured file.
inline bool digest_length(std::size_t n) {
  return n == 24 || n == 28 || n == 32 || n == 40 || n == 44 || n == 64;
}
std::string_view to_string(HashKind kind);
// Bare digests of identifiers can be reversed by enumeration (--reverse-hashes).
bool is_bare_digest(HashKind kind);

}  // namespace bd::scan::validate
