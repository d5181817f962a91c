// Internal to model/assess: the derived view of the facts the rules share, the ENISA
// severity, and the decision step. Pure functions; thread-safe.
#pragma once

#include "model/assess/assessment.h"

namespace bd::model::assess::detail {

// Facts combined into the questions the rules ask (computed once per evaluation).
struct View {
  bool confidentiality = false;  // breach.nature has it, or data were exfiltrated
  bool integrity = false;
  bool availability_permanent = false;
  bool availability_temporary = false;
  bool hacking = false;
  bool malicious = false;        // assess.malicious, or a hacking incident when unknown
  bool vulnerable = false;       // assess.vulnerable or a vulnerable group in subjects.groups
  bool care_context = false;     // care provider / pharmacy, or patients affected
  bool protected_data = false;   // encrypted / hashed / unintelligible before the breach
  bool unintelligible = false;   // protected and the key is known not to be compromised
  bool restored_quickly = false; // backup and restore_hours within the configured limit
  Recipients recipients = Recipients::kUnknown;  // with the attacker / publication inferred
};

View make_view(const Facts& f, const EngineConfig& config);

// Fills dpc, dpc_base, dpc_adjustment_reason, ei, cb, score, band and flags.
void score_severity(const Facts& f, const View& v, const EngineConfig& config, Assessment& out);

// The decisions; reasons and exemptions are appended to `out` only when `explain`.
void decide(const Facts& f, const View& v, const EngineConfig& config, bool explain, Assessment& out);

}  // namespace bd::model::assess::detail
