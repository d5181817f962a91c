// AuthService: logging in with e-mail and password, database-backed sessions with a
// CSRF token each, logout, and personal API tokens for `Authorization: Bearer`.
//
// Secrets: passwords are stored only as argon2id strings (libsodium crypto_pwhash_str);
// session and API tokens are 32 random bytes (base64url) handed out once and stored
// only as BLAKE2b hashes, so a copy of the database does not let anyone log in.
// Comparisons of secrets are constant-time.
//
// Throttling: failed logins are counted per e-mail and per remote address (keys are
// hashed, so the throttle table holds no addresses). After `max_failures` consecutive
// failures of an e-mail (`max_failures_per_remote` of an address) the key is locked
// for `lockout`, and every further failure doubles the lock (exponential backoff, at
// most `lockout_cap`). While locked, login answers kUnavailable with a message saying
// how long to wait, without checking the password. A success clears the e-mail's count.
//
// Thread-safety: safe for concurrent use (state lives in the database). Password
// hashing takes tens of milliseconds by design: call from a worker thread, never from
// an I/O thread. Failures: kUnauthorized for bad credentials/expired sessions,
// kUnavailable while locked or when the database is down.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "service/actor.h"
#include "storage/records.h"

namespace bd::storage {
class Database;
}

namespace bd::service {

struct AuthOptions {
  std::chrono::seconds idle_timeout{30 * 60};        // session ends after this long unused
  std::chrono::seconds absolute_timeout{12 * 3600};  // and this long after login, whatever happens
  std::chrono::seconds touch_interval{60};           // last_seen is written at most this often
  int max_failures = 5;                              // failures of one e-mail before the lockout
  int max_failures_per_remote = 20;                  // failures from one address before its lockout
  std::chrono::seconds lockout{15 * 60};             // first lock; doubles with each further failure
  std::chrono::seconds lockout_cap{24 * 3600};
  std::chrono::seconds failure_window{3600};         // older failures are forgotten
  // argon2id cost; defaults are libsodium's "interactive" limits. Tests use the minimum
  // (crypto_pwhash_OPSLIMIT_MIN / MEMLIMIT_MIN) to stay fast.
  unsigned long long pwhash_opslimit = 2;
  std::size_t pwhash_memlimit = 64u * 1024u * 1024u;
};

struct LoginResult {
  std::string session_token;  // put in the session cookie (HttpOnly, Secure, SameSite=Lax)
  std::string csrf_token;     // embed in every form of this session
  Actor actor;
  TimePoint expires_at{};     // the absolute expiry
};

struct SessionContext {
  Actor actor;
  std::string csrf_token;
  std::string session_id;     // opaque id (not the token), for logs and "other sessions"
};

struct ApiTokenInfo {
  std::string id;
  std::string name;
  TimePoint created_at{};
  TimePoint last_used_at{};   // epoch when never used
};

struct CreatedApiToken {
  ApiTokenInfo info;
  std::string plaintext;      // shown once; only its hash is stored
};

class AuthService {
 public:
  AuthService(storage::Database& db, const Clock& clock, AuthOptions options);

  // Errors: kUnauthorized "E-mailadres of wachtwoord onjuist." (never says which, also
  // for disabled users); kUnavailable "Te veel mislukte pogingen; probeer het over N
  // minuten opnieuw." while throttled. `remote` is the client address (for throttling).
  Result<LoginResult> login(std::string_view email, std::string_view password, std::string_view remote);

  // The session behind a cookie value. kUnauthorized when unknown, idle or expired
  // (an expired session is deleted). Refreshes last_seen at most every touch_interval.
  Result<SessionContext> authenticate_session(std::string_view session_token);

  // Constant-time comparison of a submitted CSRF token with the session's.
  static bool check_csrf(const SessionContext& session, std::string_view submitted);

  // Deletes the session. Unknown tokens are not an error (logout is idempotent).
  Status logout(std::string_view session_token);

  // Ends every session of a user (after a password change or when disabled).
  Status end_sessions_of(std::string_view user_id);

  // Personal API tokens of the actor itself.
  Result<CreatedApiToken> create_api_token(const Actor& actor, std::string_view name);
  Result<std::vector<ApiTokenInfo>> list_api_tokens(const Actor& actor);
  Status revoke_api_token(const Actor& actor, std::string_view token_id);  // kNotFound if not the actor's

  // The user behind `Authorization: Bearer <token>`. kUnauthorized when unknown,
  // revoked or the user is disabled.
  Result<Actor> authenticate_bearer(std::string_view token);

  // Changes the actor's own password after checking the current one (kUnauthorized when
  // wrong). Ends every session of the actor, so the caller must log in again.
  // kInvalidInput when the new password breaks the rules.
  Status change_own_password(const Actor& actor, std::string_view current, std::string_view next);

  // The Actor of the user with this e-mail, for the CLI (`token create --email`). Only
  // the system actor (system_actor(), no user id) may ask; kNotFound when unknown.
  Result<Actor> actor_by_email(const Actor& operator_actor, std::string_view email);

  const AuthOptions& options() const { return options_; }

 private:
  storage::Database& db_;
  const Clock& clock_;
  AuthOptions options_;
  std::string dummy_hash_;  // verified against when the e-mail is unknown (equal timing)

  Result<Actor> load_actor(std::string_view user_id);
  Status check_not_locked(std::string_view key);
  Error record_failure(std::string_view key, int max_failures);
  Result<LoginResult> open_session(const Actor& actor, std::string_view remote);
};

// The Actor of a stored user (role token checked). kInternal for an unknown role.
Result<Actor> actor_from_user(const storage::User& user);

}  // namespace bd::service
