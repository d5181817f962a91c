// AttachmentService: the supporting documents of a breach, the AP form's
// breach.attachments ("Ondersteunende documentatie"). The AP asks that they hold no
// personal data of the people affected; the pages say so where documents are added.
//
// Rules enforced here:
//  - access follows BreachService: the breach must be readable by the actor (another
//    organisation's breach is kNotFound; reporters only their own, auditors all);
//    adding and removing need can_edit (admin, privacy officer), else kForbidden;
//  - a document passes model::check_document() (model/document_file.h): not empty, at
//    most kMaxAttachmentBytes, a type recognised from its bytes, a clean name; a breach
//    holds at most kMaxAttachmentsPerBreach documents of kMaxAttachmentBytesPerBreach
//    together, and no two with the same name (kInvalidInput, nothing written);
//  - the answer breach.attachments is the list of the stored documents' names, in
//    upload order. Adding or removing one is a revision of the breach (who, when, old
//    and new list, a note naming the document) written in the same transaction as the
//    document row; it names the breach version the person saw, and a stale one is
//    kConflict with nothing written. Nobody sets the answer directly (BreachService
//    refuses it).
// Failure: kInvalidInput with a Dutch message naming the problem (nothing written).
// Thread-safe (state lives in the database).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/breach.h"
#include "service/actor.h"
#include "model/document_file.h"
#include "service/breach_service.h"
#include "storage/attachment_repository.h"

namespace bd::service {

inline constexpr std::size_t kMaxAttachmentsPerBreach = 20;
inline constexpr std::int64_t kMaxAttachmentBytesPerBreach = 50 * 1024 * 1024;
inline constexpr std::string_view kAttachmentsAnswer = "breach.attachments";

using AttachmentRecord = storage::AttachmentRecord;

struct AttachmentUpload {
  std::int64_t expected_version = 0;  // the breach version the person saw
  std::string filename;               // as the client sent it (a path is cut to its last part)
  std::string content;                // the bytes
};

// What adding a document saved.
struct AddedAttachment {
  AttachmentRecord attachment;  // without content
  model::Breach breach;         // at its new version
};

class AttachmentService {
 public:
  // `breaches` must outlive this service (Services owns both).
  AttachmentService(storage::Database& db, const Clock& clock, BreachService& breaches);

  Result<AddedAttachment> add(const Actor& actor, std::string_view breach_id, const AttachmentUpload& upload);
  // In upload order, without content.
  Result<std::vector<AttachmentRecord>> list(const Actor& actor, std::string_view breach_id);
  // One document with its content, for download.
  Result<AttachmentRecord> get(const Actor& actor, std::string_view breach_id, std::string_view attachment_id);
  // Removes one document; returns the breach at its new version.
  Result<model::Breach> remove(const Actor& actor, std::string_view breach_id, std::string_view attachment_id,
                               std::int64_t expected_version);

 private:
  Result<model::Breach> save_names(const Actor& actor, model::Breach breach, std::int64_t expected_version,
                                   std::vector<std::string> names, std::string note);

  storage::Database& db_;
  const Clock& clock_;
  BreachService& breaches_;
};

}  // namespace bd::service
