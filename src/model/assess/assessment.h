// The assessment engine: from a breach's facts to the ENISA severity and the two legal
// decisions of spec/risk.md — notify the AP (Art. 33) and inform the people (Art. 34) —
// each with the reasons that drove it, the exemptions that apply (Art. 34(3), UAVG 41
// and 42) and the unknown facts that would change the proposal.
//
// The engine proposes; the privacy officer decides (model/lifecycle.h records that).
// It is pure: no I/O, no clock, no global state. Reasons and unknown ids point into
// static tables (string_view), so an Assessment never dangles and assessing costs a
// few small vector allocations at most.
//
// Thread-safety: everything here is a pure function of its arguments; an EngineConfig
// may be shared between threads. Failure: assess(Answers) returns InvalidInput naming
// the id whose value is malformed (see facts.h); the Facts overload cannot fail;
// check_config() returns InvalidInput naming the field out of range.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/assess/facts.h"
#include "model/value.h"

namespace bd::model::assess {

// The risk a breach is likely to result in (EDPB Guidelines 9/2022).
enum class RiskLevel : std::uint8_t { kUnlikely, kRisk, kHighRisk };
std::string_view to_token(RiskLevel level);  // "unlikely", "risk", "high_risk"

// ENISA (2013) severity bands.
enum class Band : std::uint8_t { kLow, kMedium, kHigh, kVeryHigh };
std::string_view to_token(Band band);  // "low", "medium", "high", "very_high"
// The form's consequences.severity token for a band (a design choice, see risk.md).
std::string_view severity_token(Band band);  // negligible, limited, significant, very_high

// Thresholds and deadline length; versioned so that a stored assessment says which
// rules produced it. Changing any value means a new `version`. The version is owned
// (a configuration may come from a file, json/assessment_config_codec.h), and so is
// the copy every Assessment keeps of it.
struct EngineConfig {
  std::string version = "2026.1";
  RiskLevel notify_ap_from = RiskLevel::kRisk;           // Art. 33(1): unless unlikely
  RiskLevel inform_subjects_from = RiskLevel::kHighRisk;  // Art. 34(1)
  int deadline_hours = 72;                                // Art. 33(1)
  double band_medium_from = 2.0;                          // ENISA §3.2
  double band_high_from = 3.0;
  double band_very_high_from = 4.0;
  Band high_risk_from_band = Band::kHigh;                 // ENISA band that alone means high risk
  double quick_restore_hours = 24.0;                      // an outage this short counts as "restored quickly"
  std::int64_t many_people = 100;                         // ENISA flag "more than 100 people"

  bool operator==(const EngineConfig&) const = default;
};

// The range of an ENISA severity score (SE = DPC × EI + CB): 1 × 0.25 + 0 up to
// 4 × 1 + 2. Band thresholds outside it would make a band unreachable or universal.
inline constexpr double kMinSeverityScore = 0.25;
inline constexpr double kMaxSeverityScore = 6.0;
// The bounds check_config() enforces besides the ENISA scale.
inline constexpr int kMaxDeadlineHours = 720;           // 30 days
inline constexpr double kMaxQuickRestoreHours = 720.0;
inline constexpr std::int64_t kMaxManyPeople = 1'000'000'000;
inline constexpr std::size_t kMaxConfigVersionLength = 40;

// The compiled-in default (GDPR as it stands): "2026.1".
const EngineConfig& default_config();
// Every compiled-in configuration, the default first: "2026.1" (GDPR) and
// "omnibus-2025" (the Commission's proposal: notify only high risks, within 96 hours).
std::span<const EngineConfig> compiled_in_configs();
// A compiled-in configuration by version; NotFound for any other name.
Result<EngineConfig> config_by_version(std::string_view version);
// The compiled-in versions joined with ", " (for messages that list the choices).
std::string compiled_in_versions();

// Whether every value is in range: version 1–40 characters of [A-Za-z0-9._-],
// deadline_hours 1–720, band thresholds strictly increasing within the ENISA scale
// (kMinSeverityScore..kMaxSeverityScore), quick_restore_hours 0–720, many_people
// 1–10^9. kInvalidInput naming the offending field (the EngineConfig member name).
Status check_config(const EngineConfig& config);

// The engine's own version (the rules' code), separate from the config version.
inline constexpr std::string_view kEngineVersion = "1.0.0";

// One reason: a stable code and the sentence in Dutch and English naming the facts
// that drove it, e.g. "BSN samen met naam en adres → identiteitsfraude waarschijnlijk
// → hoog risico".
struct Reason {
  std::string_view code;
  std::string_view nl;
  std::string_view en;
};
bool operator==(const Reason& a, const Reason& b);

// An exemption from informing the people that applies to this breach.
struct Exemption {
  std::string_view code;  // the followup.not_informing_ground token: 34_3a_unintelligible, …
  std::string_view nl;
  std::string_view en;
};

struct CircumstancesScore {
  double confidentiality = 0;  // 0 / 0.25 known recipients / 0.5 unknown number
  double integrity = 0;        // 0 / 0.25 recoverable / 0.5 unrecoverable
  double availability = 0;     // 0 / 0.25 temporary / 0.5 permanent
  double malicious = 0;        // 0 / 0.5
  double total() const { return confidentiality + integrity + availability + malicious; }
};

struct Flags {
  bool more_than_100 = false;  // ENISA flag: more than config.many_people people affected
  bool unintelligible = false; // ENISA flag: data unintelligible, key not compromised
};

struct Assessment {
  // ENISA severity: SE = DPC × EI + CB.
  int dpc = 1;
  int dpc_base = 1;
  Reason dpc_adjustment_reason{};  // empty code when dpc == dpc_base
  double ei = 0.25;
  CircumstancesScore cb;
  double score = 0;
  Band band = Band::kLow;
  Flags flags;

  RiskLevel risk = RiskLevel::kRisk;
  bool notify_ap = true;
  std::vector<Reason> notify_reasons;
  bool inform_subjects = false;
  bool public_notice_required = false;  // Art. 34(3)(c): inform by public notice instead
  bool notify_controllers = false;      // Facts::as_processor: inform the controllers (Art. 33(2))
  std::vector<Reason> inform_reasons;
  std::vector<Exemption> exemptions;
  std::vector<std::string_view> unknowns_that_matter;  // form/assess ids, in id order

  int deadline_hours = 72;
  std::string config_version;  // a copy: the Assessment outlives the config it came from
  std::string_view engine_version = kEngineVersion;
};

Assessment assess(const Facts& facts, const EngineConfig& config = default_config());
Result<Assessment> assess(const Answers& answers, const EngineConfig& config = default_config());

}  // namespace bd::model::assess
