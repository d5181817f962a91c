// Europe/Amsterdam conversion across the 2026 daylight-saving nights
// (29 March 02:00 CET → 03:00 CEST; 25 October 03:00 CEST → 02:00 CET).
#include <gtest/gtest.h>

#include <date/date.h>

#include "base/time_zone.h"

namespace bd {
namespace {

using namespace std::chrono;

TimePoint utc(int y, unsigned mo, unsigned d, int h, int mi = 0) {
  return TimePoint{duration_cast<seconds>(date::sys_days{date::year{y} / date::month{mo} / date::day{d}}.time_since_epoch()) +
                   hours{h} + minutes{mi}};
}

TEST(AssessTimeZone, FormatsWithTheOffsetInForce) {
  EXPECT_EQ(format_iso_in_zone(utc(2026, 3, 29, 0, 59)), "2026-03-29T01:59:00+01:00");
  EXPECT_EQ(format_iso_in_zone(utc(2026, 3, 29, 1, 0)), "2026-03-29T03:00:00+02:00");
  EXPECT_EQ(format_iso_in_zone(utc(2026, 10, 25, 0, 30)), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(format_iso_in_zone(utc(2026, 10, 25, 1, 30)), "2026-10-25T02:30:00+01:00");
  EXPECT_EQ(format_for_people(utc(2026, 3, 30, 9)), "30-03-2026 11:00 CEST");
  EXPECT_EQ(format_for_people(utc(2026, 10, 26, 8)), "26-10-2026 09:00 CET");
}

TEST(AssessTimeZone, UniqueLocalTime) {
  auto t = local_to_instant("2026-07-01T12:00", "time.discovered");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, utc(2026, 7, 1, 10));
  auto winter = local_to_instant("2026-01-15 08:15:30", "time.discovered");
  ASSERT_TRUE(winter.ok());
  EXPECT_EQ(*winter, utc(2026, 1, 15, 7, 15) + seconds{30});
}

TEST(AssessTimeZone, SpringGapIsRefused) {
  auto r = resolve_local("2026-03-29T02:30");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, LocalResolution::Kind::kGap);
  EXPECT_EQ(r->earliest, utc(2026, 3, 29, 1));
  auto t = local_to_instant("2026-03-29T02:30", "time.discovered");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(t.error().field, "time.discovered");
}

TEST(AssessTimeZone, AutumnOverlapIsExplicit) {
  auto r = resolve_local("2026-10-25T02:30");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, LocalResolution::Kind::kAmbiguous);
  EXPECT_EQ(r->earliest, utc(2026, 10, 25, 0, 30));  // still summer time
  EXPECT_EQ(r->latest, utc(2026, 10, 25, 1, 30));    // winter time
  EXPECT_EQ(*local_to_instant("2026-10-25T02:30", "f"), utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(*local_to_instant("2026-10-25T02:30", "f", OnAmbiguous::kLatest), utc(2026, 10, 25, 1, 30));
  EXPECT_FALSE(local_to_instant("2026-10-25T02:30", "f", OnAmbiguous::kRefuse).ok());
}

TEST(AssessTimeZone, MalformedInputIsRefused) {
  for (const char* bad : {"", "2026-13-01T10:00", "2026-02-30T10:00", "2026-01-01T24:00", "2026-01-01T10:60",
                          "2026-01-01", "2026-01-01T10:00+01:00", "abcd-ef-ghTij:kl"}) {
    EXPECT_FALSE(local_to_instant(bad, "f").ok()) << bad;
  }
  EXPECT_EQ(to_zone(utc(2026, 1, 1, 0), "Mars/Olympus").error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace bd
