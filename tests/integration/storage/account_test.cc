#include <gtest/gtest.h>

#include "storage/account_repositories.h"
#include "storage/records.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

class AccountTest : public StorageTest {
 protected:
  Organisation make_org(const std::string& name = "Zorggroep Oost") {
    auto org = db().organisations().create({"", name, "12345678", OrganisationKind::kController, at(1000)});
    EXPECT_TRUE(org.ok());
    return org.value();
  }
  User make_user(const std::string& org_id, const std::string& email) {
    User u{"", org_id, email, "Anna de Vries", "privacy_officer", "$argon2id$x", "nl", false, at(2000)};
    auto created = db().users().create(u);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().detail);
    return created.value();
  }
};

TEST_P(AccountTest, MigrationsAreIdempotent) {
  auto first = db().applied_migrations();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value(), Database::known_migrations());
  ASSERT_TRUE(db().migrate().ok());
  ASSERT_TRUE(db().migrate().ok());
  auto again = db().applied_migrations();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value(), first.value());
  // A second process opening the same database finds everything applied.
  auto other = open_database(url_);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(other.value()->migrate().ok());
}

TEST_P(AccountTest, OrganisationCrud) {
  Organisation org = make_org();
  EXPECT_EQ(org.id.size(), 32u);
  auto got = db().organisations().get(org.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "Zorggroep Oost");
  EXPECT_EQ(got->kind, OrganisationKind::kController);
  EXPECT_EQ(got->created_at, at(1000));
  org.name = "Verwerker B.V.";
  org.kind = OrganisationKind::kProcessor;
  ASSERT_TRUE(db().organisations().update(org).ok());
  EXPECT_EQ(db().organisations().get(org.id)->kind, OrganisationKind::kProcessor);
  make_org("Aa");
  auto all = db().organisations().list();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->front().name, "Aa");
  EXPECT_EQ(db().organisations().get("nope").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(db().organisations().create({"", "", "", OrganisationKind::kController, at(0)}).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(db().organisations().create({org.id, "Dup", "", OrganisationKind::kController, at(0)}).error().kind,
            ErrorKind::kConflict);
}

TEST_P(AccountTest, UserCrudAndCaseInsensitiveUniqueEmail) {
  Organisation org = make_org();
  User anna = make_user(org.id, "Anna@Example.NL");
  auto found = db().users().find_by_email("anna@example.nl");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, anna.id);
  EXPECT_EQ(found->email, "Anna@Example.NL");
  EXPECT_EQ(found->display_name, "Anna de Vries");
  EXPECT_EQ(found->role, "privacy_officer");

  User dup{"", org.id, "ANNA@example.nl", "Ander", "reporter", "", "en", false, at(3000)};
  auto conflict = db().users().create(dup);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(conflict.error().message.find("INSERT"), std::string::npos);  // no SQL for clients
  EXPECT_EQ(db().users().count().value(), 1);

  User orphan{"", "no-such-org", "x@example.nl", "X", "reporter", "", "nl", false, at(0)};
  EXPECT_EQ(db().users().create(orphan).error().kind, ErrorKind::kConflict);
  EXPECT_EQ(db().users().create({"", org.id, "not-an-address", "", "reporter", "", "nl", false, at(0)})
                .error()
                .kind,
            ErrorKind::kInvalidInput);

  anna.display_name = "Anna Jansen";
  anna.disabled = true;
  anna.locale = "en";
  ASSERT_TRUE(db().users().update(anna).ok());
  ASSERT_TRUE(db().users().set_password_hash(anna.id, "$argon2id$new").ok());
  auto got = db().users().get(anna.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->display_name, "Anna Jansen");
  EXPECT_TRUE(got->disabled);
  EXPECT_EQ(got->locale, "en");
  EXPECT_EQ(got->password_hash, "$argon2id$new");
  EXPECT_EQ(db().users().set_password_hash("ghost", "h").error().kind, ErrorKind::kNotFound);

  make_user(org.id, "bob@example.nl");
  auto list = db().users().list_by_organisation(org.id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).email, "Anna@Example.NL");
}

TEST_P(AccountTest, SessionsExpireAndArePurged) {
  Organisation org = make_org();
  User u = make_user(org.id, "s@example.nl");
  ASSERT_TRUE(db().sessions().create({"h1", u.id, "csrf1", at(100), at(100), at(200), "192.0.2.1"}).ok());
  ASSERT_TRUE(db().sessions().create({"h2", u.id, "csrf2", at(100), at(100), at(1000), "192.0.2.2"}).ok());
  EXPECT_EQ(db().sessions().create({"h1", u.id, "c", at(1), at(1), at(2), ""}).error().kind, ErrorKind::kConflict);

  auto s = db().sessions().find_active("h1", at(199));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->csrf_token, "csrf1");
  EXPECT_EQ(s->remote, "192.0.2.1");
  EXPECT_EQ(db().sessions().find_active("h1", at(200)).error().kind, ErrorKind::kNotFound);

  ASSERT_TRUE(db().sessions().touch("h1", at(150), at(500)).ok());
  EXPECT_TRUE(db().sessions().find_active("h1", at(400)).ok());
  EXPECT_EQ(db().sessions().touch("gone", at(1), at(2)).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(db().sessions().list_active_for_user(u.id, at(600)).value().size(), 1u);

  EXPECT_EQ(db().sessions().purge_expired(at(600)).value(), 1);
  EXPECT_EQ(db().sessions().find_active("h1", at(0)).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(db().sessions().remove("h2").ok());
  ASSERT_TRUE(db().sessions().remove("h2").ok());
  ASSERT_TRUE(db().sessions().create({"h3", u.id, "c3", at(1), at(1), at(9000), ""}).ok());
  EXPECT_EQ(db().sessions().remove_for_user(u.id).value(), 1);
}

TEST_P(AccountTest, ApiTokensAreFoundByHashUntilRevoked) {
  Organisation org = make_org();
  User u = make_user(org.id, "t@example.nl");
  User other = make_user(org.id, "o@example.nl");
  auto token = db().api_tokens().create({"", u.id, "export script", "hash-a", at(10), std::nullopt, false});
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(db().api_tokens().create({"", u.id, "dup", "hash-a", at(11), std::nullopt, false}).error().kind,
            ErrorKind::kConflict);
  auto found = db().api_tokens().find_active_by_hash("hash-a");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "export script");
  EXPECT_FALSE(found->last_used_at.has_value());
  ASSERT_TRUE(db().api_tokens().mark_used(token->id, at(50)).ok());
  EXPECT_EQ(db().api_tokens().find_active_by_hash("hash-a")->last_used_at, at(50));

  EXPECT_EQ(db().api_tokens().revoke(other.id, token->id).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(db().api_tokens().revoke(u.id, token->id).ok());
  EXPECT_EQ(db().api_tokens().find_active_by_hash("hash-a").error().kind, ErrorKind::kNotFound);
  auto list = db().api_tokens().list_for_user(u.id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE(list->front().revoked);
}

TEST_P(AccountTest, ThrottleLocksWithBackoffAndResets) {
  ThrottlePolicy policy;  // 5 free failures, 60 s doubling to 1 h, 15 min window
  auto& t = db().throttle();
  EXPECT_EQ(t.get("email:a").value().failures, 0);
  for (int i = 1; i <= 4; ++i) {
    auto state = t.record_failure("email:a", at(1000 + i), policy);
    ASSERT_TRUE(state.ok()) << state.error().detail;
    EXPECT_EQ(state->failures, i);
    EXPECT_FALSE(state->locked_until.has_value());
  }
  EXPECT_EQ(t.record_failure("email:a", at(1005), policy).value().locked_until, at(1005 + 60));
  EXPECT_EQ(t.record_failure("email:a", at(1006), policy).value().locked_until, at(1006 + 120));
  auto stored = t.get("email:a");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->failures, 6);
  EXPECT_EQ(stored->locked_until, at(1006 + 120));
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(t.record_failure("email:a", at(1010 + i), policy).ok());
  EXPECT_EQ(t.get("email:a").value().locked_until, at(1029 + 3600));  // capped

  // After the window, with no lock in force, counting starts again.
  EXPECT_EQ(t.record_failure("email:a", at(1029 + 3600 + 901), policy).value().failures, 1);
  ASSERT_TRUE(t.clear("email:a").ok());
  EXPECT_EQ(t.get("email:a").value().failures, 0);
}

BD_STORAGE_SUITE(AccountTest);

}  // namespace
}  // namespace bd::storage::testing
