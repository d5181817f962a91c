#include "base/time_zone.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

#include <date/date.h>
#include <date/tz.h>

namespace bd {
namespace {

Result<const date::time_zone*> find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    return Error{ErrorKind::kNotFound, "unknown time zone", {}, e.what()};
  }
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// "YYYY-MM-DDTHH:MM[:SS]" → local seconds; nothing else is accepted.
Result<std::chrono::local_seconds> parse_local(std::string_view s, std::string_view field) {
  const auto bad = [&] {
    return Error::invalid(std::string(field),
                          "Ongeldige datum/tijd, verwacht JJJJ-MM-DDTUU:MM / Invalid date-time, expected YYYY-MM-DDTHH:MM");
  };
  if (s.size() != 16 && s.size() != 19) return bad();
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return bad();
  if (s.size() == 19 && s[16] != ':') return bad();
  const std::string_view parts[] = {s.substr(0, 4), s.substr(5, 2), s.substr(8, 2), s.substr(11, 2), s.substr(14, 2),
                                    s.size() == 19 ? s.substr(17, 2) : std::string_view("00")};
  for (auto p : parts) {
    if (!all_digits(p)) return bad();
  }
  const date::year_month_day ymd{date::year{number(parts[0])}, date::month{static_cast<unsigned>(number(parts[1]))},
                                 date::day{static_cast<unsigned>(number(parts[2]))}};
  const int h = number(parts[3]), m = number(parts[4]), sec = number(parts[5]);
  if (!ymd.ok() || h > 23 || m > 59 || sec > 59) return bad();
  const auto days = date::local_days{ymd}.time_since_epoch();
  return std::chrono::local_seconds{std::chrono::duration_cast<std::chrono::seconds>(days) +
                                    std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec}};
}

date::local_seconds as_date_local(std::chrono::local_seconds t) { return date::local_seconds{t.time_since_epoch()}; }

TimePoint as_sys(std::chrono::local_seconds local, std::chrono::seconds offset) {
  return TimePoint{local.time_since_epoch() - offset};
}

}  // namespace

Result<ZonedReading> to_zone(TimePoint instant, std::string_view zone) {
  BD_ASSIGN_OR_RETURN(const date::time_zone* tz, find_zone(zone));
  const date::sys_info info = tz->get_info(instant);
  ZonedReading out;
  out.local = std::chrono::local_seconds{instant.time_since_epoch() + info.offset};
  out.offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset);
  out.abbreviation = info.abbrev;
  return out;
}

std::string format_iso_in_zone(TimePoint instant, std::string_view zone) {
  auto reading = to_zone(instant, zone);
  if (!reading.ok()) return date::format("%FT%TZ", instant);
  const int off = static_cast<int>(reading->offset.count());
  char tail[24];
  std::snprintf(tail, sizeof tail, "%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
  return date::format("%FT%T", as_date_local(reading->local)) + tail;
}

std::string format_for_people(TimePoint instant, std::string_view zone) {
  auto reading = to_zone(instant, zone);
  if (!reading.ok()) return date::format("%d-%m-%Y %H:%M UTC", instant);
  return date::format("%d-%m-%Y %H:%M ", as_date_local(reading->local)) + reading->abbreviation;
}

Result<LocalResolution> resolve_local(std::string_view local, std::string_view zone) {
  BD_ASSIGN_OR_RETURN(const date::time_zone* tz, find_zone(zone));
  BD_ASSIGN_OR_RETURN(const auto when, parse_local(local, "time"));
  const date::local_info info = tz->get_info(as_date_local(when));
  LocalResolution out;
  switch (info.result) {
    case date::local_info::unique:
      out.kind = LocalResolution::Kind::kUnique;
      out.earliest = out.latest = as_sys(when, info.first.offset);
      break;
    case date::local_info::nonexistent:
      out.kind = LocalResolution::Kind::kGap;
      out.earliest = out.latest = TimePoint{std::chrono::duration_cast<std::chrono::seconds>(
          info.second.begin.time_since_epoch())};
      break;
    case date::local_info::ambiguous:
      out.kind = LocalResolution::Kind::kAmbiguous;
      out.earliest = as_sys(when, info.first.offset);
      out.latest = as_sys(when, info.second.offset);
      break;
  }
  return out;
}

Result<TimePoint> local_to_instant(std::string_view local, std::string_view field, OnAmbiguous policy,
                                   std::string_view zone) {
  BD_ASSIGN_OR_RETURN(const date::time_zone* tz, find_zone(zone));
  (void)tz;
  BD_TRY(parse_local(local, field));
  BD_ASSIGN_OR_RETURN(const LocalResolution r, resolve_local(local, zone));
  switch (r.kind) {
    case LocalResolution::Kind::kUnique: return r.earliest;
    case LocalResolution::Kind::kGap:
      return Error::invalid(std::string(field),
                            "Dit tijdstip bestaat niet: de klok gaat dan een uur vooruit (zomertijd) / "
                            "This local time does not exist: clocks move forward an hour (summer time)");
    case LocalResolution::Kind::kAmbiguous:
      if (policy == OnAmbiguous::kEarliest) return r.earliest;
      if (policy == OnAmbiguous::kLatest) return r.latest;
      return Error::invalid(std::string(field),
                            "Dit tijdstip komt twee keer voor (wintertijd gaat in); kies zomer- of wintertijd / "
                            "This local time occurs twice (summer time ends); choose summer or winter time");
  }
  return Error::internal("unreachable local time resolution");
}

}  // namespace bd
