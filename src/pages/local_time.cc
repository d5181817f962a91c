#include "pages/local_time.h"

#include <chrono>
#include <cstdio>

#include <date/date.h>
#include <date/tz.h>

namespace bd::pages {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const date::time_zone* amsterdam() {
  static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
  return zone;
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool parse_date(std::string_view s, date::year_month_day& out) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d)) return false;
  out = date::year_month_day{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  return out.ok() && y >= 1900;
}

bool parse_hm(std::string_view s, int& h, int& m, int& sec) {
  sec = 0;
  if (s.size() != 5 && s.size() != 8) return false;
  if (s[2] != ':' || !parse_int(s.substr(0, 2), h) || !parse_int(s.substr(3, 2), m)) return false;
  if (s.size() == 8 && (s[5] != ':' || !parse_int(s.substr(6, 2), sec))) return false;
  return h < 24 && m < 60 && sec < 60;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string format_offset(seconds offset) {
  const long long total = offset.count();
  const long long a = total < 0 ? -total : total;
  return std::string(total < 0 ? "-" : "+") + two(static_cast<int>(a / 3600)) + ":" + two(static_cast<int>((a % 3600) / 60));
}

// Parses "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM)" to an instant.
bool parse_instant(std::string_view s, date::sys_seconds& out) {
  date::year_month_day ymd;
  if (s.size() < 17 || s[10] != 'T' || !parse_date(s.substr(0, 10), ymd)) return false;
  std::string_view rest = s.substr(11);
  const std::size_t zone_at = rest.find_first_of("Z+-");
  if (zone_at == std::string_view::npos) return false;
  int h = 0, m = 0, sec = 0;
  if (!parse_hm(rest.substr(0, zone_at), h, m, sec)) return false;
  std::string_view zone = rest.substr(zone_at);
  int off_minutes = 0;
  if (zone != "Z") {
    int oh = 0, om = 0;
    if (zone.size() != 6 || zone[3] != ':' || !parse_int(zone.substr(1, 2), oh) || !parse_int(zone.substr(4, 2), om)) {
      return false;
    }
    off_minutes = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
  }
  out = date::sys_days{ymd} + std::chrono::hours{h} + minutes{m} + seconds{sec} - minutes{off_minutes};
  return true;
}

}  // namespace

bool is_valid_date(std::string_view s) {
  date::year_month_day ymd;
  return parse_date(s, ymd);
}

Result<std::string> amsterdam_to_iso(std::string_view day, std::string_view time) {
  date::year_month_day ymd;
  if (!parse_date(day, ymd)) return Error::invalid("", "not a valid date (YYYY-MM-DD)");
  int h = 0, m = 0, sec = 0;
  if (!parse_hm(time, h, m, sec)) return Error::invalid("", "not a valid time (HH:MM)");
  const date::local_seconds local = date::local_days{ymd} + std::chrono::hours{h} + minutes{m} + seconds{sec};
  const auto info = amsterdam()->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return Error::invalid("", "this time does not exist in Europe/Amsterdam (summer time starts)");
  }
  const seconds offset = info.first.offset;
  return std::string(day) + "T" + two(h) + ":" + two(m) + ":" + two(sec) + format_offset(offset);
}

LocalDateTime iso_to_amsterdam(std::string_view iso) {
  if (is_valid_date(iso)) return {std::string(iso), ""};
  date::sys_seconds instant;
  if (!parse_instant(iso, instant)) return {std::string(iso), ""};
  const auto local = date::make_zoned(amsterdam(), instant).get_local_time();
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<seconds> tod{local - day};
  return {date::format("%F", day), two(static_cast<int>(tod.hours().count())) + ":" +
                                       two(static_cast<int>(tod.minutes().count()))};
}

std::string display_datetime(std::string_view iso, std::string_view lang) {
  LocalDateTime local = iso_to_amsterdam(iso);
  if (!is_valid_date(local.date)) return std::string(iso);
  std::string day = local.date;
  if (lang == "nl") day = local.date.substr(8, 2) + "-" + local.date.substr(5, 2) + "-" + local.date.substr(0, 4);
  return local.time.empty() ? day : day + " " + local.time;
}

Result<TimePoint> iso_to_instant(std::string_view iso) {
  date::sys_seconds instant;
  if (!parse_instant(iso, instant)) return Error::invalid("", "not a valid date and time (ISO 8601 with offset)");
  return TimePoint(instant.time_since_epoch());
}

Result<TimePoint> amsterdam_start_of_day(std::string_view day) {
  date::year_month_day ymd;
  if (!parse_date(day, ymd)) return Error::invalid("", "not a valid date (YYYY-MM-DD)");
  const auto zoned = date::make_zoned(amsterdam(), date::local_days{ymd}, date::choose::earliest);
  return TimePoint(zoned.get_sys_time().time_since_epoch());
}

std::string instant_to_iso(TimePoint t) {
  const auto zoned = date::make_zoned(amsterdam(), date::sys_seconds(t.time_since_epoch()));
  const auto local = zoned.get_local_time();
  return date::format("%FT%T", local) + format_offset(zoned.get_info().offset);
}

std::string display_instant(TimePoint t, std::string_view lang) { return display_datetime(instant_to_iso(t), lang); }

}  // namespace bd::pages
