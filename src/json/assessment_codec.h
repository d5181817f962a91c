// The JSON form of an assessment (model/assess/assessment.h): what `breachdesk assess`
// prints, POST /api/v1/assess answers, and what is stored with a breach. The schema is
// documented in docs/assessment.md; field names are stable, additions are allowed.
//
//   {"engine_version", "config_version", "risk", "notify_ap", "inform_subjects",
//    "public_notice_required", "notify_controllers",
//    "severity": {"dpc", "dpc_base", "dpc_adjustment": null | reason, "ei",
//                 "cb": {"confidentiality","integrity","availability","malicious","total"},
//                 "score", "band", "form_severity", "flags": {"more_than_100","unintelligible"}},
//    "reasons": {"notify_ap": [reason…], "inform_subjects": [reason…]},
//    "exemptions": [reason…], "unknowns_that_matter": [id…], "deadline_hours"}
//   reason = {"code", "nl", "en"}
//
// assess_document is the stateless assessment of `breachdesk assess` and
// POST /api/v1/assess: a breach in the JSON contract of ap-form.md (or a bare answers
// object) in, the assessment above plus "deadline" out:
//   "deadline": null | {"awareness_id", "awareness", "due", "due_local", "hours"}
// (instants in ISO 8601 with the Europe/Amsterdam offset; due_local for people).
//
// Thread-safety: pure functions. Failure: encoding cannot fail; assess_document returns
// kInvalidInput naming the offending id (from the answers codec or the engine).
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "base/result.h"
#include "model/assess/assessment.h"
#include "model/lifecycle.h"

namespace bd::json {

boost::json::object assessment_to_object(const model::assess::Assessment& assessment);
std::string assessment_to_json(const model::assess::Assessment& assessment);

// An officer's decision (model/lifecycle.h) with the proposal it was made on:
//   {"outcome": "accepted"|"overridden", "notify_ap", "inform_subjects", "reason",
//    "user_id", "at" (ISO 8601 UTC), "proposal": {assessment as above}}
boost::json::object decision_to_object(const model::Decision& decision);

Result<boost::json::object> assess_document(std::string_view breach_json,
                                            const model::assess::EngineConfig& config = model::assess::default_config());

}  // namespace bd::json
