#include "notify/calendar/icalendar.h"

#include <chrono>
#include <cstdio>

namespace bd::notify {
namespace {

std::string utc_stamp(TimePoint t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(days);
  const std::chrono::hh_mm_ss hms(t - days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped; other
// control characters are dropped so no value can start a property of its own.
std::string escape_text(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

// Appends one content line, folded at 75 octets without splitting a UTF-8 sequence.
void add_line(std::string& out, const std::string& line) {
  size_t start = 0;
  size_t limit = 75;
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xc0) == 0x80) --cut;
    out.append(line, start, cut - start);
    out += "\r\n ";
    start = cut;
    limit = 74;  // the leading space of a continuation line counts
  }
  out.append(line, start, std::string::npos);
  out += "\r\n";
}

void add_event(std::string& out, const CalendarEvent& e) {
  add_line(out, "BEGIN:VEVENT");
  add_line(out, "UID:" + escape_text(e.uid));
  add_line(out, "DTSTAMP:" + utc_stamp(e.stamp));
  add_line(out, "DTSTART:" + utc_stamp(e.start));
  add_line(out, "DTEND:" + utc_stamp(e.start + std::chrono::minutes(15)));
  add_line(out, "SUMMARY:" + escape_text(e.summary));
  if (!e.description.empty()) add_line(out, "DESCRIPTION:" + escape_text(e.description));
  if (!e.url.empty()) add_line(out, "URL:" + escape_text(e.url));
  for (int minutes : e.alarms_minutes_before) {
    add_line(out, "BEGIN:VALARM");
    add_line(out, "ACTION:DISPLAY");
    add_line(out, "DESCRIPTION:" + escape_text(e.summary));
    add_line(out, "TRIGGER:-PT" + std::to_string(minutes) + "M");
    add_line(out, "END:VALARM");
  }
  add_line(out, "END:VEVENT");
}

}  // namespace

std::string render_icalendar(const std::string& calendar_name, const std::vector<CalendarEvent>& events) {
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//breachdesk//deadlines//NL");
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "METHOD:PUBLISH");
  add_line(out, "X-WR-CALNAME:" + escape_text(calendar_name));
  for (const auto& e : events) add_event(out, e);
  add_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace bd::notify
