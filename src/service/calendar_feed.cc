// WorkflowService: the per-user calendar feed of AP deadlines (token URL, iCalendar).
// The token is a bearer secret in a URL that calendar clients poll without a session;
// only its hash is stored (storage/calendar_tokens.h).
#include "notify/calendar/icalendar.h"
#include "service/password.h"
#include "service/workflow_service.h"
#include "storage/account_repositories.h"
#include "storage/calendar_tokens.h"
#include "storage/database.h"

namespace bd::service {
namespace {

constexpr std::string_view kCalendarTokenPrefix = "bdcal_";

std::string event_summary(const DeadlineEntry& e, model::Language language) {
  const bool nl = language == model::Language::kNl;
  return std::string(nl ? "AP-melding uiterlijk: " : "AP notification due: ") + e.reference + " " + e.title;
}

std::string event_description(const DeadlineEntry& e, model::Language language) {
  const bool nl = language == model::Language::kNl;
  std::string text = nl ? "Datalek " : "Breach ";
  text += e.reference + "\n";
  text += model::describe_deadline(*e.deadline, language);
  return text;
}

}  // namespace

Result<std::string> WorkflowService::calendar_token(const Actor& actor) {
  if (actor.user_id.empty()) return Error::invalid("user", "a calendar feed belongs to a user");
  if (!can_read_all(actor)) return Error::forbidden("only privacy officers, admins and auditors have a deadline feed");
  std::string token = std::string(kCalendarTokenPrefix) + random_token();
  storage::CalendarTokenRepository tokens(db_);
  BD_TRY(tokens.put({actor.user_id, token_hash(token), clock_.now()}));
  return token;
}

Result<bool> WorkflowService::has_calendar_token(const Actor& actor) {
  storage::CalendarTokenRepository tokens(db_);
  auto found = tokens.find_by_user(actor.user_id);
  if (found.ok()) return true;
  if (found.error().kind == ErrorKind::kNotFound) return false;
  return found.error();
}

Result<std::string> WorkflowService::calendar_feed(std::string_view token, std::string_view base_url) {
  if (token.rfind(kCalendarTokenPrefix, 0) != 0) return Error::not_found("unknown calendar feed");
  storage::CalendarTokenRepository tokens(db_);
  BD_ASSIGN_OR_RETURN(storage::CalendarToken stored, tokens.find_by_hash(token_hash(token)));
  BD_ASSIGN_OR_RETURN(storage::User user, db_.users().get(stored.user_id));
  auto role = role_from_token(user.role);
  if (user.disabled || !role) return Error::not_found("unknown calendar feed");
  Actor owner{user.id, user.organisation_id, *role, user.email, user.display_name, user.locale, false};
  const model::Language language = user.locale == "en" ? model::Language::kEn : model::Language::kNl;
  BD_ASSIGN_OR_RETURN(std::vector<DeadlineEntry> entries, deadlines(owner));
  std::vector<notify::CalendarEvent> events;
  const TimePoint now = clock_.now();
  for (const DeadlineEntry& e : entries) {
    if (!e.pending || !e.deadline) continue;
    notify::CalendarEvent event;
    event.uid = "ap-" + e.breach_id + "@breachdesk";
    event.start = e.deadline->due;
    event.stamp = now;
    event.summary = event_summary(e, language);
    event.description = event_description(e, language);
    if (!base_url.empty()) event.url = std::string(base_url) + "/breaches/" + e.breach_id;
    event.alarms_minutes_before = {24 * 60, 6 * 60};
    events.push_back(std::move(event));
  }
  const std::string name = language == model::Language::kNl ? "breachdesk AP-termijnen" : "breachdesk AP deadlines";
  return notify::render_icalendar(name, events);
}

}  // namespace bd::service
