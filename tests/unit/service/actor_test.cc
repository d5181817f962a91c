#include "service/actor.h"

#include <gtest/gtest.h>

namespace bd::service {
namespace {

TEST(Role, TokensRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kPrivacyOfficer, Role::kReporter, Role::kAuditor}) {
    auto back = role_from_token(to_token(r));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, r);
  }
  EXPECT_EQ(to_token(Role::kPrivacyOfficer), "privacy_officer");
  EXPECT_FALSE(role_from_token("Admin").has_value());
  EXPECT_FALSE(role_from_token("").has_value());
}

TEST(Role, Permissions) {
  Actor a;
  a.role = Role::kAdmin;
  EXPECT_TRUE(can_admin(a) && can_edit(a) && can_read_all(a) && can_report(a));
  a.role = Role::kPrivacyOfficer;
  EXPECT_TRUE(!can_admin(a) && can_edit(a) && can_read_all(a) && can_report(a));
  a.role = Role::kReporter;
  EXPECT_TRUE(!can_admin(a) && !can_edit(a) && !can_read_all(a) && can_report(a) && !can_export(a));
  a.role = Role::kAuditor;
  EXPECT_TRUE(!can_admin(a) && !can_edit(a) && can_read_all(a) && !can_report(a) && can_export(a));
}

TEST(Role, SystemActorIsGlobalAdmin) {
  auto s = system_actor("org1");
  EXPECT_EQ(s.organisation_id, "org1");
  EXPECT_TRUE(s.global_admin);
  EXPECT_TRUE(can_admin(s));
  EXPECT_TRUE(s.user_id.empty());
}

}  // namespace
}  // namespace bd::service
