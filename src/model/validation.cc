// validate_answers() and the completeness check (model/validation.h). The checks of
// one value by itself are in value_checks.cc.
#include "model/validation.h"

#include <algorithm>
#include <cctype>

#include "model/datetime.h"

namespace bd::model {
namespace {

using std::chrono::days;
using std::chrono::minutes;

// Clocks of the people typing drift; a moment a few minutes ahead is not "the future".
constexpr minutes kClockSkew{5};

const std::string* text_answer(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  return it == answers.end() ? nullptr : std::get_if<std::string>(&it->second);
}

const std::int64_t* int_answer(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  return it == answers.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
}

// The instant of a date/datetime answer; a bare date counts as its first second, or
// as its last second when `end_of_day` (so "end 2021-04-16" is not before a start time
// later that day).
std::optional<TimePoint> moment(const Answers& answers, std::string_view id, bool end_of_day = false) {
  const std::string* s = text_answer(answers, id);
  if (s == nullptr) return std::nullopt;
  auto parsed = parse_date_or_datetime(*s);
  if (!parsed.ok()) return std::nullopt;
  if (!parsed->has_time && end_of_day) return parsed->instant + days{1} - std::chrono::seconds{1};
  return parsed->instant;
}

void check_counts(const Answers& answers, std::vector<Problem>& out) {
  const auto* lo = int_answer(answers, "subjects.count_min");
  const auto* hi = int_answer(answers, "subjects.count_max");
  if (lo && hi && *lo > *hi) {
    out.push_back({"subjects.count_max", "Het maximale aantal is kleiner dan het minimale aantal.",
                   "The maximum number is smaller than the minimum number."});
  }
}

void check_times(const Answers& answers, TimePoint now, std::vector<Problem>& out) {
  const auto start = moment(answers, "time.start");
  const auto end = moment(answers, "time.end", true);
  if (start && end && *end < *start) {
    out.push_back({"time.end", "De einddatum ligt vóór de startdatum.", "The end date is before the start date."});
  }
  for (std::string_view id : {"time.discovered", "time.processor_informed", "meta.submitted_at"}) {
    const auto when = moment(answers, id);
    if (when && *when > now + kClockSkew) {
      out.push_back({std::string(id), "Dit moment ligt in de toekomst.", "This moment lies in the future."});
    }
  }
}

Problem inapplicable(const Question& q) {
  const Question* parent = find_question(q.condition.id);
  if (parent != nullptr && q.id.size() > parent->id.size() && q.id.ends_with("_other")) {
    return {std::string(q.id), "Vul dit alleen in als u 'Anders' kiest.",
            "Fill this in only when you choose 'Other'."};
  }
  const std::string nl_parent = parent ? std::string(parent->label_nl) : std::string(q.condition.id);
  const std::string en_parent = parent ? std::string(parent->label_en) : std::string(q.condition.id);
  return {std::string(q.id), "Deze vraag is niet van toepassing bij uw antwoord op '" + nl_parent + "'.",
          "This question does not apply given your answer to '" + en_parent + "'."};
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

bool answered(const Question& q, const Answers& answers) {
  auto it = answers.find(q.id);
  if (it == answers.end() || is_unknown(it->second)) return false;
  if (const auto* s = std::get_if<std::string>(&it->second)) return !blank(*s);
  if (const auto* list = std::get_if<std::vector<std::string>>(&it->second)) {
    if (q.id == "data.special") return true;  // nothing ticked means: no special categories
    return std::any_of(list->begin(), list->end(), [](const std::string& s) { return !blank(s); });
  }
  return true;
}

bool late(const Answers& answers, TimePoint now, std::chrono::hours deadline) {
  const auto discovered = moment(answers, "time.discovered");
  if (!discovered) return false;
  const TimePoint submitted = moment(answers, "meta.submitted_at").value_or(now);
  return submitted > *discovered + deadline;
}

}  // namespace

std::vector<Problem> validate_answers(const Answers& answers, TimePoint now) {
  std::vector<Problem> out;
  std::vector<Problem> unknown_ids;
  for (const auto& [id, value] : answers) {
    if (find_question(id) == nullptr) {
      unknown_ids.push_back({id, "Onbekende vraag.", "Unknown question id."});
    }
  }
  for (const Question& q : questions()) {
    auto it = answers.find(q.id);
    if (it == answers.end() || is_unknown(it->second)) continue;
    if (auto p = check_value(q, it->second)) {
      out.push_back(std::move(*p));
    } else if (!applies(q, answers)) {
      out.push_back(inapplicable(q));
    }
  }
  check_counts(answers, out);
  check_times(answers, now, out);
  // Keep form order for the cross-field problems too.
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    return find_question(a.field)->order < find_question(b.field)->order;
  });
  out.insert(out.end(), unknown_ids.begin(), unknown_ids.end());
  return out;
}

Error to_error(const Problem& problem) {
  return Error::invalid(problem.field, problem.field + ": " + problem.message_en);
}

Status first_problem(const std::vector<Problem>& problems) {
  if (problems.empty()) return {};
  return to_error(problems.front());
}

Answers without_inapplicable(const Answers& answers) {
  Answers out;
  for (const auto& [id, value] : answers) {
    const Question* q = find_question(id);
    if (q == nullptr || applies(*q, answers)) out.emplace(id, value);
  }
  return out;
}

std::vector<MissingAnswer> missing_for_notification(const Answers& answers, TimePoint now,
                                                    std::chrono::hours deadline) {
  std::vector<MissingAnswer> out;
  const bool is_late = late(answers, now, deadline);
  for (const Question& q : questions()) {
    const bool needed = q.required() || (q.id == "time.late_reason" && is_late);
    if (!needed || !applies(q, answers) || answered(q, answers)) continue;
    out.push_back({q.id, q.required() ? q.required_by : std::string_view("Art. 33(1)")});
  }
  return out;
}

}  // namespace bd::model
