// AttachmentRepository: the supporting documents of breaches
// (migrations/0003_attachments.sql). Stores the bytes as given, with the name, the
// content type and digest the service worked out; storage neither sniffs nor limits
// files (service/attachment_service.h does). The name, the uploader's e-mail and the
// content pass through the FieldCipher (PersonalField::kOther): a document about a
// breach may say something about people, whatever the AP asks.
//
// The content is kept as base64 text, so both SQLite and PostgreSQL store it in a
// TEXT column and an encrypting cipher gets text in and out, as for every other field.
//
// Tenant scoping: every call takes the organisation id; a document or breach of
// another organisation is kNotFound, never another tenant's row.
//
// Ownership: holds a reference to the Database, which must outlive it; cheap to
// construct per call. Thread-safety: safe from any thread (each call leases a pooled
// connection, or joins the calling thread's transaction — the service adds the row and
// the breach's new version in one). Failure: driver errors as in database.h; kNotFound
// as above; kInvalidInput for a record without its keys; kInternal when a stored
// content is not base64 (tampered data).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"

namespace bd::storage {

class Database;

struct AttachmentRecord {
  std::string id;               // application-generated; assigned by create() when empty
  std::string organisation_id;
  std::string breach_id;
  std::string name;             // file name as shown and listed in breach.attachments
  std::string content_type;     // e.g. "application/pdf"
  std::int64_t size_bytes = 0;  // size of content; set by create()
  std::string sha256;           // lower-case hex digest of content
  std::string uploaded_by;      // user id
  std::string uploaded_by_email;  // personal data
  TimePoint uploaded_at{};
  std::string content;          // the bytes: create() input and get(); empty in list()
};

class AttachmentRepository {
 public:
  explicit AttachmentRepository(Database& db) : db_(db) {}

  // Stores a document of breach `record.breach_id` in `record.organisation_id` and
  // returns it (without content) with its id. kNotFound (nothing written) when that
  // organisation has no such breach.
  Result<AttachmentRecord> create(AttachmentRecord record);

  // The breach's documents in upload order, without content. Empty when there are
  // none (also for an unknown breach: the caller checks the breach first).
  Result<std::vector<AttachmentRecord>> list(std::string_view organisation_id, std::string_view breach_id);

  // One document with its content; kNotFound when it is not a document of that breach
  // of that organisation.
  Result<AttachmentRecord> get(std::string_view organisation_id, std::string_view breach_id,
                               std::string_view id);

  // Deletes one document; kNotFound as in get() (nothing deleted).
  Status remove(std::string_view organisation_id, std::string_view breach_id, std::string_view id);

 private:
  Database& db_;
};

}  // namespace bd::storage
