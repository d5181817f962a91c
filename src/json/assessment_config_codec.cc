#include "json/assessment_config_codec.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include <boost/json/serialize.hpp>

#include "json/parse_text.h"

namespace bd::json {
namespace {

namespace bj = boost::json;
using model::assess::Band;
using model::assess::EngineConfig;
using model::assess::RiskLevel;

constexpr std::array<RiskLevel, 3> kRiskLevels{RiskLevel::kUnlikely, RiskLevel::kRisk, RiskLevel::kHighRisk};
constexpr std::array<Band, 4> kBands{Band::kLow, Band::kMedium, Band::kHigh, Band::kVeryHigh};

Result<std::string> string_of(std::string_view field, const bj::value& json) {
  const bj::string* s = json.if_string();
  if (s == nullptr) return detail::invalid(field, "expected a string");
  return std::string(s->data(), s->size());
}

template <typename Enum, std::size_t N>
Result<Enum> token_of(std::string_view field, const bj::value& json, const std::array<Enum, N>& values,
                      std::string_view choices) {
  BD_ASSIGN_OR_RETURN(const std::string token, string_of(field, json));
  for (Enum value : values) {
    if (model::assess::to_token(value) == token) return value;
  }
  return detail::invalid(field, "expected one of " + std::string(choices));
}

Result<std::int64_t> whole_number(std::string_view field, const bj::value& json) {
  if (const auto* i = json.if_int64()) return *i;
  if (json.is_uint64()) return detail::invalid(field, "number too large");
  return detail::invalid(field, "expected a whole number");
}

Result<double> number(std::string_view field, const bj::value& json) {
  std::optional<double> value;
  if (const auto* i = json.if_int64()) value = static_cast<double>(*i);
  if (const auto* u = json.if_uint64()) value = static_cast<double>(*u);
  if (const auto* d = json.if_double()) value = detail::canonical_number(*d);
  if (!json.is_number()) return detail::invalid(field, "expected a number");
  if (!value) return detail::invalid(field, "number out of range");
  return *value;
}

// One member of the document: its name and how it is read into the config.
struct Member {
  std::string_view name;
  Status (*read)(const bj::value& json, EngineConfig& out);
};

const std::array<Member, 10> kMembers{{
    {"version",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.version, string_of("version", j));
       return {};
     }},
    {"notify_ap_from",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.notify_ap_from, token_of("notify_ap_from", j, kRiskLevels, "unlikely, risk, high_risk"));
       return {};
     }},
    {"inform_subjects_from",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.inform_subjects_from,
                           token_of("inform_subjects_from", j, kRiskLevels, "unlikely, risk, high_risk"));
       return {};
     }},
    {"deadline_hours",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(const std::int64_t hours, whole_number("deadline_hours", j));
       // Range-checked by check_config; clamped here only so the narrowing keeps it out of range.
       c.deadline_hours = static_cast<int>(std::clamp<std::int64_t>(hours, 0, model::assess::kMaxDeadlineHours + 1));
       return {};
     }},
    {"band_medium_from",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.band_medium_from, number("band_medium_from", j));
       return {};
     }},
    {"band_high_from",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.band_high_from, number("band_high_from", j));
       return {};
     }},
    {"band_very_high_from",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.band_very_high_from, number("band_very_high_from", j));
       return {};
     }},
    {"high_risk_from_band",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.high_risk_from_band,
                           token_of("high_risk_from_band", j, kBands, "low, medium, high, very_high"));
       return {};
     }},
    {"quick_restore_hours",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.quick_restore_hours, number("quick_restore_hours", j));
       return {};
     }},
    {"many_people",
     [](const bj::value& j, EngineConfig& c) -> Status {
       BD_ASSIGN_OR_RETURN(c.many_people, whole_number("many_people", j));
       return {};
     }},
}};

Status refuse_unknown_keys(const bj::object& object) {
  for (const auto& entry : object) {
    const std::string_view key(entry.key().data(), entry.key().size());
    bool known = false;
    for (const Member& m : kMembers) known = known || m.name == key;
    if (!known) return detail::invalid(key, "unknown key");
  }
  return {};
}

bj::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace

Result<EngineConfig> assessment_config_from_json(std::string_view text) {
  if (text.size() > kMaxConfigBytes) {
    return detail::invalid({}, "configuration document too large (at most " +
                                   std::to_string(kMaxConfigBytes / 1024) + " KiB)");
  }
  BD_ASSIGN_OR_RETURN(const bj::value document, detail::parse_text(text));
  const bj::object* object = document.if_object();
  if (object == nullptr) return detail::invalid({}, "an assessment configuration is a JSON object");
  BD_TRY(refuse_unknown_keys(*object));
  EngineConfig config;
  for (const Member& m : kMembers) {
    const bj::value* value = object->if_contains(sv(m.name));
    if (value == nullptr) return detail::invalid(m.name, "required");
    BD_TRY(m.read(*value, config));
  }
  BD_TRY(model::assess::check_config(config));
  return config;
}

std::string assessment_config_to_json(const EngineConfig& c) {
  bj::object o;
  o["version"] = sv(c.version);
  o["notify_ap_from"] = sv(to_token(c.notify_ap_from));
  o["inform_subjects_from"] = sv(to_token(c.inform_subjects_from));
  o["deadline_hours"] = c.deadline_hours;
  o["band_medium_from"] = c.band_medium_from;
  o["band_high_from"] = c.band_high_from;
  o["band_very_high_from"] = c.band_very_high_from;
  o["high_risk_from_band"] = sv(to_token(c.high_risk_from_band));
  o["quick_restore_hours"] = c.quick_restore_hours;
  o["many_people"] = c.many_people;
  return bj::serialize(o);
}

}  // namespace bd::json
