// WorkflowService: carries a breach from "suspected" to "filed with the AP" — the
// engine's proposal and the 72-hour clock, the privacy officer's decision, every
// lifecycle move, the versions of the AP notification and their filing, the
// organisation's deadlines dashboard and the per-user calendar feed of deadlines.
//
// Rules enforced here (and only here):
//  - tenant isolation: a breach or notification of another organisation is kNotFound;
//  - roles: admins and privacy officers decide, move and file; auditors read;
//    reporters get kForbidden for everything here;
//  - every change names the breach version it was based on; a stale one is kConflict
//    and nothing is written;
//  - the lifecycle rules are model/lifecycle.h's (impossible moves are kConflict with
//    a message that says what is missing); filing after the deadline needs
//    time.late_reason (model::check_can_file); lateness is frozen at filing because
//    meta.submitted_at stops the clock;
//  - a status change writes the breach's new version (with its revision) and the
//    transition record (with the decision and the proposal snapshot) in one transaction.
//
// The assessment configuration in force (model::assess::EngineConfig, chosen at start
// with `serve --assessment-config`) drives every proposal, the AP deadline's length,
// the lifecycle's and the filing's lateness checks and the notification documents.
//
// Ownership: holds references to the Database and Clock (which outlive it) and its
// own copy of the configuration.
// Thread-safety: safe for concurrent use; state lives in the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/assess/assessment.h"
#include "model/breach.h"
#include "model/deadline.h"
#include "model/lifecycle.h"
#include "notify/ap_notification.h"
#include "service/actor.h"
#include "storage/workflow_repositories.h"

namespace bd::storage {
class Database;
}

namespace bd::service {

// What the breach page's assessment panel shows.
struct AssessmentView {
  model::Breach breach;
  model::assess::Assessment proposal;               // the engine on the stored answers
  std::optional<model::DeadlineStatus> deadline;    // nullopt until an awareness time is known
  std::optional<storage::DecisionRecord> decision;  // the latest officer decision, if any
  std::vector<model::BreachStatus> next;            // moves the actor may make now (empty for readers)
  bool can_decide = false;                          // the actor may decide now (status suspected/assessing)
  bool can_edit = false;                            // the actor may edit the answers (and fill in unknowns)
};

struct DecideInput {
  std::int64_t expected_version = 0;
  bool accept = true;           // take the proposal as it is
  bool notify_ap = true;        // the officer's own decision when !accept
  bool inform_subjects = false;
  std::string reason;           // required for an override and for register-only
};

struct TransitionInput {
  std::int64_t expected_version = 0;
  model::BreachStatus target = model::BreachStatus::kAssessing;
  std::string reason;  // required to reopen
};

struct PrepareInput {
  notify::NotificationKind kind = notify::NotificationKind::kInitial;
  notify::NotificationStatus status = notify::NotificationStatus::kPreliminary;
};

struct FilingInput {
  std::int64_t expected_version = 0;  // the breach version the officer saw
  std::string meldnummer;             // the AP's number (required)
  TimePoint submitted_at{};           // when it was filed (not in the future)
  std::string late_reason;            // sets time.late_reason; required when overdue
};

// The answers changed since the last notification (the last filed one, else the last
// prepared one). `baseline` is nullopt when there is no notification yet.
struct ChangesView {
  std::optional<storage::ApNotificationRecord> baseline;
  std::vector<notify::ChangedAnswer> changes;
};

// One move in a breach's status history, for people: the stored transition (with its
// decision and the proposal snapshot it was made on) and who made it, named as the
// revision history names people, by e-mail address and never by user id. `by` is empty
// only when the account no longer exists.
struct HistoryStep {
  storage::TransitionRecord transition;
  std::string by;
};

// One line of the deadlines dashboard.
struct DeadlineEntry {
  std::string breach_id;
  std::string reference;
  std::string title;
  model::BreachStatus status = model::BreachStatus::kSuspected;
  std::optional<model::DeadlineStatus> deadline;  // nullopt: the clock has not started
  bool pending = false;  // the AP notification is still to be filed (suspected, assessing, decided_notify)
};

class WorkflowService {
 public:
  WorkflowService(storage::Database& db, const Clock& clock,
                  model::assess::EngineConfig config = model::assess::default_config());

  // The assessment configuration in force.
  const model::assess::EngineConfig& assessment_config() const { return config_; }

  Result<AssessmentView> assessment(const Actor& actor, std::string_view breach_id);
  // Records the proposal snapshot and the officer's decision and moves the breach to
  // decided_notify or decided_register_only (through assessing when still suspected).
  // kInvalidInput (field "reason") for an override or register-only without a reason;
  // kConflict for a stale version or when the breach is already decided (reopen first).
  Result<model::Breach> decide(const Actor& actor, std::string_view breach_id, const DecideInput& input);
  // Any other lifecycle move (assessing, subjects_informed, closed, reopen). Decisions
  // go through decide() and filing through file_notification().
  Result<model::Breach> transition(const Actor& actor, std::string_view breach_id, const TransitionInput& input);
  // Every move of the breach, oldest first; moves recorded in the same second (a
  // decision makes two) in the order they followed each other. Readable by whoever
  // sees the assessment (workflow_history.cc).
  Result<std::vector<storage::TransitionRecord>> history(const Actor& actor, std::string_view breach_id);
  // The same moves, each with who made it (one account look-up per person).
  Result<std::vector<HistoryStep>> status_history(const Actor& actor, std::string_view breach_id);

  // A new notification version with a snapshot of the breach's answers. A follow-up
  // (supplement, amendment, withdrawal) needs a filed earlier version and is linked to
  // it and its meldnummer (kConflict otherwise); an initial one needs the decision to
  // notify (status decided_notify, or notified / subjects_informed for a historic
  // record) and no filed version yet.
  Result<storage::ApNotificationRecord> prepare_notification(const Actor& actor, std::string_view breach_id,
                                                             const PrepareInput& input);
  // Records that the version was filed with the AP. For the initial notification it
  // also stores meta.ap_reference and meta.submitted_at (stopping the clock) and moves
  // the breach to notified. kConflict naming time.late_reason when overdue without one.
  Result<storage::ApNotificationRecord> file_notification(const Actor& actor, std::string_view notification_id,
                                                          const FilingInput& input);
  Result<std::vector<storage::ApNotificationRecord>> notifications(const Actor& actor, std::string_view breach_id);
  Result<storage::ApNotificationRecord> notification(const Actor& actor, std::string_view notification_id);
  // What Art. 33(3) and the AP still require before filing.
  Result<std::vector<notify::MissingItem>> completeness(const Actor& actor, std::string_view breach_id,
                                                        model::Language language);
  Result<ChangesView> changes_since_last_notification(const Actor& actor, std::string_view breach_id,
                                                      model::Language language);
  // The document of a stored notification version (answers snapshot, its own meta.*),
  // with the changes against the version it follows up.
  Result<notify::ApNotification> notification_document(const Actor& actor, std::string_view notification_id,
                                                        model::Language language);
  Result<std::string> notification_json(const Actor& actor, std::string_view notification_id);

  // The organisation's breaches that are not closed: first those whose AP notification
  // is still pending, by time left (overdue first), then pending ones whose clock has
  // not started, then the rest (notified, register only, people informed) by reference.
  Result<std::vector<DeadlineEntry>> deadlines(const Actor& actor);

  // Creates or rotates the actor's calendar feed token; returns the plaintext (shown
  // once; only its hash is stored). Readers of the organisation may have one.
  Result<std::string> calendar_token(const Actor& actor);
  // Whether the actor has a feed token (for the page).
  Result<bool> has_calendar_token(const Actor& actor);
  // The iCalendar text of the token owner's organisation deadlines. kNotFound for an
  // unknown token or a disabled user. `base_url` (may be empty) prefixes breach links.
  Result<std::string> calendar_feed(std::string_view token, std::string_view base_url);

 private:
  Result<model::Breach> load(const Actor& actor, std::string_view breach_id, bool write);
  // Whether the actor's organisation records its breaches as a processor
  // (storage::OrganisationKind::kProcessor): the engine then proposes to inform the
  // controllers instead of notifying the AP, and there is no AP clock.
  Result<bool> as_processor(const Actor& actor);
  // The clock context of a breach: processor or controller, and the clock frozen at
  // filing once its initial notification was filed.
  Result<model::ClockContext> clock_context(const Actor& actor, const model::Breach& breach);
  Result<model::Breach> apply(const Actor& actor, model::Breach breach, std::int64_t expected_version,
                              const std::vector<model::StatusChange>& changes, const std::string& note);

  int deadline_hours() const { return config_.deadline_hours; }

  storage::Database& db_;
  const Clock& clock_;
  const model::assess::EngineConfig config_;
};

}  // namespace bd::service
