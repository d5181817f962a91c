// The JSON document of an assessment engine configuration (model::assess::EngineConfig):
// what the files under config/assessment/ hold and what `breachdesk serve
// --assessment-config FILE` and `breachdesk assess --config FILE` read. Documented in
// docs/assessment.md ("Configuration").
//
//   {"version": "2026.1", "notify_ap_from": "risk", "inform_subjects_from": "high_risk",
//    "deadline_hours": 72, "band_medium_from": 2, "band_high_from": 3,
//    "band_very_high_from": 4, "high_risk_from_band": "high",
//    "quick_restore_hours": 24, "many_people": 100}
//
// Parsing is strict: one object with exactly these members, every one required (a
// version names the complete set of values, so nothing is silently taken from a
// default), no other key, no key twice; risk levels and bands as their tokens
// ("unlikely"|"risk"|"high_risk", "low"|"medium"|"high"|"very_high"); deadline_hours
// and many_people whole numbers; then model::assess::check_config's ranges. Documents
// up to kMaxConfigBytes.
//
// Serialising writes the members in the order above; parse(serialise(c)) == c for
// every c that parse produced.
//
// Thread-safety: pure functions. Failure: parsing returns Error kInvalidInput whose
// `field` names the offending member (empty for a document that is not an object)
// and whose message names it too; nothing here throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"
#include "model/assess/assessment.h"

namespace bd::json {

inline constexpr std::size_t kMaxConfigBytes = 64 * 1024;

Result<model::assess::EngineConfig> assessment_config_from_json(std::string_view text);
std::string assessment_config_to_json(const model::assess::EngineConfig& config);

}  // namespace bd::json
