#include <algorithm>

#include "service/bootstrap.h"
#include "service/demo.h"
#include "service_fixture.h"

namespace bd::service::testing {
namespace {

class UsersTest : public ServiceTest {};

TEST_P(UsersTest, AdminAddsUsersWithGeneratedOrGivenPasswords) {
  NewUser u;
  u.email = " Nieuw@Eerste.example ";
  u.role = Role::kPrivacyOfficer;
  auto created = svc().users().add(admin_, u);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->user.email, "nieuw@eerste.example");
  EXPECT_EQ(created->user.organisation_id, org_);
  ASSERT_EQ(created->generated_password.size(), 20u);
  EXPECT_TRUE(svc().auth().login("nieuw@eerste.example", created->generated_password, "192.0.2.1").ok());

  u.email = "nieuw@eerste.example";
  EXPECT_EQ(svc().users().add(admin_, u).error().kind, ErrorKind::kConflict);
  u.email = "not-an-address";
  EXPECT_EQ(svc().users().add(admin_, u).error().field, "email");
  u.email = "kort@eerste.example";
  u.password = "te kort";
  EXPECT_EQ(svc().users().add(admin_, u).error().field, "password");
}

TEST_P(UsersTest, OnlyAdminsManageUsersAndOnlyInTheirOrganisation) {
  auto officer = add_user(org_, "officer@eerste.example", Role::kPrivacyOfficer);
  NewUser u;
  u.email = "x@eerste.example";
  EXPECT_EQ(svc().users().add(officer, u).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(svc().users().list(officer).error().kind, ErrorKind::kForbidden);

  auto other_org = add_org("Tweede");
  auto other_admin = add_user(other_org, "admin@tweede.example", Role::kAdmin);
  EXPECT_FALSE(other_admin.global_admin);
  EXPECT_EQ(svc().users().get(other_admin, officer.user_id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(svc().users().set_disabled(other_admin, officer.user_id, true).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(svc().users().list(other_admin, org_).error().kind, ErrorKind::kNotFound);
  auto own = svc().users().list(other_admin);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->size(), 1u);
  // The first organisation's admin manages every organisation.
  auto login = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  EXPECT_TRUE(login->actor.global_admin);
  EXPECT_TRUE(svc().users().list(login->actor, other_org).ok());
  EXPECT_EQ(svc().organisations().create(other_admin, "Derde").error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(svc().organisations().create(login->actor, "Derde").ok());
}

TEST_P(UsersTest, AnOrganisationKeepsAnActiveAdmin) {
  EXPECT_EQ(svc().users().set_disabled(admin_, admin_.user_id, true).error().kind, ErrorKind::kConflict);
  EXPECT_EQ(svc().users().change_role(admin_, admin_.user_id, Role::kAuditor).error().kind, ErrorKind::kConflict);
  auto second = add_user(org_, "admin2@eerste.example", Role::kAdmin);
  ASSERT_TRUE(svc().users().change_role(second, admin_.user_id, Role::kAuditor).ok());
  // admin_ is an auditor now; `second` is the last admin and cannot be demoted by the system either.
  EXPECT_EQ(svc().users().change_role(system_actor(org_), second.user_id, Role::kReporter).error().kind,
            ErrorKind::kConflict);
  auto users = svc().users().list(second);
  ASSERT_TRUE(users.ok());
  for (const auto& u : *users) {
    if (u.id == admin_.user_id) {
      EXPECT_EQ(u.role, Role::kAuditor);
    }
  }
}

TEST_P(UsersTest, ResetPasswordEndsSessions) {
  auto officer = add_user(org_, "officer@eerste.example", Role::kPrivacyOfficer);
  auto login = svc().auth().login("officer@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  auto generated = svc().users().reset_password(admin_, officer.user_id, "");
  ASSERT_TRUE(generated.ok());
  EXPECT_EQ(generated->size(), 20u);
  EXPECT_FALSE(svc().auth().authenticate_session(login->session_token).ok());
  EXPECT_TRUE(svc().auth().login("officer@eerste.example", *generated, "192.0.2.1").ok());
  EXPECT_EQ(svc().users().reset_password(officer, admin_.user_id, "").error().kind, ErrorKind::kForbidden);
}

class FirstStartTest : public ServiceTest {};

TEST_P(FirstStartTest, FirstAdminOnlyWhenThereAreNoUsers) {
  auto none = ensure_first_admin(svc());
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());  // the fixture already has an admin
}

TEST_P(FirstStartTest, DemoLoadsTheSeedsOnceAndTheOfficersCanLogIn) {
  auto demo = load_demo_data(svc());
  ASSERT_TRUE(demo.ok()) << demo.error().message << " " << demo.error().field << " " << demo.error().detail;
  ASSERT_TRUE(demo->created);
  ASSERT_EQ(demo->credentials.size(), 3u);
  auto again = load_demo_data(svc());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  auto orgs = svc().organisations().list(system_actor());
  ASSERT_TRUE(orgs.ok());
  EXPECT_EQ(orgs->size(), 4u);

  auto stmg = svc().auth().login(demo->credentials[0].email, demo->credentials[0].password, "192.0.2.1");
  ASSERT_TRUE(stmg.ok());
  auto page = svc().breaches().list(stmg->actor, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  auto breach = svc().breaches().get(stmg->actor, page->items[0].id);
  ASSERT_TRUE(breach.ok());
  EXPECT_EQ(breach->status, model::BreachStatus::kSubjectsInformed);
  EXPECT_EQ(std::get<std::string>(breach->answers.at("followup.informed_at")), "2018-04-13");
  auto general = std::get<std::vector<std::string>>(breach->answers.at("data.general"));
  EXPECT_NE(std::find(general.begin(), general.end(), "bsn"), general.end());

  auto customer = svc().auth().login(demo->credentials[2].email, demo->credentials[2].password, "192.0.2.1");
  ASSERT_TRUE(customer.ok());
  auto drafts = svc().breaches().list(customer->actor, {});
  ASSERT_TRUE(drafts.ok());
  ASSERT_EQ(drafts->total, 1);
  auto draft = svc().breaches().get(customer->actor, drafts->items[0].id);
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(std::get<std::string>(draft->answers.at("time.start")), "2021-04-16");
  EXPECT_EQ(draft->answers.count("data.general"), 0u);  // left to the customer
  EXPECT_EQ(draft->answers.count("subjects.count"), 0u);
}

BD_SERVICE_SUITE(UsersTest);
BD_SERVICE_SUITE(FirstStartTest);

}  // namespace
}  // namespace bd::service::testing
