// AuthService: personal API tokens, password change and the CLI's user lookup.
#include <spdlog/spdlog.h>

#include <utility>

#include "service/auth_service.h"
#include "service/password.h"
#include "service/text.h"
#include "storage/account_repositories.h"
#include "storage/database.h"

namespace bd::service {
namespace {

constexpr std::string_view kApiTokenPrefix = "bd_";  // recognisable in secret scanners
constexpr std::size_t kMaxTokenNameChars = 100;

ApiTokenInfo info_of(const storage::ApiToken& token) {
  return ApiTokenInfo{token.id, token.name, token.created_at, token.last_used_at.value_or(TimePoint{})};
}

Error invalid_token() { return Error::unauthorized("Ongeldige of ingetrokken API-sleutel."); }

}  // namespace

Result<CreatedApiToken> AuthService::create_api_token(const Actor& actor, std::string_view name) {
  if (actor.user_id.empty()) return Error::forbidden("Alleen een gebruiker kan een API-sleutel aanmaken.");
  auto label = trim(name);
  if (label.empty() || utf8_length(label) > kMaxTokenNameChars || !is_clean_text(label, false)) {
    return Error::invalid("name", "Geef de API-sleutel een naam van 1 tot 100 tekens.");
  }
  CreatedApiToken created;
  created.plaintext = std::string(kApiTokenPrefix) + random_token();
  storage::ApiToken token;
  token.user_id = actor.user_id;
  token.name = label;
  token.token_hash = token_hash(created.plaintext);
  token.created_at = clock_.now();
  BD_ASSIGN_OR_RETURN(auto stored, db_.api_tokens().create(std::move(token)));
  created.info = info_of(stored);
  spdlog::info("api token {} created by user {}", stored.id, actor.user_id);
  return created;
}

Result<std::vector<ApiTokenInfo>> AuthService::list_api_tokens(const Actor& actor) {
  if (actor.user_id.empty()) return std::vector<ApiTokenInfo>{};
  BD_ASSIGN_OR_RETURN(auto tokens, db_.api_tokens().list_for_user(actor.user_id));
  std::vector<ApiTokenInfo> out;
  for (const auto& t : tokens) {
    if (!t.revoked) out.push_back(info_of(t));
  }
  return out;
}

Status AuthService::revoke_api_token(const Actor& actor, std::string_view token_id) {
  if (actor.user_id.empty()) return Error::not_found("API-sleutel niet gevonden.");
  auto status = db_.api_tokens().revoke(actor.user_id, token_id);
  if (!status.ok() && status.error().kind == ErrorKind::kNotFound) return Error::not_found("API-sleutel niet gevonden.");
  if (status.ok()) spdlog::info("api token {} revoked by user {}", token_id, actor.user_id);
  return status;
}

Result<Actor> AuthService::authenticate_bearer(std::string_view token) {
  if (token.size() < kApiTokenPrefix.size() || token.substr(0, kApiTokenPrefix.size()) != kApiTokenPrefix) {
    return invalid_token();
  }
  auto stored = db_.api_tokens().find_active_by_hash(token_hash(token));
  if (!stored.ok()) {
    if (stored.error().kind == ErrorKind::kNotFound) return invalid_token();
    return std::move(stored).error();
  }
  auto actor = load_actor(stored->user_id);
  if (!actor.ok()) {
    if (actor.error().kind == ErrorKind::kUnauthorized) return invalid_token();
    return actor;
  }
  auto now = clock_.now();
  if (!stored->last_used_at || now - *stored->last_used_at >= options_.touch_interval) {
    BD_TRY(db_.api_tokens().mark_used(stored->id, now));
  }
  return actor;
}

Status AuthService::change_own_password(const Actor& actor, std::string_view current, std::string_view next) {
  if (actor.user_id.empty()) return Error::forbidden("Alleen een gebruiker heeft een wachtwoord.");
  BD_ASSIGN_OR_RETURN(auto user, db_.users().get(actor.user_id));
  if (!verify_password(user.password_hash, current)) {
    return Error{ErrorKind::kUnauthorized, "Het huidige wachtwoord is onjuist.", "current_password", {}};
  }
  BD_TRY(check_password_rules(next, user.email));
  BD_ASSIGN_OR_RETURN(auto hash, hash_password(next, options_.pwhash_opslimit, options_.pwhash_memlimit));
  auto saved = db_.transaction([&]() -> Status {
    BD_TRY(db_.users().set_password_hash(user.id, hash));
    return end_sessions_of(user.id);
  });
  BD_TRY(saved);
  spdlog::info("password changed by user {}", user.id);
  return {};
}

Result<Actor> AuthService::actor_by_email(const Actor& operator_actor, std::string_view email) {
  if (!operator_actor.user_id.empty() || !operator_actor.global_admin) {
    return Error::forbidden("Alleen de beheerder van het systeem mag dit.");
  }
  auto user = db_.users().find_by_email(to_lower_ascii(trim(email)));
  if (!user.ok()) {
    if (user.error().kind == ErrorKind::kNotFound) return Error::not_found("Geen gebruiker met dit e-mailadres.");
    return std::move(user).error();
  }
  if (user->disabled) return Error::conflict("Deze gebruiker is uitgeschakeld.");
  return load_actor(user->id);
}

}  // namespace bd::service
