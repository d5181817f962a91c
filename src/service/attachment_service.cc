#include "service/attachment_service.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <numeric>

#include "service/answer_check.h"
#include "storage/breach_repository.h"
#include "storage/database.h"

namespace bd::service {
namespace {

Error attachment_not_found() { return Error::not_found("Document niet gevonden."); }

Error stale_version(std::int64_t current) {
  return Error::conflict("Dit datalek is intussen door iemand anders gewijzigd (nu versie " + std::to_string(current) +
                         "). Er is niets opgeslagen.");
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::vector<std::string> names_of(const std::vector<AttachmentRecord>& documents) {
  std::vector<std::string> names;
  for (const auto& d : documents) names.push_back(d.name);
  return names;
}

// Room for one more document of `size` bytes called `name` next to `existing`.
Status check_room(const std::vector<AttachmentRecord>& existing, const std::string& name, std::int64_t size) {
  if (existing.size() >= kMaxAttachmentsPerBreach) {
    return Error::invalid("file", "Dit datalek heeft al " + std::to_string(kMaxAttachmentsPerBreach) +
                                      " documenten; verwijder er eerst een.");
  }
  const std::int64_t total = std::accumulate(existing.begin(), existing.end(), std::int64_t{0},
                                             [](std::int64_t sum, const auto& d) { return sum + d.size_bytes; });
  if (total + size > kMaxAttachmentBytesPerBreach) {
    return Error::invalid("file", "Samen zouden de documenten van dit datalek groter worden dan " +
                                      std::to_string(kMaxAttachmentBytesPerBreach / (1024 * 1024)) +
                                      " MiB; verwijder eerst een ander document.");
  }
  const bool taken = std::any_of(existing.begin(), existing.end(), [&](const auto& d) { return d.name == name; });
  if (taken) {
    return Error::invalid("file", "Er is al een document met de naam \u201c" + name +
                                      "\u201d. Verwijder dat eerst, of geef het bestand een andere naam.");
  }
  return {};
}

}  // namespace

AttachmentService::AttachmentService(storage::Database& db, const Clock& clock, BreachService& breaches)
    : db_(db), clock_(clock), breaches_(breaches) {}

Result<AddedAttachment> AttachmentService::add(const Actor& actor, std::string_view breach_id,
                                               const AttachmentUpload& upload) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, breaches_.get(actor, breach_id));
  if (!can_edit(actor)) return Error::forbidden("Uw rol mag geen documenten aan dit datalek toevoegen.");
  if (breach.version != upload.expected_version) return stale_version(breach.version);
  BD_ASSIGN_OR_RETURN(model::CheckedDocument checked, model::check_document(upload.filename, upload.content));
  AttachmentRecord record;
  record.organisation_id = actor.organisation_id;
  record.breach_id = breach.id;
  record.name = checked.name;
  record.content_type = std::string(checked.type.content_type);
  record.sha256 = sha256_hex(upload.content);
  record.uploaded_by = actor.user_id;
  record.uploaded_by_email = actor.email;
  record.uploaded_at = clock_.now();
  record.content = upload.content;
  storage::AttachmentRepository documents(db_);
  AddedAttachment out;
  Status done = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(auto existing, documents.list(actor.organisation_id, breach.id));
    BD_TRY(check_room(existing, record.name, static_cast<std::int64_t>(record.content.size())));
    BD_ASSIGN_OR_RETURN(out.attachment, documents.create(std::move(record)));
    std::vector<std::string> names = names_of(existing);
    names.push_back(out.attachment.name);
    BD_ASSIGN_OR_RETURN(out.breach, save_names(actor, breach, upload.expected_version, std::move(names),
                                               "Document toegevoegd: " + out.attachment.name));
    return {};
  });
  if (!done.ok()) return std::move(done).error();
  spdlog::info("attachment {} ({} bytes) added to breach {} by user {}", out.attachment.id, out.attachment.size_bytes,
               breach.id, actor.user_id);
  return out;
}

Result<std::vector<AttachmentRecord>> AttachmentService::list(const Actor& actor, std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, breaches_.get(actor, breach_id));
  return storage::AttachmentRepository(db_).list(actor.organisation_id, breach.id);
}

Result<AttachmentRecord> AttachmentService::get(const Actor& actor, std::string_view breach_id,
                                                std::string_view attachment_id) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, breaches_.get(actor, breach_id));
  auto document = storage::AttachmentRepository(db_).get(actor.organisation_id, breach.id, attachment_id);
  if (!document.ok() && document.error().kind == ErrorKind::kNotFound) return attachment_not_found();
  return document;
}

Result<model::Breach> AttachmentService::remove(const Actor& actor, std::string_view breach_id,
                                                std::string_view attachment_id, std::int64_t expected_version) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, breaches_.get(actor, breach_id));
  if (!can_edit(actor)) return Error::forbidden("Uw rol mag geen documenten uit dit datalek verwijderen.");
  if (breach.version != expected_version) return stale_version(breach.version);
  storage::AttachmentRepository documents(db_);
  model::Breach saved;
  std::string removed;
  Status done = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(auto existing, documents.list(actor.organisation_id, breach.id));
    auto it = std::find_if(existing.begin(), existing.end(), [&](const auto& d) { return d.id == attachment_id; });
    if (it == existing.end()) return attachment_not_found();
    removed = it->name;
    existing.erase(it);
    BD_TRY(documents.remove(actor.organisation_id, breach.id, attachment_id));
    BD_ASSIGN_OR_RETURN(saved, save_names(actor, breach, expected_version, names_of(existing),
                                          "Document verwijderd: " + removed));
    return {};
  });
  if (!done.ok()) return std::move(done).error();
  spdlog::info("attachment {} removed from breach {} by user {}", attachment_id, breach.id, actor.user_id);
  return saved;
}

// The breach with breach.attachments set to `names` (cleared when empty), saved as a
// new version with its revision. Joins the caller's transaction.
Result<model::Breach> AttachmentService::save_names(const Actor& actor, model::Breach breach,
                                                    std::int64_t expected_version, std::vector<std::string> names,
                                                    std::string note) {
  const std::string id(kAttachmentsAnswer);
  if (names.empty()) {
    breach.answers.erase(id);
  } else {
    BD_TRY(check_answers({{id, names}}));
    breach.answers[id] = std::move(names);
  }
  storage::ChangeAuthor author{actor.user_id, actor.email, clock_.now(), std::move(note)};
  auto saved = db_.breaches().update(breach, expected_version, author);
  if (!saved.ok() && saved.error().kind == ErrorKind::kConflict) {
    return Error::conflict("Dit datalek is intussen door iemand anders gewijzigd. Er is niets opgeslagen.");
  }
  return saved;
}

}  // namespace bd::service
