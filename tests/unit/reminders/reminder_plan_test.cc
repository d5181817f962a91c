#include "model/reminder_plan.h"

#include <gtest/gtest.h>

namespace bd::model {
namespace {

using namespace std::chrono;

DeadlineStatus due_at(TimePoint due) {
  DeadlineStatus s;
  s.awareness = due - hours(72);
  s.due = due;
  return s;
}

TEST(ReminderPlan, ProposesTheMostUrgentReminderWhoseMomentHasCome) {
  const TimePoint due = TimePoint(sys_days(year(2026) / 10 / 26) + hours(10));
  const auto s = due_at(due);
  EXPECT_EQ(due_reminder(s, due - hours(30)), std::nullopt);
  EXPECT_EQ(due_reminder(s, due - hours(24)), ReminderKind::kDueIn24Hours);
  EXPECT_EQ(due_reminder(s, due - hours(7)), ReminderKind::kDueIn24Hours);
  EXPECT_EQ(due_reminder(s, due - hours(6)), ReminderKind::kDueIn6Hours);
  EXPECT_EQ(due_reminder(s, due - seconds(1)), ReminderKind::kDueIn6Hours);
  EXPECT_EQ(due_reminder(s, due), ReminderKind::kOverdue);
  EXPECT_EQ(due_reminder(s, due + hours(100)), ReminderKind::kOverdue);
}

TEST(ReminderPlan, NothingOnceFiled) {
  const TimePoint due = TimePoint(sys_days(year(2026) / 3 / 30) + hours(1));
  auto s = due_at(due);
  s.filed_at = due - hours(1);
  EXPECT_EQ(due_reminder(s, due + hours(1)), std::nullopt);
}

TEST(ReminderPlan, TokensAreStable) {
  EXPECT_EQ(to_token(ReminderKind::kDueIn24Hours), "due_24h");
  EXPECT_EQ(to_token(ReminderKind::kDueIn6Hours), "due_6h");
  EXPECT_EQ(to_token(ReminderKind::kOverdue), "overdue");
}

}  // namespace
}  // namespace bd::model
