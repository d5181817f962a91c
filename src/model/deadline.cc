#include "model/deadline.h"

#include <string>

#include "model/datetime.h"

namespace bd::model {
namespace {

const std::string* text_of(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  if (it == answers.end()) return nullptr;
  return std::get_if<std::string>(&it->second);
}

// The instant of a datetime answer; nullopt when absent or unknown.
Result<std::optional<TimePoint>> instant_of(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  if (it == answers.end() || is_unknown(it->second)) return std::optional<TimePoint>{};
  const auto* text = std::get_if<std::string>(&it->second);
  if (text == nullptr) return Error::invalid(std::string(id), std::string(id) + ": expected a date-time");
  auto parsed = parse_datetime(*text);
  if (!parsed.ok()) return Error::invalid(std::string(id), std::string(id) + ": " + parsed.error().message);
  return std::optional<TimePoint>{parsed->instant};
}

bool has_late_reason(const Answers& answers) {
  const std::string* reason = text_of(answers, "time.late_reason");
  if (reason == nullptr) return false;
  return reason->find_first_not_of(" \t\r\n") != std::string::npos;
}

// "2 dagen 3 uur 5 minuten": the non-zero parts, minutes always when nothing else.
std::string span_text(std::chrono::seconds span, Language lang) {
  const bool nl = lang == Language::kNl;
  const auto total_minutes = std::chrono::duration_cast<std::chrono::minutes>(span).count();
  const long long parts[] = {total_minutes / (24LL * 60), total_minutes / 60 % 24, total_minutes % 60};
  const char* one[] = {nl ? "dag" : "day", nl ? "uur" : "hour", nl ? "minuut" : "minute"};
  const char* many[] = {nl ? "dagen" : "days", nl ? "uur" : "hours", nl ? "minuten" : "minutes"};
  std::string out;
  for (int i = 0; i < 3; ++i) {
    if (parts[i] == 0 && !(i == 2 && out.empty())) continue;
    if (!out.empty()) out += ' ';
    out += std::to_string(parts[i]) + ' ' + (parts[i] == 1 ? one[i] : many[i]);
  }
  return out;
}

}  // namespace

std::string describe_deadline(const DeadlineStatus& s, Language lang) {
  const bool nl = lang == Language::kNl;
  const auto late = -s.time_left;
  if (s.filed_at) {
    if (!s.filed_late) return nl ? "Op tijd gemeld" : "Notified in time";
    return nl ? "Gemeld, " + span_text(late, lang) + " te laat" : "Notified " + span_text(late, lang) + " late";
  }
  if (s.overdue) return span_text(late, lang) + (nl ? " te laat" : " overdue");
  return nl ? "Nog " + span_text(s.time_left, lang) : span_text(s.time_left, lang) + " left";
}

Result<std::optional<DeadlineStatus>> deadline_status(const Answers& answers, TimePoint now, int deadline_hours) {
  BD_ASSIGN_OR_RETURN(const auto informed, instant_of(answers, "time.processor_informed"));
  BD_ASSIGN_OR_RETURN(const auto discovered, instant_of(answers, "time.discovered"));
  BD_ASSIGN_OR_RETURN(const auto filed, instant_of(answers, "meta.submitted_at"));
  if (!informed && !discovered) return std::optional<DeadlineStatus>{};
  DeadlineStatus s;
  s.awareness_id = informed ? "time.processor_informed" : "time.discovered";
  s.awareness = informed ? *informed : *discovered;
  s.length = std::chrono::hours{deadline_hours};
  s.due = s.awareness + s.length;
  s.filed_at = filed;
  const TimePoint clock_stop = filed ? *filed : now;  // lateness is frozen at filing
  s.time_left = s.due - clock_stop;
  s.overdue = clock_stop > s.due;
  s.filed_late = filed.has_value() && s.overdue;
  s.has_late_reason = has_late_reason(answers);
  s.needs_late_reason = s.overdue && !s.has_late_reason;
  return std::optional<DeadlineStatus>{s};
}

namespace {

// The clock of `answers` as it stands at `submitted_at` (their own meta.submitted_at
// ignored); kInvalidInput on time.discovered while no awareness time is known.
Result<DeadlineStatus> status_when_filed(const Answers& answers, TimePoint submitted_at, int deadline_hours) {
  Answers at_filing = answers;
  at_filing.erase(std::string("meta.submitted_at"));
  BD_ASSIGN_OR_RETURN(const auto status, deadline_status(at_filing, submitted_at, deadline_hours));
  if (!status) {
    return Error::invalid("time.discovered",
                          "Vul eerst in wanneer de inbreuk is ontdekt / Enter when the breach was discovered first");
  }
  return *status;
}

}  // namespace

Result<FiledClock> clock_at_filing(const Answers& answers, TimePoint submitted_at, int deadline_hours) {
  BD_ASSIGN_OR_RETURN(const DeadlineStatus status, status_when_filed(answers, submitted_at, deadline_hours));
  return FiledClock{status.awareness_id, status.awareness, status.due, status.length, submitted_at,
                    status.has_late_reason};
}

DeadlineStatus frozen_status(const FiledClock& clock) {
  DeadlineStatus s;
  s.awareness_id = clock.awareness_id;
  s.awareness = clock.awareness;
  s.due = clock.due;
  s.length = clock.length;
  s.filed_at = clock.submitted_at;
  s.time_left = std::chrono::duration_cast<std::chrono::seconds>(clock.due - clock.submitted_at);
  s.overdue = clock.submitted_at > clock.due;
  s.filed_late = s.overdue;
  s.has_late_reason = clock.had_late_reason;
  s.needs_late_reason = s.overdue && !clock.had_late_reason;
  return s;
}

std::optional<std::string_view> awareness_id_of(std::string_view token) {
  for (std::string_view id : {std::string_view("time.discovered"), std::string_view("time.processor_informed")}) {
    if (token == id) return id;
  }
  return std::nullopt;
}

Result<std::optional<DeadlineStatus>> ap_deadline(const Answers& answers, TimePoint now, const ClockContext& context) {
  if (context.filed) return std::optional<DeadlineStatus>{frozen_status(*context.filed)};
  if (context.as_processor) return std::optional<DeadlineStatus>{};
  return deadline_status(answers, now, context.deadline_hours);
}

Status check_can_file(const Answers& answers, TimePoint submitted_at, int deadline_hours) {
  BD_ASSIGN_OR_RETURN(const DeadlineStatus status, status_when_filed(answers, submitted_at, deadline_hours));
  if (submitted_at < status.awareness) {
    return Error::invalid("meta.submitted_at",
                          "De melding kan niet vóór het ontdekken zijn gedaan / The notification cannot precede discovery");
  }
  if (status.needs_late_reason) {
    const std::string hours = std::to_string(deadline_hours);
    Error e = Error::conflict("Later dan " + hours + " uur gemeld: vul de reden voor de vertraging in (time.late_reason) / "
                              "Notified after " + hours + " hours: give the reason for the delay (time.late_reason)");
    e.field = "time.late_reason";
    return e;
  }
  return {};
}

}  // namespace bd::model
