// UserService: changes to existing users (disable, role, password, locale), with the
// guard rails that keep every organisation administrable.
#include <spdlog/spdlog.h>

#include <utility>

#include "service/password.h"
#include "service/user_service.h"
#include "storage/account_repositories.h"
#include "storage/database.h"

namespace bd::service {
namespace {

// Enabled admins of the organisation other than `except_user_id`.
Result<int> other_enabled_admins(storage::Database& db, std::string_view organisation_id,
                                 std::string_view except_user_id) {
  BD_ASSIGN_OR_RETURN(auto users, db.users().list_by_organisation(organisation_id));
  int n = 0;
  for (const auto& u : users) {
    if (u.id != except_user_id && !u.disabled && u.role == "admin") ++n;
  }
  return n;
}

Status keep_an_admin(storage::Database& db, const storage::User& user) {
  if (user.role != "admin" || user.disabled) return {};
  BD_ASSIGN_OR_RETURN(int others, other_enabled_admins(db, user.organisation_id, user.id));
  if (others == 0) return Error::conflict("Een organisatie houdt minstens één actieve beheerder.");
  return {};
}

}  // namespace

Status UserService::set_disabled(const Actor& actor, std::string_view user_id, bool disabled) {
  if (actor.user_id == user_id) return Error::conflict("U kunt uw eigen account niet uitschakelen.");
  BD_TRY(get(actor, user_id));  // role, scope and existence
  return db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(auto row, db_.users().get(user_id));
    if (row.disabled == disabled) return {};
    if (disabled) BD_TRY(keep_an_admin(db_, row));
    row.disabled = disabled;
    BD_TRY(db_.users().update(row));
    if (disabled) BD_TRY(auth_.end_sessions_of(row.id));
    spdlog::info("user {} {} by {}", row.id, disabled ? "disabled" : "enabled",
                 actor.user_id.empty() ? "cli" : actor.user_id);
    return {};
  });
}

Status UserService::change_role(const Actor& actor, std::string_view user_id, Role role) {
  if (actor.user_id == user_id && role != actor.role) {
    return Error::conflict("U kunt uw eigen rol niet wijzigen.");
  }
  BD_TRY(get(actor, user_id));
  return db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(auto row, db_.users().get(user_id));
    auto token = std::string(to_token(role));
    if (row.role == token) return {};
    BD_TRY(keep_an_admin(db_, row));
    row.role = token;
    BD_TRY(db_.users().update(row));
    // Sessions carry the role as read at each request, but end them so nothing cached survives.
    BD_TRY(auth_.end_sessions_of(row.id));
    spdlog::info("user {} role set to {} by {}", row.id, token, actor.user_id.empty() ? "cli" : actor.user_id);
    return {};
  });
}

Result<std::string> UserService::reset_password(const Actor& actor, std::string_view user_id,
                                                std::string_view password) {
  if (!can_admin(actor)) return Error::forbidden("Alleen een beheerder mag wachtwoorden herstellen.");
  BD_ASSIGN_OR_RETURN(auto user, get(actor, user_id));
  std::string generated;
  std::string chosen(password);
  if (chosen.empty()) {
    generated = generate_password();
    chosen = generated;
  }
  BD_TRY(check_password_rules(chosen, user.email));
  BD_ASSIGN_OR_RETURN(auto hash, hash_password(chosen, options_.pwhash_opslimit, options_.pwhash_memlimit));
  auto saved = db_.transaction([&]() -> Status {
    BD_TRY(db_.users().set_password_hash(user.id, hash));
    return auth_.end_sessions_of(user.id);
  });
  BD_TRY(saved);
  spdlog::info("password of user {} reset by {}", user.id, actor.user_id.empty() ? "cli" : actor.user_id);
  return generated;
}

Status UserService::set_locale(const Actor& actor, std::string_view locale) {
  if (locale != "nl" && locale != "en") return Error::invalid("locale", "Kies nl of en.");
  if (actor.user_id.empty()) return Error::forbidden("Alleen een gebruiker heeft een taal.");
  BD_ASSIGN_OR_RETURN(auto row, db_.users().get(actor.user_id));
  row.locale = std::string(locale);
  return db_.users().update(row);
}

}  // namespace bd::service
