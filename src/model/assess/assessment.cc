#include "model/assess/assessment.h"

#include <array>
#include <cmath>
#include <string>
#include <utility>

#include "model/assess/rules.h"

namespace bd::model::assess {

std::string_view to_token(RiskLevel level) {
  switch (level) {
    case RiskLevel::kUnlikely: return "unlikely";
    case RiskLevel::kRisk: return "risk";
    case RiskLevel::kHighRisk: return "high_risk";
  }
  return "risk";
}

std::string_view to_token(Band band) {
  switch (band) {
    case Band::kLow: return "low";
    case Band::kMedium: return "medium";
    case Band::kHigh: return "high";
    case Band::kVeryHigh: return "very_high";
  }
  return "low";
}

std::string_view severity_token(Band band) {
  switch (band) {
    case Band::kLow: return "negligible";
    case Band::kMedium: return "limited";
    case Band::kHigh: return "significant";
    case Band::kVeryHigh: return "very_high";
  }
  return "negligible";
}

bool operator==(const Reason& a, const Reason& b) { return a.code == b.code; }

namespace {

EngineConfig omnibus_2025() {
  EngineConfig c;
  c.version = "omnibus-2025";
  c.notify_ap_from = RiskLevel::kHighRisk;
  c.deadline_hours = 96;
  return c;
}

const std::array<EngineConfig, 2>& compiled_in() {
  static const std::array<EngineConfig, 2> configs{EngineConfig{}, omnibus_2025()};
  return configs;
}

bool version_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

Status check_version(std::string_view version) {
  if (version.empty() || version.size() > kMaxConfigVersionLength) {
    return Error::invalid("version", "version: 1 to 40 characters");
  }
  for (char c : version) {
    if (!version_char(c)) return Error::invalid("version", "version: only letters, digits, '.', '_' and '-'");
  }
  return {};
}

bool on_scale(double score) { return score >= kMinSeverityScore && score <= kMaxSeverityScore; }

// Each threshold on the ENISA scale and above the one before it, so every band is reachable.
Status check_bands(const EngineConfig& c) {
  const std::array<std::pair<std::string_view, double>, 3> thresholds{
      {{"band_medium_from", c.band_medium_from},
       {"band_high_from", c.band_high_from},
       {"band_very_high_from", c.band_very_high_from}}};
  double previous = 0;
  for (const auto& [field, value] : thresholds) {
    const std::string name(field);
    if (!on_scale(value)) return Error::invalid(name, name + ": must lie on the ENISA scale, 0.25 to 6");
    if (value <= previous) return Error::invalid(name, name + ": must be greater than the threshold before it");
    previous = value;
  }
  return {};
}

}  // namespace

const EngineConfig& default_config() { return compiled_in().front(); }

std::span<const EngineConfig> compiled_in_configs() { return compiled_in(); }

Result<EngineConfig> config_by_version(std::string_view version) {
  for (const EngineConfig& c : compiled_in()) {
    if (c.version == version) return c;
  }
  return Error::not_found("unknown assessment configuration version");
}

std::string compiled_in_versions() {
  std::string out;
  for (const EngineConfig& c : compiled_in()) out += (out.empty() ? "" : ", ") + c.version;
  return out;
}

Status check_config(const EngineConfig& c) {
  BD_TRY(check_version(c.version));
  if (c.deadline_hours < 1 || c.deadline_hours > kMaxDeadlineHours) {
    return Error::invalid("deadline_hours", "deadline_hours: a whole number of hours from 1 to 720");
  }
  BD_TRY(check_bands(c));
  if (!(c.quick_restore_hours >= 0 && c.quick_restore_hours <= kMaxQuickRestoreHours)) {
    return Error::invalid("quick_restore_hours", "quick_restore_hours: from 0 to 720 hours");
  }
  if (c.many_people < 1 || c.many_people > kMaxManyPeople) {
    return Error::invalid("many_people", "many_people: a whole number from 1 to 1000000000");
  }
  return {};
}

namespace {

struct Outcome {
  bool notify_ap;
  bool inform_subjects;
  bool operator==(const Outcome&) const = default;
};

Outcome outcome(const Facts& f, const EngineConfig& config) {
  Assessment a;
  const auto view = detail::make_view(f, config);
  detail::score_severity(f, view, config, a);
  detail::decide(f, view, config, false, a);
  return {a.notify_ap, a.inform_subjects};
}

// One unknown fact and the values it could turn out to have.
struct Probe {
  std::string_view id;
  bool (*unknown)(const Facts&);
  std::array<void (*)(Facts&), 4> alternatives;
};

template <Tri Facts::*member>
constexpr Probe tri_probe(std::string_view id) {
  return {id, [](const Facts& f) { return f.*member == Tri::kUnknown; },
          {[](Facts& f) { f.*member = Tri::kYes; }, [](Facts& f) { f.*member = Tri::kNo; }, nullptr, nullptr}};
}

// In id order, so the output is sorted.
const std::array<Probe, 14> kProbes{{
    tri_probe<&Facts::backup>("assess.backup"),
    {"assess.controller_context", [](const Facts& f) { return f.controller_context == ControllerContext::kUnknown; },
     {[](Facts& f) { f.controller_context = ControllerContext::kNone; },
      [](Facts& f) { f.controller_context = ControllerContext::kCareProvider; },
      [](Facts& f) { f.controller_context = ControllerContext::kSecurityService; }, nullptr}},
    tri_probe<&Facts::data_recovered>("assess.data_recovered"),
    tri_probe<&Facts::exfiltrated>("assess.exfiltrated"),
    tri_probe<&Facts::financial_undertaking>("assess.financial_undertaking"),
    {"assess.key_compromised",
     [](const Facts& f) { return f.key_compromised == Tri::kUnknown && f.protection.any() &&
                                 !f.protection.has(Protection::kNone); },
     {[](Facts& f) { f.key_compromised = Tri::kYes; }, [](Facts& f) { f.key_compromised = Tri::kNo; }, nullptr,
      nullptr}},
    tri_probe<&Facts::malicious>("assess.malicious"),
    {"assess.recipients", [](const Facts& f) { return f.recipients == Recipients::kUnknown; },
     {[](Facts& f) { f.recipients = Recipients::kNone; }, [](Facts& f) { f.recipients = Recipients::kKnownTrusted; },
      [](Facts& f) { f.recipients = Recipients::kKnownUntrusted; },
      [](Facts& f) { f.recipients = Recipients::kUnknownNumber; }}},
    {"assess.restore_hours", [](const Facts& f) { return std::isnan(f.restore_hours); },
     {[](Facts& f) { f.restore_hours = 0; }, [](Facts& f) { f.restore_hours = 24.0 * 365; }, nullptr, nullptr}},
    tri_probe<&Facts::vulnerable>("assess.vulnerable"),
    {"breach.nature", [](const Facts& f) { return !f.nature.known; },
     {[](Facts& f) { f.nature = bits_of(Nature::kConfidentiality); },
      [](Facts& f) { f.nature = bits_of(Nature::kAvailabilityTemporary); }, nullptr, nullptr}},
    {"data.general", [](const Facts& f) { return !f.general.known || f.general.has(General::kUnknown); },
     {[](Facts& f) { f.general.add(General::kName); f.general.add(General::kBsn); },
      [](Facts& f) { f.general.add(General::kName); }, nullptr, nullptr}},
    {"data.special", [](const Facts& f) { return !f.special.known; },
     {[](Facts& f) { f.special = bits_of(Special::kHealth); }, nullptr, nullptr, nullptr}},
    {"subjects.groups", [](const Facts& f) { return !f.groups.known; },
     {[](Facts& f) { f.groups = bits_of(Group::kMinors); }, nullptr, nullptr, nullptr}},
}};

// The unknown facts whose every possible value does not lead to the same decisions.
void find_unknowns_that_matter(const Facts& facts, const EngineConfig& config, Assessment& out) {
  const Outcome now{out.notify_ap, out.inform_subjects};
  for (const auto& probe : kProbes) {
    if (!probe.unknown(facts)) continue;
    for (auto alternative : probe.alternatives) {
      if (alternative == nullptr) break;
      Facts changed = facts;
      alternative(changed);
      if (!(outcome(changed, config) == now)) {
        out.unknowns_that_matter.push_back(probe.id);
        break;
      }
    }
  }
}

}  // namespace

Assessment assess(const Facts& facts, const EngineConfig& config) {
  Assessment out;
  out.notify_reasons.reserve(8);  // one allocation each instead of several regrowths
  out.inform_reasons.reserve(8);
  const auto view = detail::make_view(facts, config);
  detail::score_severity(facts, view, config, out);
  detail::decide(facts, view, config, true, out);
  find_unknowns_that_matter(facts, config, out);
  out.config_version = config.version;
  return out;
}

Result<Assessment> assess(const Answers& answers, const EngineConfig& config) {
  BD_ASSIGN_OR_RETURN(const Facts facts, facts_from_answers(answers));
  return assess(facts, config);
}

}  // namespace bd::model::assess
