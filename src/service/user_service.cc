#include "service/user_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "service/password.h"
#include "service/text.h"
#include "storage/account_repositories.h"
#include "storage/database.h"

namespace bd::service {
namespace {

constexpr std::size_t kMaxDisplayNameChars = 200;

Error user_not_found() { return Error::not_found("Gebruiker niet gevonden."); }

User to_user(const storage::User& u) {
  User user;
  user.id = u.id;
  user.organisation_id = u.organisation_id;
  user.email = u.email;
  user.display_name = u.display_name;
  user.role = role_from_token(u.role).value_or(Role::kReporter);
  user.locale = u.locale;
  user.disabled = u.disabled;
  user.created_at = u.created_at;
  return user;
}

Status require_admin(const Actor& actor) {
  if (!can_admin(actor)) return Error::forbidden("Alleen een beheerder mag gebruikers beheren.");
  return {};
}

// An admin manages its own organisation; the global admin every organisation.
bool in_scope(const Actor& actor, std::string_view organisation_id) {
  return actor.global_admin || actor.organisation_id == organisation_id;
}

}  // namespace

UserService::UserService(storage::Database& db, const Clock& clock, AuthService& auth, const AuthOptions& options)
    : db_(db), clock_(clock), auth_(auth), options_(options) {}

Result<std::vector<User>> UserService::list(const Actor& actor, std::string_view organisation_id) {
  BD_TRY(require_admin(actor));
  std::string org(organisation_id.empty() ? std::string_view(actor.organisation_id) : organisation_id);
  if (!in_scope(actor, org)) return Error::not_found("Organisatie niet gevonden.");
  BD_ASSIGN_OR_RETURN(auto rows, db_.users().list_by_organisation(org));
  std::vector<User> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(to_user(row));
  return out;
}

Result<User> UserService::get(const Actor& actor, std::string_view user_id) {
  if (actor.user_id != user_id) BD_TRY(require_admin(actor));
  auto row = db_.users().get(user_id);
  if (!row.ok()) {
    if (row.error().kind == ErrorKind::kNotFound) return user_not_found();
    return std::move(row).error();
  }
  if (!in_scope(actor, row->organisation_id)) return user_not_found();
  return to_user(*row);
}

Result<CreatedUser> UserService::add(const Actor& actor, NewUser input) {
  BD_TRY(require_admin(actor));
  if (input.organisation_id.empty()) input.organisation_id = actor.organisation_id;
  if (!in_scope(actor, input.organisation_id)) return Error::not_found("Organisatie niet gevonden.");
  auto email = to_lower_ascii(trim(input.email));
  if (!looks_like_email(email)) return Error::invalid("email", "Vul een geldig e-mailadres in.");
  auto name = trim(input.display_name);
  if (utf8_length(name) > kMaxDisplayNameChars || !is_clean_text(name, false)) {
    return Error::invalid("display_name", "De naam mag hoogstens 200 tekens lang zijn.");
  }
  if (input.locale != "nl" && input.locale != "en") return Error::invalid("locale", "Kies nl of en.");
  CreatedUser created;
  std::string password = input.password;
  if (password.empty()) {
    password = generate_password();
    created.generated_password = password;
  }
  BD_TRY(check_password_rules(password, email));
  BD_ASSIGN_OR_RETURN(auto hash, hash_password(password, options_.pwhash_opslimit, options_.pwhash_memlimit));
  storage::User row;
  row.organisation_id = input.organisation_id;
  row.email = email;
  row.display_name = name.empty() ? email : name;
  row.role = std::string(to_token(input.role));
  row.password_hash = std::move(hash);
  row.locale = input.locale;
  row.created_at = clock_.now();
  auto stored = db_.users().create(std::move(row));
  if (!stored.ok()) {
    if (stored.error().kind == ErrorKind::kConflict) {
      return Error{ErrorKind::kConflict, "Dit e-mailadres is al in gebruik.", "email", stored.error().detail};
    }
    return std::move(stored).error();
  }
  created.user = to_user(*stored);
  spdlog::info("user {} ({}) added by {}", stored->id, stored->role, actor.user_id.empty() ? "cli" : actor.user_id);
  return created;
}

Result<bool> UserService::no_users_yet() {
  BD_ASSIGN_OR_RETURN(auto n, db_.users().count());
  return n == 0;
}

}  // namespace bd::service
