#include "model/breach.h"

#include <array>
#include <utility>

namespace bd::model {
namespace {

constexpr std::array<std::pair<BreachStatus, std::string_view>, 7> kStatusTokens{{
    {BreachStatus::kSuspected, "suspected"},
    {BreachStatus::kAssessing, "assessing"},
    {BreachStatus::kDecidedNotify, "decided_notify"},
    {BreachStatus::kDecidedRegisterOnly, "decided_register_only"},
    {BreachStatus::kNotified, "notified"},
    {BreachStatus::kSubjectsInformed, "subjects_informed"},
    {BreachStatus::kClosed, "closed"},
}};

const Value kUnknown{};

}  // namespace

std::string_view to_token(BreachStatus status) {
  for (const auto& [s, token] : kStatusTokens) {
    if (s == status) return token;
  }
  return "suspected";
}

std::optional<BreachStatus> status_from_token(std::string_view token) {
  for (const auto& [s, t] : kStatusTokens) {
    if (t == token) return s;
  }
  return std::nullopt;
}

std::vector<AnswerChange> diff_answers(const Answers& before, const Answers& after) {
  // Merge the two sorted maps; an absent id and an explicit unknown are the same.
  std::vector<AnswerChange> changes;
  auto b = before.begin();
  auto a = after.begin();
  while (b != before.end() || a != after.end()) {
    const bool take_b = a == after.end() || (b != before.end() && b->first < a->first);
    const bool take_a = b == before.end() || (a != after.end() && a->first < b->first);
    const std::string& id = take_b ? b->first : a->first;
    const Value& old_value = take_a ? kUnknown : b->second;
    const Value& new_value = take_b ? kUnknown : a->second;
    if (old_value != new_value) changes.push_back({id, old_value, new_value});
    if (!take_a) ++b;
    if (!take_b) ++a;
  }
  return changes;
}

}  // namespace bd::model
