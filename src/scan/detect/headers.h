// Column roles: what a column header (CSV/TSV header, SQL column, JSON key) says its
// values are. The role decides which validators run on the column's fields and whether
// context-bound categories (BSN, card numbers, birth dates, document numbers) count.
//
// Pure functions, thread-safe (role_from_header remembers up to 4096 headers per
// thread), never fail.
#pragma once

#include <string_view>

namespace bd::scan::detect {

enum class ColumnRole {
  kNone,  // unknown: generic detection, no context-bound categories
  kBsn,
  kIban,
  kCard,
  kEmail,
  kPhone,
  kPostcode,
  kHouseNumber,
  kStreet,
  kCity,
  kBirthDate,
  kName,
  kIp,
  kIdDocument,
  kPassword,  // passwords or password hashes
  kHash,      // hashed identifiers (hash, sha256, md5, digest ...)
  kHealth,    // diagnosis, medication, condition ...
  kFreeText,  // notes, comments, descriptions: scanned as free text
  kChecksum,  // checksums of files or commits (checksum, commit, etag, file_sha256 ...):
              // their digests protect no personal data, so they are no hashed column
};

// The role of a header such as "BSN", "klant_email", "geboortedatum", "first_name",
// "`postcode`" or "address.city" (for JSON keys the last path element decides).
// Headers are split into words at '_', '-', ' ', '.' and camelCase; whole words are
// compared so that "company" is no "pan" and "bedrijfsnaam" no person name. Words
// after the 64th do not count (such a line is text, not a header).
ColumnRole role_from_header(std::string_view header);

}  // namespace bd::scan::detect
