// The calendar feed's token hashes.
#include "storage/calendar_tokens.h"

#include <soci/soci.h>

#include "storage/database.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

Result<CalendarToken> find_one(Database& db, const char* sql, const std::string& key) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db.lease());
  return guarded("find calendar token", [&]() -> Result<CalendarToken> {
    CalendarToken t;
    long long created = 0;
    lease.session() << sql, soci::use(key), soci::into(t.user_id), soci::into(t.token_hash), soci::into(created);
    if (!lease.session().got_data()) return Error::not_found("calendar token not found");
    t.created_at = from_column(created);
    return t;
  });
}

}  // namespace

Status CalendarTokenRepository::put(const CalendarToken& token) {
  if (token.user_id.empty() || token.token_hash.empty()) {
    return Error::invalid("token", "a calendar token needs a user and a hash");
  }
  return db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("store calendar token", [&]() -> Status {
      long long created = to_column(token.created_at);
      lease.session() << "DELETE FROM calendar_tokens WHERE user_id = :u", soci::use(token.user_id);
      lease.session() << "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (:u, :h, :c)",
          soci::use(token.user_id), soci::use(token.token_hash), soci::use(created);
      return {};
    });
  });
}

Result<CalendarToken> CalendarTokenRepository::find_by_hash(std::string_view token_hash) {
  return find_one(db_, "SELECT user_id, token_hash, created_at FROM calendar_tokens WHERE token_hash = :k",
                  std::string(token_hash));
}

Result<CalendarToken> CalendarTokenRepository::find_by_user(std::string_view user_id) {
  return find_one(db_, "SELECT user_id, token_hash, created_at FROM calendar_tokens WHERE user_id = :k",
                  std::string(user_id));
}

Status CalendarTokenRepository::remove(std::string_view user_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("remove calendar token", [&]() -> Status {
    std::string id(user_id);
    lease.session() << "DELETE FROM calendar_tokens WHERE user_id = :u", soci::use(id);
    return {};
  });
}

}  // namespace bd::storage
