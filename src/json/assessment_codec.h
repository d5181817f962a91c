// The JSON form of an assessment (model/assess/assessment.h): what `breachdesk assess`
// prints, POST /api/v1/assess answers, and what is stored with a breach. The schema is
// documented in docs/assessment.md; field names are stable, additions are allowed.
//
//   {"engine_version", "config_version", "risk", "notify_ap", "inform_subjects",
//    "public_notice_required",
//    "severity": {"dpc", "dpc_base", "dpc_adjustment": null | reason, "ei",
//                 "cb": {"confidentiality","integrity","availability","malicious","total"},
//                 "score", "band", "form_severity", "flags": {"more_than_100","unintelligible"}},
//    "reasons": {"notify_ap": [reason…], "inform_subjects": [reason…]},
//    "exemptions": [reason…], "unknowns_that_matter": [id…], "deadline_hours"}
//   reason = {"code", "nl", "en"}
//
// Thread-safety: pure functions. Failure: encoding cannot fail.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "model/assess/assessment.h"

namespace bd::json {

boost::json::object assessment_to_object(const model::assess::Assessment& assessment);
std::string assessment_to_json(const model::assess::Assessment& assessment);

}  // namespace bd::json
