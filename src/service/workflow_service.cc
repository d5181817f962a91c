// WorkflowService: the assessment, the officer's decision, lifecycle moves and the
// deadlines dashboard. Notifications: workflow_service_notify.cc; the status history:
// workflow_history.cc; the calendar feed: calendar_feed.cc.
#include "service/workflow_service.h"

#include <algorithm>
#include <utility>

#include "model/text_checks.h"
#include "service/breach_service.h"
#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/database.h"

namespace bd::service {
namespace {

using model::BreachStatus;

Status check_version(const model::Breach& breach, std::int64_t expected) {
  if (expected != breach.version) {
    return Error::conflict("the breach was changed by someone else (now version " + std::to_string(breach.version) +
                           "); reload and try again");
  }
  return {};
}

bool decidable(BreachStatus s) { return s == BreachStatus::kSuspected || s == BreachStatus::kAssessing; }

// The engine on the breach's answers, as the processor or the controller it is.
Result<model::assess::Assessment> propose(const model::Breach& breach, bool as_processor,
                                          const model::assess::EngineConfig& config) {
  BD_ASSIGN_OR_RETURN(model::assess::Facts facts, model::assess::facts_from_answers(breach.answers));
  facts.as_processor = as_processor;
  return model::assess::assess(facts, config);
}

// Accepting a processor's proposal (inform the controllers, do not notify the AP)
// records the proposal's own reason when the officer wrote none.
std::string decision_reason(const DecideInput& input, const model::assess::Assessment& proposal) {
  if (!input.accept || !proposal.notify_controllers || !model::is_blank(input.reason) ||
      proposal.notify_reasons.empty()) {
    return input.reason;
  }
  return std::string(proposal.notify_reasons.front().nl);
}

}  // namespace

WorkflowService::WorkflowService(storage::Database& db, const Clock& clock, model::assess::EngineConfig config)
    : db_(db), clock_(clock), config_(std::move(config)) {}

Result<model::Breach> WorkflowService::load(const Actor& actor, std::string_view breach_id, bool write) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, db_.breaches().get(actor.organisation_id, breach_id));
  if (!can_read_all(actor)) return Error::forbidden("only privacy officers, admins and auditors see the assessment");
  if (write && !can_edit(actor)) return Error::forbidden("only privacy officers and admins decide on a breach");
  return breach;
}

Result<model::Breach> WorkflowService::apply(const Actor& actor, model::Breach breach, std::int64_t expected_version,
                                             const std::vector<model::StatusChange>& changes,
                                             const std::string& note) {
  storage::ChangeAuthor author{actor.user_id, actor.email, clock_.now(), note};
  std::optional<model::Breach> saved;
  Status written = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(model::Breach stored, db_.breaches().update(breach, expected_version, author));
    for (const model::StatusChange& change : changes) {
      BD_TRY(db_.lifecycle().record(actor.organisation_id, change));
    }
    saved = std::move(stored);
    return {};
  });
  BD_TRY(written);
  return std::move(*saved);
}

Result<bool> WorkflowService::as_processor(const Actor& actor) {
  BD_ASSIGN_OR_RETURN(storage::Organisation org, db_.organisations().get(actor.organisation_id));
  return org.kind == storage::OrganisationKind::kProcessor;
}

Result<model::ClockContext> WorkflowService::clock_context(const Actor& actor, const model::Breach& breach) {
  BD_ASSIGN_OR_RETURN(const bool processor, as_processor(actor));
  model::ClockContext context{deadline_hours(), processor, std::nullopt};
  BD_ASSIGN_OR_RETURN(auto versions, db_.notifications().list_for_breach(actor.organisation_id, breach.id));
  for (const storage::ApNotificationRecord& v : versions) {
    if (v.kind == "initial" && v.clock) context.filed = v.clock;
  }
  return context;
}

Result<AssessmentView> WorkflowService::assessment(const Actor& actor, std::string_view breach_id) {
  AssessmentView view;
  BD_ASSIGN_OR_RETURN(view.breach, load(actor, breach_id, false));
  BD_ASSIGN_OR_RETURN(const model::ClockContext context, clock_context(actor, view.breach));
  BD_ASSIGN_OR_RETURN(view.proposal, propose(view.breach, context.as_processor, config_));
  BD_ASSIGN_OR_RETURN(view.deadline, model::ap_deadline(view.breach.answers, clock_.now(), context));
  BD_ASSIGN_OR_RETURN(view.decision, db_.lifecycle().latest_decision(actor.organisation_id, view.breach.id));
  if (can_edit(actor)) {
    for (BreachStatus s : model::allowed_next(view.breach.status)) {
      // Decisions and filing have their own forms.
      if (s == BreachStatus::kDecidedNotify || s == BreachStatus::kDecidedRegisterOnly || s == BreachStatus::kNotified) {
        continue;
      }
      view.next.push_back(s);
    }
    view.can_decide = decidable(view.breach.status);
    view.can_edit = true;
  }
  return view;
}

Result<model::Breach> WorkflowService::decide(const Actor& actor, std::string_view breach_id, const DecideInput& input) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, true));
  BD_TRY(check_version(breach, input.expected_version));
  if (!decidable(breach.status)) {
    return Error::conflict("the breach has already been decided; reopen it first to decide again");
  }
  const TimePoint now = clock_.now();
  BD_ASSIGN_OR_RETURN(const bool processor, as_processor(actor));
  BD_ASSIGN_OR_RETURN(model::assess::Assessment proposal, propose(breach, processor, config_));
  const bool notify = input.accept ? proposal.notify_ap : input.notify_ap;
  const bool inform = input.accept ? proposal.inform_subjects : input.inform_subjects;
  const std::string reason = decision_reason(input, proposal);
  if (!notify && model::is_blank(reason)) {
    return Error::invalid("reason", "a decision not to notify the AP needs a written reason (Art. 33(5))");
  }
  BD_ASSIGN_OR_RETURN(model::Decision decision,
                      model::make_decision(proposal, notify, inform, reason, actor.user_id, now));
  std::vector<model::StatusChange> changes;
  if (breach.status == BreachStatus::kSuspected) {
    model::TransitionRequest start{BreachStatus::kAssessing, actor.user_id, now, {}, std::nullopt};
    BD_ASSIGN_OR_RETURN(model::StatusChange change, model::transition(breach, start, deadline_hours()));
    changes.push_back(std::move(change));
  }
  model::TransitionRequest request{notify ? BreachStatus::kDecidedNotify : BreachStatus::kDecidedRegisterOnly,
                                   actor.user_id, now, reason, std::move(decision)};
  BD_ASSIGN_OR_RETURN(model::StatusChange change, model::transition(breach, std::move(request), deadline_hours()));
  changes.push_back(std::move(change));
  return apply(actor, std::move(breach), input.expected_version, changes, reason);
}

Result<model::Breach> WorkflowService::transition(const Actor& actor, std::string_view breach_id,
                                                  const TransitionInput& input) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, true));
  BD_TRY(check_version(breach, input.expected_version));
  if (input.target == BreachStatus::kDecidedNotify || input.target == BreachStatus::kDecidedRegisterOnly) {
    return Error::conflict("a decision is made with the assessment's accept or override form, not as a status move");
  }
  if (input.target == BreachStatus::kNotified) {
    return Error::conflict("a breach becomes notified when its AP notification is marked filed with a meldnummer");
  }
  model::TransitionRequest request{input.target, actor.user_id, clock_.now(), input.reason, std::nullopt};
  BD_ASSIGN_OR_RETURN(model::StatusChange change, model::transition(breach, std::move(request), deadline_hours()));
  return apply(actor, std::move(breach), input.expected_version, {change}, input.reason);
}

Result<std::vector<DeadlineEntry>> WorkflowService::deadlines(const Actor& actor) {
  if (!can_read_all(actor)) return Error::forbidden("only privacy officers, admins and auditors see the deadlines");
  RegisterQuery query;
  query.statuses = {BreachStatus::kSuspected,           BreachStatus::kAssessing, BreachStatus::kDecidedNotify,
                    BreachStatus::kDecidedRegisterOnly, BreachStatus::kNotified,  BreachStatus::kSubjectsInformed};
  BreachService breaches(db_, clock_);
  BD_ASSIGN_OR_RETURN(std::vector<model::Breach> open, breaches.all(actor, query));
  BD_ASSIGN_OR_RETURN(const bool processor, as_processor(actor));
  BD_ASSIGN_OR_RETURN(const auto filed, db_.notifications().filed_clocks(actor.organisation_id));
  const TimePoint now = clock_.now();
  std::vector<DeadlineEntry> entries;
  entries.reserve(open.size());
  for (const model::Breach& b : open) {
    DeadlineEntry e{b.id, b.reference, b.title, b.status, std::nullopt, false};
    model::ClockContext context{deadline_hours(), processor, std::nullopt};
    if (auto it = filed.find(b.id); it != filed.end()) context.filed = it->second;
    auto status = model::ap_deadline(b.answers, now, context);
    if (status.ok()) e.deadline = *status;  // a malformed time shows as "clock not started"
    // A processor notifies no AP: nothing of it is pending there (Art. 33(2)).
    e.pending = !processor &&
                (b.status == BreachStatus::kSuspected || b.status == BreachStatus::kAssessing ||
                 b.status == BreachStatus::kDecidedNotify) &&
                !(e.deadline && e.deadline->filed_at);
    entries.push_back(std::move(e));
  }
  const auto group = [](const DeadlineEntry& e) { return e.pending ? (e.deadline ? 0 : 1) : 2; };
  std::stable_sort(entries.begin(), entries.end(), [&](const DeadlineEntry& a, const DeadlineEntry& b) {
    if (group(a) != group(b)) return group(a) < group(b);
    if (group(a) == 0) return a.deadline->time_left < b.deadline->time_left;
    return a.reference < b.reference;
  });
  return entries;
}

}  // namespace bd::service
