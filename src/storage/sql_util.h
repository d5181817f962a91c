// Internal helpers of the storage layer (not for other layers): mapping driver
// exceptions to bd::Error, instant <-> column conversion, ids and search folding.
// Thread-safety: all functions are pure or use thread-safe libraries.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/clock.h"
#include "base/result.h"

namespace bd::storage::detail {

// Turns a SOCI/driver exception into an Error: unique/foreign-key violations ->
// kConflict, lost connection or busy database -> kUnavailable, else kInternal. `what`
// names the operation; it and the driver message go into Error::detail only.
Error map_exception(const std::exception& e, std::string_view what);

// Runs `f` (returning some Result) and converts any exception it throws.
template <typename F>
auto guarded(std::string_view what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return map_exception(e, what);
  }
}

inline long long to_column(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint from_column(long long s) { return TimePoint(std::chrono::seconds(s)); }

// A new random id: 32 lower-case hex digits (128 bits from libsodium).
std::string new_id();

// Lower-cases ASCII and the Latin-1 capitals (À–Þ) of UTF-8 text, for the
// case-insensitive register search and e-mail keys; other bytes are kept.
std::string fold_case(std::string_view text);

// Escapes % _ and \ for a LIKE pattern with ESCAPE '\'.
std::string escape_like(std::string_view text);

// Parses an ISO 8601 date ("2021-04-19", midnight UTC) or date-time with optional
// seconds and a zone ("2018-03-28T10:00:00+02:00", "…Z"; without a zone: UTC).
std::optional<TimePoint> parse_instant(std::string_view text);

// Rewrites a libpq URI ("postgresql://user@host:port/db?sslmode=…") as libpq
// keyword=value pairs, the only form SOCI's PostgreSQL backend passes on intact.
// kInvalidInput when libpq cannot parse it (its message never echoes the password).
Result<std::string> postgres_keywords(std::string_view url);

// "2018-03-28T08:00:00Z".
std::string format_instant_utc(TimePoint t);

}  // namespace bd::storage::detail
