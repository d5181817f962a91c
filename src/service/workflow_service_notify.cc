// WorkflowService: the versions of the AP notification — preparing, filing,
// completeness, changes since the last version and the rendered documents.
#include <algorithm>

#include "base/time_zone.h"
#include "model/text_checks.h"
#include "service/workflow_service.h"
#include "storage/breach_repository.h"
#include "storage/database.h"

namespace bd::service {
namespace {

using model::BreachStatus;
using storage::ApNotificationRecord;

const ApNotificationRecord* last_filed(const std::vector<ApNotificationRecord>& list) {
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    if (!it->meldnummer.empty()) return &*it;
  }
  return nullptr;
}

// The record's answers with its own filing data, as the notification document shows them.
model::Answers filed_answers(const ApNotificationRecord& record) {
  model::Answers answers = record.answers;
  answers["meta.kind"] = record.kind;
  answers["meta.status"] = record.status;
  if (!record.meldnummer.empty()) answers["meta.ap_reference"] = record.meldnummer;
  if (record.submitted_at) answers["meta.submitted_at"] = format_iso_in_zone(*record.submitted_at);
  return answers;
}

Result<notify::NotificationKind> kind_of(std::string_view token) {
  for (auto k : {notify::NotificationKind::kInitial, notify::NotificationKind::kSupplement,
                 notify::NotificationKind::kAmendment, notify::NotificationKind::kWithdrawal}) {
    if (notify::to_token(k) == token) return k;
  }
  return Error::internal("stored notification has an unknown kind");
}

Status check_filing_input(const FilingInput& input, TimePoint now) {
  if (model::is_blank(input.meldnummer)) return Error::invalid("meldnummer", "enter the AP's meldnummer");
  if (input.meldnummer.size() > 64) return Error::invalid("meldnummer", "the meldnummer is too long");
  if (input.submitted_at > now) return Error::invalid("submitted_at", "the filing time lies in the future");
  return {};
}

}  // namespace

Result<ApNotificationRecord> WorkflowService::prepare_notification(const Actor& actor, std::string_view breach_id,
                                                                   const PrepareInput& input) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, true));
  BD_ASSIGN_OR_RETURN(auto list, db_.notifications().list_for_breach(actor.organisation_id, breach.id));
  const ApNotificationRecord* filed = last_filed(list);
  ApNotificationRecord record;
  record.breach_id = breach.id;
  record.kind = std::string(notify::to_token(input.kind));
  record.status = std::string(notify::to_token(input.status));
  record.breach_version = breach.version;
  record.created_by = actor.user_id;
  record.created_at = clock_.now();
  if (input.kind == notify::NotificationKind::kInitial) {
    if (filed != nullptr) return Error::conflict("the breach was already notified; prepare a supplement, amendment or withdrawal");
    // After the decision to notify; a historic record entered as already notified or
    // with the people informed may get its notification document too.
    if (breach.status != BreachStatus::kDecidedNotify && breach.status != BreachStatus::kNotified &&
        breach.status != BreachStatus::kSubjectsInformed) {
      return Error::conflict("prepare the notification after the decision to notify the AP");
    }
    record.answers = breach.answers;
  } else {
    if (filed == nullptr) return Error::conflict("a follow-up needs a notification that was filed with the AP");
    model::Answers base = breach.answers;
    base["meta.ap_reference"] = filed->meldnummer;
    BD_ASSIGN_OR_RETURN(record.answers, notify::start_follow_up(base, input.kind));
    record.previous_id = filed->id;
  }
  record.answers["meta.kind"] = record.kind;
  record.answers["meta.status"] = record.status;
  record.answers.erase("meta.ap_reference");
  record.answers.erase("meta.submitted_at");
  return db_.notifications().create(actor.organisation_id, std::move(record));
}

Result<ApNotificationRecord> WorkflowService::file_notification(const Actor& actor, std::string_view notification_id,
                                                                const FilingInput& input) {
  BD_ASSIGN_OR_RETURN(ApNotificationRecord record, db_.notifications().get(actor.organisation_id, notification_id));
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, record.breach_id, true));
  const TimePoint now = clock_.now();
  BD_TRY(check_filing_input(input, now));
  if (breach.version != input.expected_version) {
    return Error::conflict("the breach was changed by someone else (now version " + std::to_string(breach.version) +
                           "); reload and try again");
  }
  if (!record.meldnummer.empty()) return Error::conflict("this notification was already filed");
  std::vector<model::StatusChange> changes;
  std::optional<model::FiledClock> clock;  // the initial version freezes the clock
  if (record.kind == "initial") {
    if (!model::is_blank(input.late_reason)) breach.answers["time.late_reason"] = input.late_reason;
    BD_TRY(model::check_can_file(breach.answers, input.submitted_at, deadline_hours()));
    BD_ASSIGN_OR_RETURN(model::FiledClock at_filing,
                        model::clock_at_filing(breach.answers, input.submitted_at, deadline_hours()));
    clock = at_filing;
    breach.answers["meta.ap_reference"] = input.meldnummer;
    breach.answers["meta.submitted_at"] = format_iso_in_zone(input.submitted_at);
    if (breach.status == BreachStatus::kDecidedNotify) {
      model::TransitionRequest request{BreachStatus::kNotified, actor.user_id, now, {}, std::nullopt};
      BD_ASSIGN_OR_RETURN(model::StatusChange change, model::transition(breach, std::move(request), deadline_hours()));
      changes.push_back(std::move(change));
    }
  }
  BD_TRY(db_.transaction([&]() -> Status {
    if (record.kind == "initial") {
      BD_ASSIGN_OR_RETURN(model::Breach saved, apply(actor, breach, input.expected_version, changes, "filed with the AP"));
      (void)saved;
    }
    return db_.notifications().record_submission(actor.organisation_id, record.id, input.meldnummer,
                                                 input.submitted_at, clock);
  }));
  return db_.notifications().get(actor.organisation_id, record.id);
}

Result<std::vector<ApNotificationRecord>> WorkflowService::notifications(const Actor& actor,
                                                                         std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, false));
  return db_.notifications().list_for_breach(actor.organisation_id, breach.id);
}

Result<ApNotificationRecord> WorkflowService::notification(const Actor& actor, std::string_view notification_id) {
  BD_ASSIGN_OR_RETURN(ApNotificationRecord record, db_.notifications().get(actor.organisation_id, notification_id));
  BD_TRY(load(actor, record.breach_id, false));
  return record;
}

Result<std::vector<notify::MissingItem>> WorkflowService::completeness(const Actor& actor, std::string_view breach_id,
                                                                       model::Language language) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, false));
  notify::BuildOptions options{language, clock_.now(), nullptr, deadline_hours()};
  return notify::build_ap_notification(breach, options).missing;
}

Result<ChangesView> WorkflowService::changes_since_last_notification(const Actor& actor, std::string_view breach_id,
                                                                     model::Language language) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, false));
  BD_ASSIGN_OR_RETURN(auto list, db_.notifications().list_for_breach(actor.organisation_id, breach.id));
  ChangesView view;
  const ApNotificationRecord* base = last_filed(list);
  if (base == nullptr && !list.empty()) base = &list.back();
  if (base == nullptr) return view;
  view.baseline = *base;
  // Compare the content only: the notification's own meta.* are not the breach's.
  model::Answers before = base->answers;
  model::Answers after = breach.answers;
  for (auto* answers : {&before, &after}) {
    std::erase_if(*answers, [](const auto& kv) { return kv.first.rfind("meta.", 0) == 0; });
  }
  view.changes = notify::changes_since(before, after, language);
  return view;
}

Result<notify::ApNotification> WorkflowService::notification_document(const Actor& actor,
                                                                      std::string_view notification_id,
                                                                      model::Language language) {
  BD_ASSIGN_OR_RETURN(ApNotificationRecord record, db_.notifications().get(actor.organisation_id, notification_id));
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, record.breach_id, false));
  BD_TRY(kind_of(record.kind));
  breach.answers = filed_answers(record);
  std::optional<model::Answers> previous;
  if (!record.previous_id.empty()) {
    BD_ASSIGN_OR_RETURN(ApNotificationRecord prev, db_.notifications().get(actor.organisation_id, record.previous_id));
    previous = filed_answers(prev);
  }
  notify::BuildOptions options{language, clock_.now(), previous ? &*previous : nullptr, deadline_hours()};
  return notify::build_ap_notification(breach, options);
}

Result<std::string> WorkflowService::notification_json(const Actor& actor, std::string_view notification_id) {
  BD_ASSIGN_OR_RETURN(notify::ApNotification doc, notification_document(actor, notification_id, model::Language::kNl));
  BD_ASSIGN_OR_RETURN(ApNotificationRecord record, db_.notifications().get(actor.organisation_id, notification_id));
  BD_ASSIGN_OR_RETURN(model::Breach breach, db_.breaches().get(actor.organisation_id, record.breach_id));
  breach.answers = filed_answers(record);
  return notify::render_json(breach, doc);
}

}  // namespace bd::service
