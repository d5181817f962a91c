#include "service/scan_suggestions.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace bd::service {
namespace {

model::Value current_value(const model::Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  return it == answers.end() ? model::Value{} : it->second;
}

model::Value count_value(std::uint64_t n) {
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  return static_cast<std::int64_t>(std::min(n, kMax));
}

// The current tokens of a multi answer with `found` added, "unknown" dropped.
std::vector<std::string> merged_tokens(const model::Value& current, const std::vector<std::string>& found) {
  std::vector<std::string> out;
  if (const auto* now = std::get_if<std::vector<std::string>>(&current)) out = *now;
  std::erase(out, std::string("unknown"));
  for (const auto& token : found) {
    if (std::find(out.begin(), out.end(), token) == out.end()) out.push_back(token);
  }
  return out;
}

ScanSuggestion make(std::string id, const model::Answers& current, model::Answers proposed) {
  ScanSuggestion s;
  s.id = std::move(id);
  for (const auto& [key, value] : proposed) s.current[key] = current_value(current, key);
  s.changes = s.current != proposed;
  s.proposed = std::move(proposed);
  return s;
}

ScanSuggestion subjects(const scan::FormSuggestion& form, const model::Answers& current) {
  model::Answers p;
  p["subjects.count_known"] = form.subjects_count_known;
  if (form.subjects_count_known) {
    p["subjects.count"] = count_value(form.subjects_count);
    p["subjects.count_min"] = model::Value{};
    p["subjects.count_max"] = model::Value{};
  } else {
    p["subjects.count"] = model::Value{};
    p["subjects.count_min"] = count_value(form.subjects_count_min);
    p["subjects.count_max"] = count_value(form.subjects_count_max);
  }
  return make("subjects.count", current, std::move(p));
}

}  // namespace

std::vector<ScanSuggestion> scan_suggestions(const scan::FormSuggestion& form, const model::Answers& current) {
  std::vector<ScanSuggestion> out;
  if (!form.data_general.empty()) {
    out.push_back(make("data.general", current,
                       {{"data.general", merged_tokens(current_value(current, "data.general"), form.data_general)}}));
  }
  if (!form.data_special.empty()) {
    out.push_back(make("data.special", current,
                       {{"data.special", merged_tokens(current_value(current, "data.special"), form.data_special)}}));
  }
  if (form.data_records > 0) {
    out.push_back(make("data.records", current, {{"data.records", count_value(form.data_records)}}));
  }
  const std::uint64_t people = form.subjects_count_known ? form.subjects_count : form.subjects_count_max;
  if (people > 0) out.push_back(subjects(form, current));
  if (!form.protection_measures.empty()) {
    out.push_back(make("protection.measures", current, {{"protection.measures", form.protection_measures}}));
  }
  return out;
}

model::Answers chosen_changes(const std::vector<ScanSuggestion>& suggestions, const std::vector<std::string>& ids) {
  model::Answers changes;
  for (const auto& s : suggestions) {
    if (std::find(ids.begin(), ids.end(), s.id) == ids.end()) continue;
    for (const auto& [key, value] : s.proposed) changes[key] = value;
  }
  return changes;
}

}  // namespace bd::service
