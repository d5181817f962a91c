#include "notify/calendar/icalendar.h"

#include <gtest/gtest.h>

namespace bd::notify {
namespace {

using namespace std::chrono;

TimePoint at(int y, unsigned m, unsigned d, int h, int min) {
  return TimePoint(sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min));
}

TEST(ICalendar, WritesEventsInUtcWithAlarms) {
  CalendarEvent e;
  e.uid = "ap-123@breachdesk";
  e.start = at(2026, 10, 27, 9, 0);
  e.stamp = at(2026, 10, 24, 8, 30);
  e.summary = "AP-melding uiterlijk: Onbeveiligde webserver";
  e.alarms_minutes_before = {1440, 360};
  const std::string ics = render_icalendar("Deadlines", {e});
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(ics.find("DTSTART:20261027T090000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND:20261027T091500Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("TRIGGER:-PT1440M\r\n"), std::string::npos);
  EXPECT_NE(ics.find("TRIGGER:-PT360M\r\n"), std::string::npos);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
}

TEST(ICalendar, EscapesTextSoNoValueStartsAProperty) {
  CalendarEvent e;
  e.uid = "x";
  e.summary = "a;b,c\\d";
  e.description = "line1\r\nATTENDEE:evil@example.com";
  const std::string ics = render_icalendar("n", {e});
  EXPECT_NE(ics.find("SUMMARY:a\\;b\\,c\\\\d\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DESCRIPTION:line1\\nATTENDEE:evil@example.com\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("\r\nATTENDEE"), std::string::npos);
}

TEST(ICalendar, FoldsLongLinesOnUtf8Boundaries) {
  CalendarEvent e;
  e.uid = "x";
  std::string s;
  for (int i = 0; i < 60; ++i) s += "é";  // 120 octets
  e.summary = s;
  const std::string ics = render_icalendar("n", {e});
  size_t pos = 0;
  while ((pos = ics.find("\r\n", pos)) != std::string::npos) {
    size_t next = ics.find("\r\n", pos + 2);
    if (next == std::string::npos) break;
    EXPECT_LE(next - pos - 2, 75u);
    // a continuation never starts in the middle of a UTF-8 sequence
    if (ics[pos + 2] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(ics[pos + 3]) & 0xc0, 0x80u);
    }
    pos += 2;
  }
  EXPECT_NE(ics.find("\r\n "), std::string::npos);
}

}  // namespace
}  // namespace bd::notify
