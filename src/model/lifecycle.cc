#include "model/lifecycle.h"

#include <algorithm>
#include <array>

#include "model/deadline.h"
#include "model/text_checks.h"

namespace bd::model {
namespace {

using S = BreachStatus;

constexpr std::array kFromSuspected{S::kAssessing};
constexpr std::array kFromAssessing{S::kDecidedNotify, S::kDecidedRegisterOnly};
constexpr std::array kFromDecidedNotify{S::kNotified, S::kAssessing};
constexpr std::array kFromRegisterOnly{S::kClosed, S::kAssessing};
constexpr std::array kFromNotified{S::kSubjectsInformed, S::kClosed, S::kAssessing};
constexpr std::array kFromInformed{S::kClosed, S::kAssessing};
constexpr std::array kFromClosed{S::kAssessing};


bool has_text(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  if (it == answers.end()) return false;
  const auto* s = std::get_if<std::string>(&it->second);
  return s != nullptr && !is_blank(*s);
}

Error refuse(std::string message, std::string field = {}) {
  Error e = Error::conflict(std::move(message));
  e.field = std::move(field);
  return e;
}

Status check_decision(const TransitionRequest& r) {
  if (!r.decision) return refuse("Een besluit is nodig / A decision is required", "decision");
  const Decision& d = *r.decision;
  if (r.to == S::kDecidedNotify && !d.notify_ap) {
    return refuse("Het besluit is niet melden / The decision is not to notify", "decision");
  }
  if (r.to == S::kDecidedRegisterOnly) {
    if (d.notify_ap) return refuse("Het besluit is melden / The decision is to notify", "decision");
    if (is_blank(d.reason) && is_blank(r.reason)) {
      return refuse("Leg vast waarom niet gemeld wordt (art. 33 lid 5 AVG) / "
                    "Record why the breach is not notified (Art. 33(5) GDPR)", "reason");
    }
  }
  if (d.outcome == Decision::Outcome::kOverridden && is_blank(d.reason)) {
    return refuse("Afwijken van het voorstel vraagt een schriftelijke reden / An override needs a written reason",
                  "reason");
  }
  return {};
}

Status check_notified(const Breach& breach, int deadline_hours) {
  if (!has_text(breach.answers, "meta.ap_reference")) {
    return refuse("Vul het meldnummer van de AP in / Enter the AP's notification number", "meta.ap_reference");
  }
  auto submitted = breach.answers.find(std::string_view("meta.submitted_at"));
  if (submitted == breach.answers.end() || is_unknown(submitted->second)) {
    return refuse("Vul in wanneer gemeld is / Enter when the notification was submitted", "meta.submitted_at");
  }
  auto status = deadline_status(breach.answers, TimePoint{}, deadline_hours);
  if (!status.ok()) return std::move(status).error();
  if (!*status) {
    return refuse("Vul eerst in wanneer de inbreuk is ontdekt / Enter when the breach was discovered first",
                  "time.discovered");
  }
  return check_can_file(breach.answers, *(*status)->filed_at, deadline_hours);
}

Status check_facts(const Breach& breach, const TransitionRequest& r, int deadline_hours) {
  switch (r.to) {
    case S::kDecidedNotify:
    case S::kDecidedRegisterOnly: return check_decision(r);
    case S::kNotified: return check_notified(breach, deadline_hours);
    case S::kAssessing:
      if (breach.status != S::kSuspected && is_blank(r.reason)) {
        return refuse("Heropenen vraagt een reden / Reopening needs a reason", "reason");
      }
      return {};
    default: return {};
  }
}

}  // namespace

std::string_view to_token(Decision::Outcome outcome) {
  return outcome == Decision::Outcome::kAccepted ? "accepted" : "overridden";
}

Result<Decision> make_decision(const assess::Assessment& proposal, bool notify_ap, bool inform_subjects,
                               std::string reason, std::string user_id, TimePoint at) {
  Decision d;
  d.proposal = proposal;
  d.notify_ap = notify_ap;
  d.inform_subjects = inform_subjects;
  d.outcome = notify_ap == proposal.notify_ap && inform_subjects == proposal.inform_subjects
                  ? Decision::Outcome::kAccepted
                  : Decision::Outcome::kOverridden;
  if (d.outcome == Decision::Outcome::kOverridden && is_blank(reason)) {
    return Error::invalid("reason", "Afwijken van het voorstel vraagt een schriftelijke reden / "
                                    "An override needs a written reason");
  }
  d.reason = std::move(reason);
  d.user_id = std::move(user_id);
  d.at = at;
  return d;
}

std::span<const BreachStatus> allowed_next(BreachStatus from) {
  switch (from) {
    case S::kSuspected: return kFromSuspected;
    case S::kAssessing: return kFromAssessing;
    case S::kDecidedNotify: return kFromDecidedNotify;
    case S::kDecidedRegisterOnly: return kFromRegisterOnly;
    case S::kNotified: return kFromNotified;
    case S::kSubjectsInformed: return kFromInformed;
    case S::kClosed: return kFromClosed;
  }
  return {};
}

bool is_allowed(BreachStatus from, BreachStatus to) {
  const auto next = allowed_next(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

Result<StatusChange> transition(Breach& breach, TransitionRequest request, int deadline_hours) {
  if (!is_allowed(breach.status, request.to)) {
    return refuse("Deze statuswijziging is niet mogelijk: " + std::string(to_token(breach.status)) + " → " +
                  std::string(to_token(request.to)) + " / This status change is not possible");
  }
  if (is_blank(request.user_id)) return refuse("Een gebruiker is nodig / A user is required", "user_id");
  BD_TRY(check_facts(breach, request, deadline_hours));
  StatusChange change{breach.id, breach.status, request.to, std::move(request.user_id), request.at,
                      std::move(request.reason), std::move(request.decision)};
  breach.status = request.to;
  return change;
}

}  // namespace bd::model
