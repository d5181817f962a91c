// Repositories for what happens to a breach after it is recorded: the versions of its
// notification to the AP, the officer's decisions and status transitions, and the
// mail outbox.
//
// Tenant scoping: every read and write that names a breach takes the organisation id
// too; a breach (or notification) of another organisation is kNotFound.
// Atomicity: call these inside Database::transaction together with the breach update
// that causes them (e.g. BreachRepository::update for the status, then
// LifecycleRepository::record), so either both are stored or neither.
// Ownership, thread-safety and failure: as in account_repositories.h; personal data
// (outbox recipient and bodies, personal answers in snapshots) passes the FieldCipher.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/deadline.h"
#include "model/lifecycle.h"
#include "model/value.h"

namespace bd::storage {

class Database;

// One version of the notification to the AP.
struct ApNotificationRecord {
  std::string id;                   // application-generated (empty on create: a new one)
  std::string breach_id;
  std::int64_t version = 0;         // set by create: 1, 2, … per breach
  std::string kind = "initial";     // initial | supplement | amendment | withdrawal (meta.kind)
  std::string status = "preliminary";  // preliminary | final (meta.status)
  std::string meldnummer;           // the AP's number; empty until filed
  std::optional<TimePoint> submitted_at;
  std::string previous_id;          // the notification this one follows up; empty for the first
  std::int64_t breach_version = 0;  // the breach version the snapshot was taken from
  model::Answers answers;           // snapshot
  std::string created_by;           // user id
  TimePoint created_at{};
  // The 72-hour clock as it stood at filing; set for an initial version filed with it
  // (nullopt before filing, for follow-ups and for versions filed before 0170).
  std::optional<model::FiledClock> clock;
};

class NotificationRepository {
 public:
  explicit NotificationRepository(Database& db) : db_(db) {}
  // Stores a new version (version = previous highest + 1). kNotFound when the breach is
  // not the organisation's; kInvalidInput for an unknown kind/status or a previous_id
  // that is not a notification of the same breach.
  Result<ApNotificationRecord> create(std::string_view organisation_id, ApNotificationRecord record);
  Result<ApNotificationRecord> get(std::string_view organisation_id, std::string_view id);
  // Oldest first.
  Result<std::vector<ApNotificationRecord>> list_for_breach(std::string_view organisation_id,
                                                            std::string_view breach_id);
  // Records the meldnummer and filing time (the officer filed it on the AP's form) and,
  // for the initial version, the clock as it stood then. kConflict when it was already
  // recorded with another number.
  Status record_submission(std::string_view organisation_id, std::string_view id, std::string_view meldnummer,
                           TimePoint submitted_at, const std::optional<model::FiledClock>& clock = std::nullopt);
  // The clock at filing of every breach of the organisation whose initial notification
  // was filed with one, keyed by breach id (one query, for dashboards).
  Result<std::map<std::string, model::FiledClock, std::less<>>> filed_clocks(std::string_view organisation_id);

 private:
  Database& db_;
};

// A decision as stored: the proposal is kept as its JSON text (json/assessment_codec.h)
// so the record shows exactly what the engine said at the time.
struct DecisionRecord {
  std::string id;
  std::string breach_id;
  model::Decision::Outcome outcome = model::Decision::Outcome::kAccepted;
  bool notify_ap = true;
  bool inform_subjects = false;
  std::string reason;
  std::string user_id;
  TimePoint at{};
  std::string proposal_json;
};

struct TransitionRecord {
  std::string id;
  std::string breach_id;
  model::BreachStatus from = model::BreachStatus::kSuspected;
  model::BreachStatus to = model::BreachStatus::kSuspected;
  std::string user_id;
  TimePoint at{};
  std::string reason;
  std::optional<DecisionRecord> decision;  // set for transitions that carried one
};

class LifecycleRepository {
 public:
  explicit LifecycleRepository(Database& db) : db_(db) {}
  // Stores the transition (and its decision, if any). kNotFound when the breach is not
  // the organisation's. Returns the stored record with its ids.
  Result<TransitionRecord> record(std::string_view organisation_id, const model::StatusChange& change);
  // Oldest first, each with its decision.
  Result<std::vector<TransitionRecord>> transitions(std::string_view organisation_id, std::string_view breach_id);
  // The most recent decision on the breach, if any.
  Result<std::optional<DecisionRecord>> latest_decision(std::string_view organisation_id,
                                                        std::string_view breach_id);

 private:
  Database& db_;
};

struct OutboxMessage {
  std::string id;               // empty on enqueue: a new one
  std::string organisation_id;
  std::string breach_id;        // may be empty
  std::string kind;             // e.g. "subject_letter", "deadline_reminder"
  std::string recipient;        // e-mail address (personal data)
  std::string subject;
  std::string body_text;        // personal data
  std::string body_html;        // personal data; may be empty
  std::string status = "pending";  // pending | sending | sent | failed
  std::int64_t attempts = 0;
  TimePoint next_attempt_at{};  // when it may be (re)tried
  std::string last_error;       // the last transport error, for the officer (no secrets)
  std::string dedupe_key;       // optional; a second enqueue with the same key is kConflict
  TimePoint created_at{};
  std::optional<TimePoint> sent_at;
};

class OutboxRepository {
 public:
  explicit OutboxRepository(Database& db) : db_(db) {}
  Result<OutboxMessage> enqueue(OutboxMessage message);
  // Claims up to `limit` messages that are due at `now` (pending, or sending with an
  // expired claim): each becomes "sending", attempts + 1, next_attempt_at = now + lease
  // (so a sender that dies lets them become due again). Safe with several senders and
  // several server processes: a message is claimed by one of them.
  Result<std::vector<OutboxMessage>> claim_due(TimePoint now, int limit, std::chrono::seconds lease);
  Status mark_sent(std::string_view id, TimePoint at);
  // A failed attempt: retried at `retry_at` when given (status pending), else given up
  // (status failed).
  Status mark_failed(std::string_view id, std::string_view error, std::optional<TimePoint> retry_at);
  // Newest first.
  Result<std::vector<OutboxMessage>> list_for_breach(std::string_view organisation_id, std::string_view breach_id);

 private:
  Database& db_;
};

}  // namespace bd::storage
