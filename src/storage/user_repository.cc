// Organisations and users.
#include <soci/soci.h>

#include "storage/account_repositories.h"
#include "storage/database.h"
#include "storage/field_cipher.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

struct OrgRow {
  std::string id, name, kvk, kind;
  long long created_at = 0;
};

Result<Organisation> to_organisation(const OrgRow& r) {
  auto kind = organisation_kind_from_token(r.kind);
  if (!kind) return Error::internal("stored organisation has an unknown kind: " + r.kind);
  return Organisation{r.id, r.name, r.kvk, *kind, from_column(r.created_at)};
}

constexpr const char* kOrgColumns = "SELECT id, name, kvk, kind, created_at FROM organisations";

soci::details::prepare_temp_type& into_org(soci::details::prepare_temp_type& p, OrgRow& r) {
  return (p, soci::into(r.id), soci::into(r.name), soci::into(r.kvk), soci::into(r.kind), soci::into(r.created_at));
}

}  // namespace

Result<Organisation> OrganisationRepository::create(Organisation org) {
  if (org.name.empty()) return Error::invalid("name", "the organisation needs a name");
  if (org.id.empty()) org.id = detail::new_id();
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("insert organisation", [&]() -> Result<Organisation> {
    std::string kind(to_token(org.kind));
    long long created = to_column(org.created_at);
    lease.session() << "INSERT INTO organisations (id, name, kvk, kind, created_at) VALUES (:id, :n, :k, :t, :c)",
        soci::use(org.id), soci::use(org.name), soci::use(org.kvk), soci::use(kind), soci::use(created);
    return org;
  });
}

Result<Organisation> OrganisationRepository::get(std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("get organisation", [&]() -> Result<Organisation> {
    OrgRow r;
    std::string key(id);
    auto prep = lease.session().prepare << std::string(kOrgColumns) + " WHERE id = :id";
    soci::statement st = (into_org(prep, r), soci::use(key));
    st.execute();
    if (!st.fetch()) return Error::not_found("organisation not found");
    return to_organisation(r);
  });
}

Result<std::vector<Organisation>> OrganisationRepository::list() {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list organisations", [&]() -> Result<std::vector<Organisation>> {
    OrgRow r;
    auto prep = lease.session().prepare << std::string(kOrgColumns) + " ORDER BY name, id";
    soci::statement st = into_org(prep, r);
    st.execute();
    std::vector<Organisation> out;
    while (st.fetch()) {
      BD_ASSIGN_OR_RETURN(Organisation o, to_organisation(r));
      out.push_back(std::move(o));
    }
    return out;
  });
}

Status OrganisationRepository::update(const Organisation& org) {
  if (org.name.empty()) return Error::invalid("name", "the organisation needs a name");
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("update organisation", [&]() -> Status {
    std::string kind(to_token(org.kind));
    soci::statement st = (lease.session().prepare << "UPDATE organisations SET name = :n, kvk = :k, kind = :t "
                                                     "WHERE id = :id",
                          soci::use(org.name), soci::use(org.kvk), soci::use(kind), soci::use(org.id));
    st.execute(true);
    if (st.get_affected_rows() == 0) return Error::not_found("organisation not found");
    return {};
  });
}

namespace {

struct UserRow {
  std::string id, organisation_id, email, display_name, role, password_hash, locale;
  int disabled = 0;
  long long created_at = 0;
};

constexpr const char* kUserColumns =
    "SELECT id, organisation_id, email, display_name, role, password_hash, locale, disabled, created_at FROM users";

soci::details::prepare_temp_type& into_user(soci::details::prepare_temp_type& p, UserRow& r) {
  return (p, soci::into(r.id), soci::into(r.organisation_id), soci::into(r.email), soci::into(r.display_name),
          soci::into(r.role), soci::into(r.password_hash), soci::into(r.locale), soci::into(r.disabled),
          soci::into(r.created_at));
}

Result<User> to_user(const UserRow& r, const FieldCipher& cipher) {
  User u{r.id, r.organisation_id, {}, {}, r.role, r.password_hash, r.locale, r.disabled != 0, from_column(r.created_at)};
  BD_ASSIGN_OR_RETURN(u.email, cipher.open(PersonalField::kUserEmail, r.email));
  BD_ASSIGN_OR_RETURN(u.display_name, cipher.open(PersonalField::kUserName, r.display_name));
  return u;
}

std::string email_key(const FieldCipher& cipher, std::string_view email) {
  return cipher.blind_index(PersonalField::kUserEmail, detail::fold_case(email));
}

Status check_user(const User& u) {
  if (u.organisation_id.empty()) return Error::invalid("organisation_id", "the user needs an organisation");
  if (u.email.empty() || u.email.find('@') == std::string::npos) {
    return Error::invalid("email", "a valid e-mail address is required");
  }
  if (u.role.empty()) return Error::invalid("role", "the user needs a role");
  return {};
}

// Runs a one-row user query (`where` with one :k parameter).
Result<User> query_user(Database& db, const std::string& where, const std::string& key) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db.lease());
  return guarded("get user", [&]() -> Result<User> {
    UserRow r;
    auto prep = lease.session().prepare << std::string(kUserColumns) + " WHERE " + where;
    soci::statement st = (into_user(prep, r), soci::use(key));
    st.execute();
    if (!st.fetch()) return Error::not_found("user not found");
    return to_user(r, db.cipher());
  });
}

}  // namespace

Result<User> UserRepository::create(User user) {
  BD_TRY(check_user(user));
  if (user.id.empty()) user.id = detail::new_id();
  const FieldCipher& cipher = db_.cipher();
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("insert user", [&]() -> Result<User> {
    std::string key = email_key(cipher, user.email);
    std::string email = cipher.seal(PersonalField::kUserEmail, user.email);
    std::string name = cipher.seal(PersonalField::kUserName, user.display_name);
    int disabled = user.disabled ? 1 : 0;
    long long created = to_column(user.created_at);
    lease.session() << "INSERT INTO users (id, organisation_id, email, email_key, display_name, role, "
                       "password_hash, locale, disabled, created_at) "
                       "VALUES (:id, :o, :e, :k, :n, :r, :p, :l, :d, :c)",
        soci::use(user.id), soci::use(user.organisation_id), soci::use(email), soci::use(key), soci::use(name),
        soci::use(user.role), soci::use(user.password_hash), soci::use(user.locale), soci::use(disabled),
        soci::use(created);
    return user;
  });
}

Result<User> UserRepository::get(std::string_view id) { return query_user(db_, "id = :k", std::string(id)); }

Result<User> UserRepository::find_by_email(std::string_view email) {
  return query_user(db_, "email_key = :k", email_key(db_.cipher(), email));
}

Result<std::vector<User>> UserRepository::list_by_organisation(std::string_view organisation_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list users", [&]() -> Result<std::vector<User>> {
    UserRow r;
    std::string org(organisation_id);
    auto prep = lease.session().prepare << std::string(kUserColumns) +
                                               " WHERE organisation_id = :o ORDER BY email_key";
    soci::statement st = (into_user(prep, r), soci::use(org));
    st.execute();
    std::vector<User> out;
    while (st.fetch()) {
      BD_ASSIGN_OR_RETURN(User u, to_user(r, db_.cipher()));
      out.push_back(std::move(u));
    }
    return out;
  });
}

Status UserRepository::update(const User& user) {
  BD_TRY(check_user(user));
  const FieldCipher& cipher = db_.cipher();
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("update user", [&]() -> Status {
    std::string key = email_key(cipher, user.email);
    std::string email = cipher.seal(PersonalField::kUserEmail, user.email);
    std::string name = cipher.seal(PersonalField::kUserName, user.display_name);
    int disabled = user.disabled ? 1 : 0;
    soci::statement st = (lease.session().prepare << "UPDATE users SET email = :e, email_key = :k, display_name = :n, "
                                                     "role = :r, locale = :l, disabled = :d WHERE id = :id",
                          soci::use(email), soci::use(key), soci::use(name), soci::use(user.role),
                          soci::use(user.locale), soci::use(disabled), soci::use(user.id));
    st.execute(true);
    if (st.get_affected_rows() == 0) return Error::not_found("user not found");
    return {};
  });
}

Status UserRepository::set_password_hash(std::string_view user_id, std::string_view password_hash) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("set password", [&]() -> Status {
    std::string id(user_id);
    std::string hash(password_hash);
    soci::statement st = (lease.session().prepare << "UPDATE users SET password_hash = :p WHERE id = :id",
                          soci::use(hash), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) return Error::not_found("user not found");
    return {};
  });
}

Result<std::int64_t> UserRepository::count() {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("count users", [&]() -> Result<std::int64_t> {
    long long n = 0;
    lease.session() << "SELECT COUNT(*) FROM users", soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace bd::storage
