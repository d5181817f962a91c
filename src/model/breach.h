// Breach: one entry of the breach register (GDPR Art. 33(5)) — the answers to the AP
// form plus the register's own bookkeeping. Plain data; no I/O.
//
// `version` starts at 1 and grows by one with every saved change; an update names
// the version it was based on, and a stale one is refused (optimistic concurrency).
// Every change is kept as a Revision (who, when, which ids, old and new values).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "model/value.h"

namespace bd::model {

// The lifecycle of a breach (see model/lifecycle.h for the allowed transitions).
enum class BreachStatus {
  kSuspected,            // reported, not yet looked at
  kAssessing,            // the privacy officer is assessing it
  kDecidedNotify,        // decided: notify the AP
  kDecidedRegisterOnly,  // decided: not notifiable, recorded in the register with the reason
  kNotified,             // filed with the AP (meldnummer recorded)
  kSubjectsInformed,     // the people affected have been informed
  kClosed,
};

// Stable lower_snake token used in JSON, the database and URLs ("decided_notify").
std::string_view to_token(BreachStatus status);
std::optional<BreachStatus> status_from_token(std::string_view token);

struct Breach {
  std::string id;               // opaque, application-generated, unique across organisations
  std::string organisation_id;  // the tenant that owns it
  std::string reference;        // human reference within the organisation, e.g. "2026-0007"
  std::int64_t version = 0;     // 1 after creation
  BreachStatus status = BreachStatus::kSuspected;
  std::string title;            // short name in the register ("Onbeveiligde webserver")
  Answers answers;              // keyed by the form and assess ids of model/form_schema.h
  std::string reported_by;      // user id of the reporter
  TimePoint created_at{};
  TimePoint updated_at{};
};

struct AnswerChange {
  std::string id;  // form id, or a register field such as "meta.title" / "meta.status"
  Value old_value;
  Value new_value;
};

struct Revision {
  std::string breach_id;
  std::int64_t version = 0;  // the version this revision produced
  std::string user_id;
  std::string user_email;    // denormalised for display; the user may be deleted later
  TimePoint at{};
  std::vector<AnswerChange> changes;
  std::string note;          // optional reason given with the change
};

// The ids whose values differ between `before` and `after` (absent == unknown), in id order.
std::vector<AnswerChange> diff_answers(const Answers& before, const Answers& after);

}  // namespace bd::model
