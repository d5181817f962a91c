// UserService: the users of an organisation — list, add with a role, disable or
// re-enable, change role, set a password. Admin only, and only within the admin's own
// organisation (a user of another organisation is kNotFound). The global admin (of
// the first organisation) may manage users of any organisation.
//
// Guard rails: an admin cannot disable or demote itself, and an organisation always
// keeps at least one enabled admin (kConflict otherwise). Every change is audited.
// Thread-safe; password hashing is slow (call from a worker thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "service/actor.h"
#include "service/auth_service.h"

namespace bd::storage {
class Database;
}

namespace bd::service {

struct User {
  std::string id;
  std::string organisation_id;
  std::string email;          // stored lower-case
  std::string display_name;
  Role role = Role::kReporter;
  std::string locale = "nl";
  bool disabled = false;
  TimePoint created_at{};
};

struct NewUser {
  std::string organisation_id;  // empty = the actor's organisation
  std::string email;
  std::string display_name;
  Role role = Role::kReporter;
  std::string locale = "nl";
  std::string password;         // empty = generate one and return it once
};

struct CreatedUser {
  User user;
  std::string generated_password;  // set only when NewUser::password was empty
};

class UserService {
 public:
  UserService(storage::Database& db, const Clock& clock, AuthService& auth, const AuthOptions& options);

  Result<std::vector<User>> list(const Actor& actor, std::string_view organisation_id = {});
  Result<User> get(const Actor& actor, std::string_view user_id);
  // kInvalidInput for a malformed e-mail or a password that breaks the rules;
  // kConflict when the e-mail is already in use (e-mails are unique system-wide).
  Result<CreatedUser> add(const Actor& actor, NewUser user);
  Status set_disabled(const Actor& actor, std::string_view user_id, bool disabled);
  Status change_role(const Actor& actor, std::string_view user_id, Role role);
  // Sets another user's password (empty = generate; the generated one is returned).
  Result<std::string> reset_password(const Actor& actor, std::string_view user_id, std::string_view password);
  Status set_locale(const Actor& actor, std::string_view locale);  // the actor's own

  // True when no user exists at all (first start).
  Result<bool> no_users_yet();

 private:
  storage::Database& db_;
  const Clock& clock_;
  AuthService& auth_;
  const AuthOptions& options_;
};

}  // namespace bd::service
