#include "model/reminder_plan.h"

namespace bd::model {

std::string_view to_token(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kDueIn24Hours: return "due_24h";
    case ReminderKind::kDueIn6Hours: return "due_6h";
    case ReminderKind::kOverdue: return "overdue";
  }
  return "overdue";
}

std::optional<ReminderKind> due_reminder(const DeadlineStatus& status, TimePoint now) {
  using std::chrono::hours;
  if (status.filed_at) return std::nullopt;
  if (now >= status.due) return ReminderKind::kOverdue;
  if (now >= status.due - hours(6)) return ReminderKind::kDueIn6Hours;
  if (now >= status.due - hours(24)) return ReminderKind::kDueIn24Hours;
  return std::nullopt;
}

}  // namespace bd::model
