// Time-zone conversion for people in the Netherlands: deadlines are absolute instants
// (TimePoint, UTC) and are shown in Europe/Amsterdam; a local "YYYY-MM-DDTHH:MM" typed
// into a web form becomes an instant with the daylight-saving gap and overlap handled
// explicitly instead of guessed. Built on date/tz (the OS time-zone database), because
// g++ 12's <chrono> has no time zones yet.
//
// Thread-safety: all functions are safe from any thread (the tz database is loaded once,
// on first use, by date/tz). Failure: an unknown zone is kNotFound; malformed or
// non-existent local times are kInvalidInput with a Dutch and English message; nothing
// throws.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace bd {

inline constexpr std::string_view kAmsterdam = "Europe/Amsterdam";

// A wall-clock reading in a zone: the local time and its offset and abbreviation.
struct ZonedReading {
  std::chrono::local_seconds local{};
  std::chrono::minutes offset{0};  // +60 (CET) or +120 (CEST)
  std::string abbreviation;        // "CET", "CEST"
};

Result<ZonedReading> to_zone(TimePoint instant, std::string_view zone = kAmsterdam);

// "2026-03-29T03:30:00+02:00": the instant in ISO 8601 with the zone's offset.
std::string format_iso_in_zone(TimePoint instant, std::string_view zone = kAmsterdam);
// "29-03-2026 03:30 CEST": for people (the Dutch date order, the zone named).
std::string format_for_people(TimePoint instant, std::string_view zone = kAmsterdam);

// What a local wall-clock time means in a zone.
struct LocalResolution {
  enum class Kind {
    kUnique,     // occurs once
    kGap,        // does not exist (clocks move forward, e.g. 2026-03-29 02:30)
    kAmbiguous,  // occurs twice (clocks move back, e.g. 2026-10-25 02:30)
  };
  Kind kind = Kind::kUnique;
  TimePoint earliest{};  // unique: the instant; ambiguous: first occurrence (summer time);
  TimePoint latest{};    // ambiguous: second occurrence; gap: both are the moment of the jump
};

// Parses "YYYY-MM-DDTHH:MM" (or with ":SS", or a space instead of "T") as a local time.
Result<LocalResolution> resolve_local(std::string_view local, std::string_view zone = kAmsterdam);

enum class OnAmbiguous { kEarliest, kLatest, kRefuse };

// resolve_local for a form field: a gap is refused (the time never existed); an
// ambiguous time follows `policy` (earliest by default: for an awareness time that
// starts the 72-hour clock sooner, the safe side). `field` names the form field in errors.
Result<TimePoint> local_to_instant(std::string_view local, std::string_view field,
                                   OnAmbiguous policy = OnAmbiguous::kEarliest,
                                   std::string_view zone = kAmsterdam);

}  // namespace bd
