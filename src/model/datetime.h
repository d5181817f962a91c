// ISO 8601 dates and date-times as the JSON contract carries them:
//   date      "2021-04-16"
//   datetime  "2018-03-28T10:00:00+02:00", "2018-03-28T08:00:00Z",
//             seconds optional ("…T10:00+02:00"), a fraction of a second is accepted
//             and dropped ("…T10:00:00.250Z").
// Impossible values are refused: 2021-02-30, 24:00, 10:60, seconds 60, offsets beyond
// ±14:00, a missing offset (a local time without one is not an instant).
//
// Pure functions on the standard library only (time zones by name live in base/).
// Thread-safe. Failure: Error kInvalidInput with a client-safe English message and an
// empty field (callers name the field).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace bd::model {

struct OffsetDateTime {
  TimePoint instant{};             // the UTC instant
  std::chrono::minutes offset{0};  // the offset it was written with (+02:00 → 120)
};

// A value that is either a bare date or a full datetime (time.start, time.end).
// A bare date is taken as the start of that day in UTC; `has_time` says which it was.
struct DateOrDateTime {
  TimePoint instant{};
  bool has_time = false;
};

Result<std::chrono::year_month_day> parse_date(std::string_view text);
Result<OffsetDateTime> parse_datetime(std::string_view text);
Result<DateOrDateTime> parse_date_or_datetime(std::string_view text);

// "YYYY-MM-DD".
std::string format_date(std::chrono::year_month_day date);
// "YYYY-MM-DDTHH:MM:SS" + "Z" (offset 0) or "±HH:MM", in the local time of `offset`.
std::string format_datetime(TimePoint instant, std::chrono::minutes offset = std::chrono::minutes{0});

}  // namespace bd::model
