#include "service/auth_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "service/password.h"
#include "service/text.h"
#include "storage/account_repositories.h"
#include "storage/database.h"

namespace bd::service {
namespace {


Error bad_credentials() { return Error::unauthorized("E-mailadres of wachtwoord onjuist."); }
Error session_gone() { return Error::unauthorized("Uw sessie is verlopen; log opnieuw in."); }

// Throttle keys are hashed: the throttle table holds no e-mail or IP addresses.
std::string email_key(std::string_view email) { return "email:" + token_hash(to_lower_ascii(email)); }
std::string remote_key(std::string_view remote) { return "ip:" + token_hash(remote); }

Error locked_error(TimePoint until, TimePoint now) {
  auto seconds = std::max<long long>((until - now).count(), 1);
  auto minutes = (seconds + 59) / 60;
  return Error::unavailable("Te veel mislukte pogingen; probeer het over " + std::to_string(minutes) +
                            (minutes == 1 ? " minuut" : " minuten") + " opnieuw.");
}

// A storage "not found" is, for authentication, just "not logged in"; anything else
// (database down) passes through.
Error as_auth_error(Error e, Error replacement) {
  if (e.kind == ErrorKind::kNotFound) return replacement;
  return e;
}

}  // namespace

Result<Actor> actor_from_user(const storage::User& user) {
  auto role = role_from_token(user.role);
  if (!role) return Error::internal("user " + user.id + " has unknown role");
  Actor actor;
  actor.user_id = user.id;
  actor.organisation_id = user.organisation_id;
  actor.role = *role;
  actor.email = user.email;
  actor.display_name = user.display_name;
  actor.locale = user.locale == "en" ? "en" : "nl";
  return actor;
}

AuthService::AuthService(storage::Database& db, const Clock& clock, AuthOptions options)
    : db_(db), clock_(clock), options_(options) {
  auto dummy = hash_password(random_token(), options_.pwhash_opslimit, options_.pwhash_memlimit);
  if (dummy.ok()) dummy_hash_ = std::move(dummy).value();
}

Result<Actor> AuthService::load_actor(std::string_view user_id) {
  auto user = db_.users().get(user_id);
  if (!user.ok()) return as_auth_error(std::move(user).error(), session_gone());
  if (user->disabled) return session_gone();
  BD_ASSIGN_OR_RETURN(Actor actor, actor_from_user(*user));
  // The first organisation's admins manage the organisations.
  if (actor.role == Role::kAdmin) {
    auto orgs = db_.organisations().list();
    if (orgs.ok() && !orgs->empty()) {
      auto first = std::min_element(orgs->begin(), orgs->end(), [](const auto& a, const auto& b) {
        return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
      });
      actor.global_admin = first->id == actor.organisation_id;
    }
  }
  return actor;
}

Status AuthService::check_not_locked(std::string_view key) {
  BD_ASSIGN_OR_RETURN(auto state, db_.throttle().get(key));
  auto now = clock_.now();
  if (state.locked_until && *state.locked_until > now) return locked_error(*state.locked_until, now);
  return {};
}

Error AuthService::record_failure(std::string_view key, int max_failures) {
  storage::ThrottlePolicy policy;
  policy.free_failures = std::max(1, max_failures);  // storage locks at this count: the Nth failure locks
  policy.base_lock = options_.lockout;
  policy.max_lock = options_.lockout_cap;
  policy.window = options_.failure_window;
  auto now = clock_.now();
  auto state = db_.throttle().record_failure(key, now, policy);
  if (!state.ok()) return std::move(state).error();
  if (state->locked_until && *state->locked_until > now) return locked_error(*state->locked_until, now);
  return bad_credentials();
}

Result<LoginResult> AuthService::login(std::string_view email, std::string_view password, std::string_view remote) {
  auto ekey = email_key(email);
  auto rkey = remote_key(remote);
  BD_TRY(check_not_locked(ekey));
  BD_TRY(check_not_locked(rkey));

  auto user = db_.users().find_by_email(to_lower_ascii(email));
  if (!user.ok() && user.error().kind != ErrorKind::kNotFound) return std::move(user).error();
  bool known = user.ok() && !user->disabled && !user->password_hash.empty();
  // Verify even for an unknown user, so the answer time does not tell which e-mails exist.
  bool match = verify_password(known ? std::string_view(user->password_hash) : std::string_view(dummy_hash_),
                               password);
  if (!known || !match) {
    auto remote_error = record_failure(rkey, options_.max_failures_per_remote);
    auto email_error = record_failure(ekey, options_.max_failures);
    spdlog::info("login failed");
    if (email_error.kind != ErrorKind::kUnauthorized) return email_error;
    return remote_error;
  }
  BD_TRY(db_.throttle().clear(ekey));
  if (needs_rehash(user->password_hash, options_.pwhash_opslimit, options_.pwhash_memlimit)) {
    // The cost was raised since this hash was made: upgrade it now that we know the password.
    auto upgraded = hash_password(password, options_.pwhash_opslimit, options_.pwhash_memlimit);
    if (upgraded.ok()) (void)db_.users().set_password_hash(user->id, *upgraded);
  }
  BD_ASSIGN_OR_RETURN(Actor actor, load_actor(user->id));
  spdlog::info("login ok: user {}", actor.user_id);
  return open_session(actor, remote);
}

Result<LoginResult> AuthService::open_session(const Actor& actor, std::string_view remote) {
  auto now = clock_.now();
  LoginResult result;
  result.session_token = random_token();
  result.csrf_token = random_token();
  result.actor = actor;
  result.expires_at = now + options_.absolute_timeout;
  storage::Session session;
  session.token_hash = token_hash(result.session_token);
  session.user_id = actor.user_id;
  session.csrf_token = result.csrf_token;
  session.created_at = now;
  session.last_seen_at = now;
  session.expires_at = std::min(now + options_.idle_timeout, result.expires_at);
  session.remote = std::string(remote);
  BD_TRY(db_.sessions().create(session));
  return result;
}

Result<SessionContext> AuthService::authenticate_session(std::string_view session_token) {
  if (session_token.empty()) return session_gone();
  auto now = clock_.now();
  auto hash = token_hash(session_token);
  auto session = db_.sessions().find_active(hash, now);
  if (!session.ok()) return as_auth_error(std::move(session).error(), session_gone());
  auto absolute_end = session->created_at + options_.absolute_timeout;
  if (absolute_end <= now || session->last_seen_at + options_.idle_timeout <= now) {
    (void)db_.sessions().remove(hash);
    return session_gone();
  }
  auto actor = load_actor(session->user_id);
  if (!actor.ok()) {
    if (actor.error().kind == ErrorKind::kUnauthorized) (void)db_.sessions().remove(hash);
    return std::move(actor).error();
  }
  if (now - session->last_seen_at >= options_.touch_interval) {
    BD_TRY(db_.sessions().touch(hash, now, std::min(now + options_.idle_timeout, absolute_end)));
  }
  return SessionContext{std::move(actor).value(), session->csrf_token, hash.substr(0, 16)};
}

bool AuthService::check_csrf(const SessionContext& session, std::string_view submitted) {
  return !session.csrf_token.empty() && secure_equals(session.csrf_token, submitted);
}

Status AuthService::logout(std::string_view session_token) {
  if (session_token.empty()) return {};
  return db_.sessions().remove(token_hash(session_token));
}

Status AuthService::end_sessions_of(std::string_view user_id) {
  auto removed = db_.sessions().remove_for_user(user_id);
  if (!removed.ok()) return std::move(removed).error();
  return {};
}

}  // namespace bd::service
