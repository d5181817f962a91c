// FieldCipher: the one hook every personal-data field passes through on its way into
// and out of the database — user e-mail and display name, session remote address,
// revision author e-mail, the personal answers of a breach (reporter.* and
// contact.*, and the document names of breach.attachments, see is_personal_answer()),
// and the fields of later tables under kOther (outbox recipients, scan reports,
// supporting documents: name, content and uploader).
//
// Why: so that encrypting personal data at rest is a change in one place. The default
// IdentityCipher stores clear text. An encrypting implementation (e.g. libsodium's
// XChaCha20-Poly1305 with a key from the environment, the field kind as associated
// data, and a "v1:" prefix so old clear-text rows stay readable) plugs in through
// Database::set_cipher(); lookups on encrypted columns go through blind_index()
// (e.g. a keyed BLAKE2b of the normalised value), which is why the users table keeps
// a separate email_key column for the unique, case-insensitive e-mail lookup.
//
// Thread-safety: implementations must be safe to call concurrently (const methods,
// no mutable state). Failure: open() returns kInternal when a stored value cannot be
// decrypted (wrong key, tampered data); seal() does not fail.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace bd::storage {

enum class PersonalField {
  kUserEmail,
  kUserName,
  kSessionRemote,
  kRevisionAuthorEmail,
  kAnswer,  // a personal answer inside a breach's answers or revisions
  kOther,   // personal fields of later tables (outbox recipients, …)
};

class FieldCipher {
 public:
  virtual ~FieldCipher() = default;
  // Plain text -> what is stored.
  virtual std::string seal(PersonalField field, std::string_view plain) const = 0;
  // What is stored -> plain text.
  virtual Result<std::string> open(PersonalField field, std::string_view stored) const = 0;
  // A deterministic lookup key for an (already normalised) value; equal inputs give
  // equal keys, so it can carry a UNIQUE index and an equality search.
  virtual std::string blind_index(PersonalField field, std::string_view normalised) const = 0;
};

// Stores clear text; blind_index is the normalised value itself.
class IdentityCipher final : public FieldCipher {
 public:
  std::string seal(PersonalField, std::string_view plain) const override { return std::string(plain); }
  Result<std::string> open(PersonalField, std::string_view stored) const override { return std::string(stored); }
  std::string blind_index(PersonalField, std::string_view normalised) const override {
    return std::string(normalised);
  }
};

// True for answer ids that hold personal data of a person (reporter.*, contact.*) or
// may do so (breach.attachments: the names of supporting documents).
bool is_personal_answer(std::string_view answer_id);

}  // namespace bd::storage
