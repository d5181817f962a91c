#include "model/datetime.h"

#include <cstdio>

namespace bd::model {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads exactly `n` ASCII digits at `pos`; -1 if any is missing or not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

Error bad(std::string message) { return Error::invalid({}, std::move(message)); }

Result<std::chrono::year_month_day> date_prefix(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return bad("expected a date as YYYY-MM-DD");
  const int y = digits(s, 0, 4);
  const int m = digits(s, 5, 2);
  const int d = digits(s, 8, 2);
  if (y < 1 || m < 0 || d < 0) return bad("expected a date as YYYY-MM-DD");
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return bad("this date does not exist");
  return ymd;
}

// Parses "HH:MM[:SS[.fff]]" at the start of `s`; returns the time and how much it read.
Result<std::pair<seconds, std::size_t>> time_part(std::string_view s) {
  const int h = digits(s, 0, 2);
  const int m = s.size() > 2 && s[2] == ':' ? digits(s, 3, 2) : -1;
  if (h < 0 || m < 0) return bad("expected a time as HH:MM or HH:MM:SS");
  std::size_t used = 5;
  int sec = 0;
  if (s.size() > used && s[used] == ':') {
    sec = digits(s, used + 1, 2);
    if (sec < 0) return bad("expected a time as HH:MM:SS");
    used += 3;
    if (s.size() > used && s[used] == '.') {
      std::size_t frac = 0;
      while (used + 1 + frac < s.size() && s[used + 1 + frac] >= '0' && s[used + 1 + frac] <= '9') ++frac;
      if (frac == 0 || frac > 9) return bad("invalid fraction of a second");
      used += 1 + frac;
    }
  }
  if (h > 23 || m > 59 || sec > 59) return bad("this time does not exist");
  return std::pair{hours{h} + minutes{m} + seconds{sec}, used};
}

Result<minutes> offset_part(std::string_view s) {
  if (s == "Z") return minutes{0};
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') {
    return bad("expected a time-zone offset: Z or +HH:MM");
  }
  const int h = digits(s, 1, 2);
  const int m = digits(s, 4, 2);
  if (h < 0 || m < 0 || m > 59 || h * 60 + m > 14 * 60) return bad("time-zone offset out of range (±14:00)");
  const minutes off{h * 60 + m};
  return s[0] == '-' ? -off : off;
}

}  // namespace

Result<std::chrono::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10) return bad("expected a date as YYYY-MM-DD");
  return date_prefix(text);
}

Result<OffsetDateTime> parse_datetime(std::string_view text) {
  BD_ASSIGN_OR_RETURN(auto ymd, date_prefix(text));
  if (text.size() < 11 || text[10] != 'T') return bad("expected a date and time as YYYY-MM-DDTHH:MM:SS+HH:MM");
  BD_ASSIGN_OR_RETURN(auto tp, time_part(text.substr(11)));
  BD_ASSIGN_OR_RETURN(minutes off, offset_part(text.substr(11 + tp.second)));
  const TimePoint local{std::chrono::sys_days{ymd}.time_since_epoch() + tp.first};
  return OffsetDateTime{local - off, off};
}

Result<DateOrDateTime> parse_date_or_datetime(std::string_view text) {
  if (text.size() == 10) {
    BD_ASSIGN_OR_RETURN(auto ymd, parse_date(text));
    return DateOrDateTime{TimePoint{std::chrono::sys_days{ymd}.time_since_epoch()}, false};
  }
  BD_ASSIGN_OR_RETURN(OffsetDateTime dt, parse_datetime(text));
  return DateOrDateTime{dt.instant, true};
}

std::string format_date(std::chrono::year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return buf;
}

std::string format_datetime(TimePoint instant, minutes offset) {
  const TimePoint local = instant + offset;
  const auto day = std::chrono::floor<days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", format_date(std::chrono::year_month_day{day}).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  std::string out = buf;
  if (offset == minutes{0}) return out + "Z";
  const long total = offset.count() < 0 ? -offset.count() : offset.count();
  std::snprintf(buf, sizeof buf, "%c%02ld:%02ld", offset.count() < 0 ? '-' : '+', total / 60, total % 60);
  return out + buf;
}

}  // namespace bd::model
