// The 72-hour clock: absolute deadlines across daylight-saving changes, overdue,
// lateness frozen at filing, and the late-reason rule.
#include <gtest/gtest.h>

#include <date/date.h>

#include "base/time_zone.h"
#include "model/deadline.h"

namespace bd::model {
namespace {

using namespace std::chrono;

TimePoint utc(int y, unsigned mo, unsigned d, int h, int mi = 0) {
  return TimePoint{duration_cast<seconds>(date::sys_days{date::year{y} / date::month{mo} / date::day{d}}.time_since_epoch()) +
                   hours{h} + minutes{mi}};
}

DeadlineStatus status_of(const Answers& a, TimePoint now, int hours_ = 72) {
  auto r = deadline_status(a, now, hours_);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.ok() && r->has_value());
  return r.ok() && r->has_value() ? **r : DeadlineStatus{};
}

TEST(AssessDeadline, AcrossTheMarchNightItIs72RealHours) {
  const Answers a{{"time.discovered", std::string("2026-03-27T10:00:00+01:00")}};
  const auto s = status_of(a, utc(2026, 3, 27, 9));
  EXPECT_EQ(s.due, utc(2026, 3, 30, 9));
  EXPECT_EQ(format_iso_in_zone(s.due), "2026-03-30T11:00:00+02:00");  // 73 hours on the wall clock
  EXPECT_EQ(s.time_left, hours{72});
  EXPECT_FALSE(s.overdue);
}

TEST(AssessDeadline, AcrossTheOctoberNightItIs72RealHours) {
  const Answers a{{"time.discovered", std::string("2026-10-23T10:00:00+02:00")}};
  const auto s = status_of(a, utc(2026, 10, 25, 1, 30));
  EXPECT_EQ(s.due, utc(2026, 10, 26, 8));
  EXPECT_EQ(format_iso_in_zone(s.due), "2026-10-26T09:00:00+01:00");  // 71 hours on the wall clock
  EXPECT_EQ(s.time_left, hours{30} + minutes{30});
}

TEST(AssessDeadline, NoAwarenessTimeMeansNoClock) {
  auto r = deadline_status(Answers{}, utc(2026, 1, 1, 0));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
  auto bad = deadline_status(Answers{{"time.discovered", std::string("gisteren")}}, utc(2026, 1, 1, 0));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "time.discovered");
}

TEST(AssessDeadline, ProcessorInformedStartsTheControllersClock) {
  const Answers a{{"time.discovered", std::string("2021-04-19T09:00:00+02:00")},
                  {"time.processor_informed", std::string("2021-04-20T14:00:00+02:00")}};
  const auto s = status_of(a, utc(2021, 4, 21, 0));
  EXPECT_EQ(s.awareness_id, "time.processor_informed");
  EXPECT_EQ(s.due, utc(2021, 4, 23, 12));
}

TEST(AssessDeadline, OverdueNeedsALateReason) {
  Answers a{{"time.discovered", std::string("2026-03-27T10:00:00+01:00")}};
  auto s = status_of(a, utc(2026, 3, 30, 10));
  EXPECT_TRUE(s.overdue);
  EXPECT_TRUE(s.needs_late_reason);
  EXPECT_EQ(s.time_left, -hours{1});
  auto refused = check_can_file(a, utc(2026, 3, 30, 10));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(refused.error().field, "time.late_reason");
  a["time.late_reason"] = std::string("   ");
  EXPECT_FALSE(check_can_file(a, utc(2026, 3, 30, 10)).ok());
  a["time.late_reason"] = std::string("Omvang pas na forensisch onderzoek bekend.");
  EXPECT_TRUE(check_can_file(a, utc(2026, 3, 30, 10)).ok());
  EXPECT_TRUE(check_can_file(Answers{{"time.discovered", std::string("2026-03-27T10:00:00+01:00")}},
                             utc(2026, 3, 30, 8, 59)).ok());
}

TEST(AssessDeadline, FilingBeforeDiscoveryIsRefused) {
  const Answers a{{"time.discovered", std::string("2026-03-27T10:00:00+01:00")}};
  EXPECT_EQ(check_can_file(a, utc(2026, 3, 27, 8)).error().field, "meta.submitted_at");
  EXPECT_EQ(check_can_file(Answers{}, utc(2026, 3, 27, 8)).error().field, "time.discovered");
}

TEST(AssessDeadline, LatenessIsFrozenAtFiling) {
  const Answers a{{"time.discovered", std::string("2026-03-27T10:00:00+01:00")},
                  {"meta.submitted_at", std::string("2026-03-30T14:00:00+02:00")},
                  {"time.late_reason", std::string("Pas na onderzoek bekend.")}};
  const auto soon = status_of(a, utc(2026, 3, 31, 0));
  const auto year_later = status_of(a, utc(2027, 4, 1, 0));
  EXPECT_TRUE(soon.filed_late);
  EXPECT_EQ(soon.time_left, -hours{3});
  EXPECT_EQ(year_later.time_left, soon.time_left);
  EXPECT_FALSE(soon.needs_late_reason);
}

TEST(AssessDeadline, ConfiguredLengthIsUsed) {
  const Answers a{{"time.discovered", std::string("2026-03-27T10:00:00+01:00")}};
  EXPECT_EQ(status_of(a, utc(2026, 3, 27, 9), 96).due, utc(2026, 3, 31, 9));
}

}  // namespace
}  // namespace bd::model

namespace bd::model {
namespace {

TEST(AssessDeadline, DescribesTheClockForPeople) {
  DeadlineStatus s;
  s.time_left = std::chrono::hours{51} + std::chrono::minutes{5} + std::chrono::seconds{59};
  EXPECT_EQ(describe_deadline(s, Language::kNl), "Nog 2 dagen 3 uur 5 minuten");
  EXPECT_EQ(describe_deadline(s, Language::kEn), "2 days 3 hours 5 minutes left");
  s.time_left = std::chrono::seconds{20};
  EXPECT_EQ(describe_deadline(s, Language::kNl), "Nog 0 minuten");
  s.time_left = -(std::chrono::hours{1} + std::chrono::minutes{1});
  s.overdue = true;
  EXPECT_EQ(describe_deadline(s, Language::kNl), "1 uur 1 minuut te laat");
  EXPECT_EQ(describe_deadline(s, Language::kEn), "1 hour 1 minute overdue");
  s.filed_at = TimePoint{};
  s.filed_late = true;
  EXPECT_EQ(describe_deadline(s, Language::kNl), "Gemeld, 1 uur 1 minuut te laat");
  s.filed_late = false;
  EXPECT_EQ(describe_deadline(s, Language::kEn), "Notified in time");
}

}  // namespace
}  // namespace bd::model
