// Which deadline reminder is due for a breach: 24 hours before the AP deadline, 6 hours
// before it, and once it has passed — each sent at most once (the caller records what
// it sent). Only the most urgent reminder whose moment has come is proposed, so a breach
// entered with 5 hours left gets the 6-hour reminder and never a stale 24-hour one.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "base/clock.h"
#include "model/deadline.h"

namespace bd::model {

enum class ReminderKind {
  kDueIn24Hours,
  kDueIn6Hours,
  kOverdue,
};

// "due_24h", "due_6h", "overdue": used in dedupe keys and message catalogs.
std::string_view to_token(ReminderKind kind);

// nullopt when the notification was filed or no reminder moment has come yet.
std::optional<ReminderKind> due_reminder(const DeadlineStatus& status, TimePoint now);

}  // namespace bd::model
