// Repositories for accounts: organisations, users, login sessions, personal API
// tokens and failed-login throttling. Typed methods only; no SQL leaves storage.
//
// Ownership: each repository is owned by its Database (Database::organisations(), …)
// and only holds a reference to it. Thread-safety: every method may be called from any
// thread; each runs on a pooled connection or joins the calling thread's transaction.
// Failure: kNotFound when the row does not exist (or, for sessions and tokens, is no
// longer usable), kConflict on duplicates (e-mail, token hash, id), kInvalidInput for
// a malformed record (checked before anything is written), kUnavailable/kInternal from
// the database (see database.h). A failed call changes nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "storage/records.h"

namespace bd::storage {

class Database;

class OrganisationRepository {
 public:
  explicit OrganisationRepository(Database& db) : db_(db) {}
  // Inserts `org`; an empty id is replaced by a new random one. Returns the stored row.
  Result<Organisation> create(Organisation org);
  Result<Organisation> get(std::string_view id);
  Result<std::vector<Organisation>> list();  // by name
  // Updates name, kvk and kind of the organisation with org.id.
  Status update(const Organisation& org);

 private:
  Database& db_;
};

class UserRepository {
 public:
  explicit UserRepository(Database& db) : db_(db) {}
  // Inserts `user`; an empty id is replaced by a new random one. kConflict when the
  // e-mail (case-insensitive) is taken; kConflict when the organisation does not exist.
  Result<User> create(User user);
  Result<User> get(std::string_view id);
  // Case-insensitive exact match on the e-mail address.
  Result<User> find_by_email(std::string_view email);
  Result<std::vector<User>> list_by_organisation(std::string_view organisation_id);  // by e-mail
  // Updates email, display_name, role, locale and disabled (not the password).
  Status update(const User& user);
  Status set_password_hash(std::string_view user_id, std::string_view password_hash);
  Result<std::int64_t> count();  // all users, every organisation

 private:
  Database& db_;
};

class SessionRepository {
 public:
  explicit SessionRepository(Database& db) : db_(db) {}
  Status create(const Session& session);  // kConflict on a duplicate token hash
  // The session if it exists and now < expires_at; kNotFound otherwise.
  Result<Session> find_active(std::string_view token_hash, TimePoint now);
  // Records activity and slides the expiry (idle timeout). kNotFound if gone.
  Status touch(std::string_view token_hash, TimePoint last_seen_at, TimePoint expires_at);
  Status remove(std::string_view token_hash);  // logout; removing a missing session is ok
  Result<std::int64_t> remove_for_user(std::string_view user_id);  // e.g. after a password change
  Result<std::int64_t> purge_expired(TimePoint now);               // rows removed
  Result<std::vector<Session>> list_active_for_user(std::string_view user_id, TimePoint now);

 private:
  Database& db_;
};

class ApiTokenRepository {
 public:
  explicit ApiTokenRepository(Database& db) : db_(db) {}
  // Inserts `token`; an empty id is replaced by a new random one. kConflict on a
  // duplicate hash; kConflict when the user does not exist.
  Result<ApiToken> create(ApiToken token);
  // The token with this hash if it is not revoked; kNotFound otherwise.
  Result<ApiToken> find_active_by_hash(std::string_view token_hash);
  Result<std::vector<ApiToken>> list_for_user(std::string_view user_id);  // newest first
  // Revokes the user's token `id`; kNotFound when it is not theirs.
  Status revoke(std::string_view user_id, std::string_view id);
  Status mark_used(std::string_view id, TimePoint at);

 private:
  Database& db_;
};

// When a key is locked: after `free_failures` consecutive failures each further one
// locks the key for base_lock * 2^(failures - free_failures), at most max_lock.
// Failures older than `window` (and not locked) start counting from zero again.
struct ThrottlePolicy {
  std::int64_t free_failures = 5;
  std::chrono::seconds base_lock{60};
  std::chrono::seconds max_lock{3600};
  std::chrono::seconds window{900};
};

class ThrottleRepository {
 public:
  explicit ThrottleRepository(Database& db) : db_(db) {}
  // The state of `key`; a key never seen has zero failures and no lock.
  Result<LoginThrottle> get(std::string_view key);
  // Counts one failure at `now` atomically and returns the new state.
  Result<LoginThrottle> record_failure(std::string_view key, TimePoint now, const ThrottlePolicy& policy = {});
  Status clear(std::string_view key);  // after a successful login

 private:
  Database& db_;
};

}  // namespace bd::storage
