#include "storage/sql_util.h"

#include <libpq-fe.h>
#include <sodium.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace bd::storage::detail {
namespace {

constexpr std::string_view kConflictMessage = "conflicts with existing data";
constexpr std::string_view kUnavailableMessage = "the database is unavailable; try again later";

Error conflict(std::string detail) {
  Error e = Error::conflict(std::string(kConflictMessage));
  e.detail = std::move(detail);
  return e;
}

Error from_sqlite(const soci::sqlite3_soci_error& e, std::string detail) {
  switch (e.result() & 0xff) {
    case 19:  // SQLITE_CONSTRAINT
      return conflict(std::move(detail));
    case 5:   // SQLITE_BUSY
    case 6:   // SQLITE_LOCKED
    case 10:  // SQLITE_IOERR
    case 13:  // SQLITE_FULL
    case 14:  // SQLITE_CANTOPEN
      return Error::unavailable(std::string(kUnavailableMessage), std::move(detail));
    default:
      return Error::internal(std::move(detail));
  }
}

Error from_postgres(const soci::postgresql_soci_error& e, std::string detail) {
  const std::string state = e.sqlstate();
  if (state.starts_with("23") || state == "40001" || state == "40P01") return conflict(std::move(detail));
  if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57")) {
    return Error::unavailable(std::string(kUnavailableMessage), std::move(detail));
  }
  return Error::internal(std::move(detail));
}

}  // namespace

Error map_exception(const std::exception& e, std::string_view what) {
  std::string detail = std::string(what) + ": " + e.what();
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) return from_sqlite(*lite, detail);
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return from_postgres(*pg, detail);
  if (const auto* soci_e = dynamic_cast<const soci::soci_error*>(&e)) {
    switch (soci_e->get_error_category()) {
      case soci::soci_error::constraint_violation:
        return conflict(std::move(detail));
      case soci::soci_error::connection_error:
        return Error::unavailable(std::string(kUnavailableMessage), std::move(detail));
      default:
        break;
    }
  }
  return Error::internal(std::move(detail));
}

std::string new_id() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  id.reserve(32);
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 0xf]);
  }
  return id;
}

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // U+00C0..U+00DE (except U+00D7 ×) are encoded C3 80..C3 9E; +0x20 lowers them.
      auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
      ++i;
    }
  }
  return out;
}

std::string escape_like(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

namespace {

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return std::from_chars(text.data() + pos, text.data() + pos + len, out).ec == std::errc{};
}

// Offset in seconds of a zone suffix ("Z", "+02:00", "-0530", ""), or nullopt.
std::optional<long long> zone_offset(std::string_view zone) {
  if (zone.empty() || zone == "Z" || zone == "z") return 0;
  if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
  int hours = 0;
  int minutes = 0;
  if (!read_int(zone, 1, 2, hours)) return std::nullopt;
  std::size_t m = (zone.size() > 3 && zone[3] == ':') ? 4 : 3;
  if (zone.size() != m + 2 || !read_int(zone, m, 2, minutes) || hours > 23 || minutes > 59) return std::nullopt;
  long long offset = hours * 3600LL + minutes * 60LL;
  return zone[0] == '-' ? -offset : offset;
}

}  // namespace

std::optional<TimePoint> parse_instant(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (text.size() < 10 || !read_int(text, 0, 4, y) || text[4] != '-' || !read_int(text, 5, 2, mo) ||
      text[7] != '-' || !read_int(text, 8, 2, d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  std::string_view rest = text.substr(10);
  if (!rest.empty()) {
    if ((rest[0] != 'T' && rest[0] != ' ') || !read_int(rest, 1, 2, h) || rest.size() < 6 || rest[3] != ':' ||
        !read_int(rest, 4, 2, mi)) {
      return std::nullopt;
    }
    rest = rest.substr(6);
    if (!rest.empty() && rest[0] == ':') {
      if (!read_int(rest, 1, 2, s)) return std::nullopt;
      rest = rest.substr(3);
      if (!rest.empty() && rest[0] == '.') {  // fraction of a second: ignored
        std::size_t i = 1;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
        rest = rest.substr(i);
      }
    }
    if (h > 23 || mi > 59 || s > 60) return std::nullopt;
  }
  auto offset = zone_offset(rest);
  if (!offset) return std::nullopt;
  auto days = std::chrono::sys_days(ymd).time_since_epoch().count();
  long long secs = days * 86400LL + h * 3600LL + mi * 60LL + s - *offset;
  return TimePoint(std::chrono::seconds(secs));
}

Result<std::string> postgres_keywords(std::string_view url) {
  char* message = nullptr;
  std::string text(url);
  PQconninfoOption* options = PQconninfoParse(text.c_str(), &message);
  if (options == nullptr) {
    std::string detail = message ? message : "out of memory";
    PQfreemem(message);
    Error e = Error::invalid("db", "the PostgreSQL URL is malformed");
    e.detail = detail;
    return e;
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string value;
    for (const char* c = o->val; *c != 0; ++c) {
      if (*c == '\\' || *c == '\'') value.push_back('\\');
      value.push_back(*c);
    }
    out += (out.empty() ? "" : " ") + std::string(o->keyword) + "='" + value + "'";
  }
  PQconninfoFree(options);
  return out;
}

std::string format_instant_utc(TimePoint t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss hms(t - day);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

}  // namespace bd::storage::detail
