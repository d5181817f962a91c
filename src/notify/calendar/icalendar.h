// iCalendar (RFC 5545) feed of breach deadlines, so officers see "AP-melding uiterlijk"
// in their own calendar. Pure text generation; times are written in UTC ("…Z") because
// deadlines are absolute instants and every calendar client converts them correctly.
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"

namespace bd::notify {

struct CalendarEvent {
  std::string uid;          // stable per breach and deadline kind, e.g. "ap-<breach id>@breachdesk"
  TimePoint start{};        // the deadline
  TimePoint stamp{};        // when this version of the event was generated
  std::string summary;      // UTF-8
  std::string description;  // UTF-8, may contain newlines
  std::string url;          // link to the breach page (optional)
  std::vector<int> alarms_minutes_before;  // e.g. {1440, 360}
};

// A complete VCALENDAR with one VEVENT per event (each 15 minutes long), lines folded
// at 75 octets on UTF-8 boundaries, text escaped. Never fails.
std::string render_icalendar(const std::string& calendar_name, const std::vector<CalendarEvent>& events);

}  // namespace bd::notify
