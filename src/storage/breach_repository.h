// BreachRepository: the breach register (GDPR Art. 33(5)) — breaches, their revision
// history and the register's list/search.
//
// Every saved change is a new version of the breach row AND a model::Revision (who,
// when, which ids, old and new values), written in one transaction. Updates name the
// version they were based on; a stale version is kConflict and writes nothing, so a
// concurrent edit is never silently lost (the caller shows 409 and the newer state).
//
// Answers are stored as the JSON contract text (flat ids -> values); personal answers
// (reporter.*, contact.*) pass through the FieldCipher. The register columns
// (incident type, discovered instant, lower-cased search text) are derived from the
// answers on every write. Tenant scoping: every read takes the organisation id, and a
// breach of another organisation is kNotFound.
//
// Thread-safety and failure: as in account_repositories.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/breach.h"

namespace bd::storage {

class Database;

// Who makes a change, and when (the caller's Clock), with an optional reason.
struct ChangeAuthor {
  std::string user_id;
  std::string user_email;
  TimePoint at{};
  std::string note;
};

enum class BreachSort {
  kUpdatedDesc,  // default: most recently changed first
  kUpdatedAsc,
  kDiscoveredDesc,  // unknown discovery instants last
  kDiscoveredAsc,
  kReferenceDesc,
  kReferenceAsc,
  kTitleAsc,
  kStatusAsc,
};

struct BreachQuery {
  std::string organisation_id;                  // required
  std::vector<model::BreachStatus> statuses;    // empty: any status
  std::string incident_type;                    // option token of breach.incident_type; empty: any
  std::optional<TimePoint> discovered_from;     // inclusive (time.discovered)
  std::optional<TimePoint> discovered_to;       // exclusive
  std::string text;                             // case-insensitive substring of reference, title or
                                                // breach.summary; taken literally (% _ \ ' are not special)
  std::string reported_by;                      // user id; set for the reporter role
  BreachSort sort = BreachSort::kUpdatedDesc;
  std::int64_t limit = 50;                      // 1..1000
  std::int64_t offset = 0;                      // >= 0
  std::int64_t count_cap = 10'000;              // count at most this many matches (0: count all);
                                                // keeps huge registers fast, see BreachPage
};

// One line of the register: the indexed columns, without the answers.
struct BreachSummary {
  std::string id;
  std::string organisation_id;
  std::string reference;
  std::string title;
  model::BreachStatus status = model::BreachStatus::kSuspected;
  std::int64_t version = 0;
  std::string incident_type;                 // empty when unknown
  std::optional<TimePoint> discovered_at;    // time.discovered, when known and valid
  std::string reported_by;
  TimePoint created_at{};
  TimePoint updated_at{};
};

struct BreachPage {
  std::vector<BreachSummary> items;
  std::int64_t total = 0;     // rows matching the filters, ignoring limit/offset
  bool total_capped = false;  // true: more than query.count_cap match; total == count_cap
                              // ("meer dan 10.000" / "more than 10,000")
};

class BreachRepository {
 public:
  explicit BreachRepository(Database& db) : db_(db) {}

  // Stores a new breach at version 1 with created_at = updated_at = author.at and
  // records revision 1 (every known answer, plus meta.title and meta.status, as a
  // change from unknown). An empty id gets a new random one; an empty reference gets
  // the organisation's next "YYYY-NNNN" (year of author.at, UTC). kConflict on a
  // duplicate id or reference; kConflict when the organisation does not exist.
  Result<model::Breach> create(model::Breach breach, const ChangeAuthor& author);

  // The breach `id` of `organisation_id`; kNotFound when absent or another tenant's.
  Result<model::Breach> get(std::string_view organisation_id, std::string_view id);

  // Saves title, status and answers of `updated` (looked up by updated.id within
  // updated.organisation_id) if the stored version equals expected_version: the new
  // row gets version + 1 and updated_at = author.at, and a revision lists the changed
  // ids (answers, and "meta.title"/"meta.status") with old and new values. If nothing
  // changed, nothing is written and the stored breach is returned. kConflict (nothing
  // written) when the stored version differs; kNotFound as in get().
  Result<model::Breach> update(const model::Breach& updated, std::int64_t expected_version,
                               const ChangeAuthor& author);

  // The register: filtered, sorted, paged, with the total count.
  Result<BreachPage> list(const BreachQuery& query);

  // The history of a breach, oldest first; kNotFound as in get().
  Result<std::vector<model::Revision>> revisions(std::string_view organisation_id, std::string_view breach_id);

 private:
  Database& db_;
};

}  // namespace bd::storage
