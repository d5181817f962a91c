// BreachService: the use cases of the breach register — the short intake ("Meld een
// (mogelijk) datalek"), creating a breach, the full form editor's updates with
// optimistic concurrency, status changes, the history of revisions, and the register
// list with filters and paging.
//
// Rules enforced here (and only here):
//  - tenant isolation: a breach of another organisation is kNotFound;
//  - reporters see and read only the breaches they reported, and may not edit them
//    after the intake; auditors read everything of their organisation and change
//    nothing (kForbidden); admins and privacy officers edit;
//  - answers are validated against the form schema (model/validation.h) before saving;
//    breach.attachments is refused here (kInvalidInput): it lists the stored documents
//    and only AttachmentService changes it;
//  - an update names the version it was based on; a stale one is kConflict and
//    nothing is written, so the caller can show what changed and retry;
//  - every change is stored as a Revision (who, when, which ids, old and new values)
//    in the same transaction as the new version.
// Thread-safe (state lives in the database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/breach.h"
#include "model/value.h"
#include "service/actor.h"
#include "service/page.h"
#include "storage/breach_repository.h"

namespace bd::storage {
class Database;
}

namespace bd::service {

// The short intake anyone in the organisation (but an auditor) may file.
struct IntakeInput {
  std::string title;           // short name; derived from what_happened when empty
  std::string what_happened;   // -> breach.summary
  TimePoint discovered{};      // -> time.discovered (starts the 72-hour clock)
  std::string reporter_name;   // -> reporter.name   (defaults to the actor's display name)
  std::string reporter_phone;  // -> reporter.phone
  std::string reporter_email;  // -> reporter.email  (defaults to the actor's e-mail)
};

struct BreachUpdate {
  std::int64_t expected_version = 0;         // the version the edit was based on
  model::Answers changes;                    // only the ids to change; monostate = clear
  std::optional<std::string> title;          // new register title, if changed
  // New status, if changed. Only suspected -> assessing is allowed here (kConflict
  // otherwise); every other move needs a decision and goes through WorkflowService.
  std::optional<model::BreachStatus> status;
  std::string note;                          // optional reason, kept with the revision
};

// The register's filters. Empty members do not filter.
struct RegisterQuery {
  std::vector<model::BreachStatus> statuses;  // any of these
  std::optional<TimePoint> discovered_from;   // time.discovered >= (falls back to created_at)
  std::optional<TimePoint> discovered_to;     // time.discovered <  this
  std::string incident_type;                  // breach.incident_type token
  std::string text;                           // free text in title, reference and summary
  storage::BreachSort sort = storage::BreachSort::kUpdatedDesc;
  int page = 1;                               // 1-based
  int page_size = 25;                         // 1..500 (clamped)
};

// One row of the register (id, reference, title, status, version, incident_type,
// discovered_at, reported_by, created_at, updated_at).
using BreachSummary = storage::BreachSummary;
using BreachSort = storage::BreachSort;

class BreachService {
 public:
  BreachService(storage::Database& db, const Clock& clock);

  // kInvalidInput when what_happened is empty or discovered lies in the future.
  Result<model::Breach> intake(const Actor& actor, const IntakeInput& input);
  // A breach with answers filled in (the officer's full form, imports, demo data).
  Result<model::Breach> create(const Actor& actor, std::string title, model::Answers answers);
  Result<model::Breach> get(const Actor& actor, std::string_view id);
  // kConflict when update.expected_version is not the current version (nothing written).
  // A change that changes nothing returns the breach unchanged (no new version).
  Result<model::Breach> update(const Actor& actor, std::string_view id, const BreachUpdate& update);
  Result<std::vector<model::Revision>> revisions(const Actor& actor, std::string_view id);
  Result<Page<BreachSummary>> list(const Actor& actor, const RegisterQuery& query);
  // Every breach the actor may read that matches the query's filters (no paging), in
  // reference order; for the export.
  Result<std::vector<model::Breach>> all(const Actor& actor, const RegisterQuery& query);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace bd::service
