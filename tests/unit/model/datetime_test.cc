#include "model/datetime.h"

#include <gtest/gtest.h>

namespace bd::model {
namespace {

using namespace std::chrono;

TimePoint utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  return TimePoint{sys_days{year{y} / month{m} / day{d}}.time_since_epoch() + hours{h} + minutes{min} + seconds{s}};
}

TEST(DateTime, ParsesDatesAndRejectsImpossibleOnes) {
  auto d = parse_date("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, year{2024} / 2 / 29);
  for (const char* bad : {"2021-02-30", "2023-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-4-16",
                          "16-4-2021", "2021-04-16T", "20210416", "0000-01-01", "", "2021-04-1a", "2021/04/16"}) {
    EXPECT_FALSE(parse_date(bad).ok()) << bad;
  }
}

TEST(DateTime, ParsesDateTimesWithOffsetOrZ) {
  auto dt = parse_datetime("2018-03-28T10:00:00+02:00");
  ASSERT_TRUE(dt.ok());
  EXPECT_EQ(dt->instant, utc(2018, 3, 28, 8));
  EXPECT_EQ(dt->offset, minutes{120});
  EXPECT_EQ(parse_datetime("2018-03-28T08:00:00Z")->instant, utc(2018, 3, 28, 8));
  EXPECT_EQ(parse_datetime("2018-03-28T08:00Z")->instant, utc(2018, 3, 28, 8));
  EXPECT_EQ(parse_datetime("2018-03-28T08:00:05.123456Z")->instant, utc(2018, 3, 28, 8, 0, 5));
  EXPECT_EQ(parse_datetime("2021-01-01T01:30:00+14:00")->instant, utc(2020, 12, 31, 11, 30));
  EXPECT_EQ(parse_datetime("2021-01-01T00:00:00-05:30")->instant, utc(2021, 1, 1, 5, 30));
}

TEST(DateTime, RejectsImpossibleTimesAndOffsets) {
  for (const char* bad : {"2021-04-16T25:00:00Z", "2021-04-16T24:00:00Z", "2021-04-16T10:60:00Z",
                          "2021-04-16T10:00:60Z", "2021-04-16T10:00:00+14:01", "2021-04-16T10:00:00+15:00",
                          "2021-04-16T10:00:00-14:30", "2021-04-16T10:00:00", "2021-04-16T10:00:00+0200",
                          "2021-04-16 10:00:00Z", "2021-02-30T10:00:00Z", "2021-04-16T10:00:00.Z",
                          "2021-04-16T10:00:00Zjunk", "2021-04-16T1:00:00Z", "2021-04-16T10:00:00+02:60"}) {
    EXPECT_FALSE(parse_datetime(bad).ok()) << bad;
  }
}

TEST(DateTime, DateOrDateTime) {
  auto d = parse_date_or_datetime("2021-04-16");
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->has_time);
  EXPECT_EQ(d->instant, utc(2021, 4, 16));
  auto t = parse_date_or_datetime("2021-04-16T10:00:00+02:00");
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->has_time);
  EXPECT_FALSE(parse_date_or_datetime("2021-04-31").ok());
}

TEST(DateTime, FormatsAndRoundTrips) {
  EXPECT_EQ(format_date(year{2021} / 4 / 6), "2021-04-06");
  EXPECT_EQ(format_datetime(utc(2018, 3, 28, 8)), "2018-03-28T08:00:00Z");
  EXPECT_EQ(format_datetime(utc(2018, 3, 28, 8), minutes{120}), "2018-03-28T10:00:00+02:00");
  EXPECT_EQ(format_datetime(utc(2021, 1, 1, 5, 30), minutes{-330}), "2021-01-01T00:00:00-05:30");
  for (const char* text : {"2018-03-28T10:00:00+02:00", "1999-12-31T23:59:59-14:00", "2024-02-29T00:00:00Z"}) {
    auto dt = parse_datetime(text);
    ASSERT_TRUE(dt.ok()) << text;
    EXPECT_EQ(format_datetime(dt->instant, dt->offset), text);
  }
}

}  // namespace
}  // namespace bd::model
