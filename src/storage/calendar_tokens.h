// CalendarTokenRepository: the per-user secret of the deadline calendar feed
// (migrations/0160_calendar_tokens.sql). Stores only a hash of the token (the caller
// hashes; storage never sees the plaintext). One token per user: put() replaces it.
//
// Ownership: holds a reference to the Database, which must outlive it.
// Thread-safety: safe from any thread (each call leases a pooled connection, or joins
// the calling thread's transaction). Failure: driver errors as in database.h;
// kNotFound when no token matches.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"

namespace bd::storage {

class Database;

struct CalendarToken {
  std::string user_id;
  std::string token_hash;
  TimePoint created_at{};
};

class CalendarTokenRepository {
 public:
  explicit CalendarTokenRepository(Database& db) : db_(db) {}
  // Creates or replaces the user's token. kConflict when the user does not exist.
  Status put(const CalendarToken& token);
  // The token with this hash; kNotFound when there is none.
  Result<CalendarToken> find_by_hash(std::string_view token_hash);
  // The user's token; kNotFound when there is none.
  Result<CalendarToken> find_by_user(std::string_view user_id);
  // Removes the user's token (revokes the feed); removing a missing one is ok.
  Status remove(std::string_view user_id);

 private:
  Database& db_;
};

}  // namespace bd::storage
