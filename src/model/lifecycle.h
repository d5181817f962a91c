// The lifecycle of a breach in the register and the officer's decision:
//
//   suspected → assessing → decided_notify ──────→ notified → subjects_informed → closed
//                    ↑    ↘ decided_register_only ─────────────────────────────↗   │
//                    └──────────── reopen (from any decided or later state) ←─────┘
//
// Also allowed: notified → closed (people need not be informed), decided_notify ↔
// decided_register_only only through assessing. Every transition yields a StatusChange
// (who, when, from, to, why) that the service stores; an impossible transition, or one
// without the facts it needs, is refused with kConflict and a message that says what
// is missing, and the breach is left unchanged.
//
// Facts each target needs:
//   decided_notify / decided_register_only: an officer Decision (the engine's proposal
//     snapshot, accepted or overridden); an override needs a written reason, and
//     register-only always needs a reason (Art. 33(5): record why not notified);
//   notified: meta.ap_reference (meldnummer) and meta.submitted_at, and when filed
//     after the deadline also time.late_reason (model/deadline.h);
//   reopening (back to assessing from a decided or later state): a reason.
//
// Thread-safety: pure functions on values. Failure: Result errors as above.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "model/assess/assessment.h"
#include "model/breach.h"

namespace bd::model {

// The privacy officer's decision on the engine's proposal. Both are kept in the record.
struct Decision {
  enum class Outcome { kAccepted, kOverridden };
  assess::Assessment proposal;  // snapshot of what the engine proposed
  Outcome outcome = Outcome::kAccepted;
  bool notify_ap = true;        // what the officer decided
  bool inform_subjects = false;
  std::string reason;           // required for an override
  std::string user_id;
  TimePoint at{};
};

std::string_view to_token(Decision::Outcome outcome);  // "accepted", "overridden"

// Builds a decision; it is an override when it differs from the proposal on either
// question, and an override without a (non-blank) reason is kInvalidInput (field "reason").
Result<Decision> make_decision(const assess::Assessment& proposal, bool notify_ap, bool inform_subjects,
                               std::string reason, std::string user_id, TimePoint at);

struct TransitionRequest {
  BreachStatus to = BreachStatus::kAssessing;
  std::string user_id;
  TimePoint at{};
  std::string reason;               // register-only, reopen
  std::optional<Decision> decision; // decided_notify / decided_register_only
};

struct StatusChange {
  std::string breach_id;
  BreachStatus from = BreachStatus::kSuspected;
  BreachStatus to = BreachStatus::kSuspected;
  std::string user_id;
  TimePoint at{};
  std::string reason;
  std::optional<Decision> decision;
};

// The states reachable in one step from `from`.
std::span<const BreachStatus> allowed_next(BreachStatus from);
bool is_allowed(BreachStatus from, BreachStatus to);

// Checks the request against the breach (its status and answers) and, when allowed,
// sets breach.status and returns the record of the change. `deadline_hours` is the
// configured length of the AP deadline (EngineConfig::deadline_hours).
Result<StatusChange> transition(Breach& breach, TransitionRequest request, int deadline_hours = 72);

}  // namespace bd::model
