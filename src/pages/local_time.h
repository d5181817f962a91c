// Local time for forms: the browser's date and time inputs hold wall-clock time in
// Europe/Amsterdam; the model holds ISO 8601 instants with their offset
// ("2018-03-28T10:00:00+02:00"). These functions convert between the two.
//
// Pure and thread-safe (date/tz's zone database is immutable after first use).
// Failure: InvalidInput for impossible dates or times ("2026-02-30", "25:00"), and for
// a local time that does not exist (the hour skipped when summer time starts);
// an ambiguous time (the hour repeated in autumn) takes the earlier instant.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace bd::pages {

struct LocalDateTime {
  std::string date;  // "YYYY-MM-DD"
  std::string time;  // "HH:MM", empty for a bare date
};

// "2026-03-01" + "14:05" (Amsterdam) -> "2026-03-01T14:05:00+01:00".
Result<std::string> amsterdam_to_iso(std::string_view date, std::string_view time);
// A stored value (datetime with offset or Z, or a bare date) as Amsterdam wall-clock
// date and time. A bare date stays a bare date; an unparsable value gives {value, ""}.
LocalDateTime iso_to_amsterdam(std::string_view iso);
// Checks "YYYY-MM-DD" is a real calendar date.
bool is_valid_date(std::string_view date);
// "28-03-2018 10:00" (nl) / "2018-03-28 10:00" (en) for display; the input unchanged
// when it does not parse.
std::string display_datetime(std::string_view iso, std::string_view lang);

// An ISO 8601 datetime with offset (or Z) as an instant; InvalidInput otherwise.
Result<TimePoint> iso_to_instant(std::string_view iso);
// Midnight at the start of `date` in Europe/Amsterdam, as an instant.
Result<TimePoint> amsterdam_start_of_day(std::string_view date);
// An instant as Amsterdam wall-clock text, as display_datetime does.
std::string display_instant(TimePoint t, std::string_view lang);
// The ISO 8601 text of an instant in Amsterdam time with its offset.
std::string instant_to_iso(TimePoint t);

}  // namespace bd::pages
