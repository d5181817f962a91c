#include "service_fixture.h"

namespace bd::service::testing {
namespace {

using std::chrono::minutes;
using std::chrono::hours;

class AuthTest : public ServiceTest {};

TEST_P(AuthTest, LoginWithTheRightPasswordOpensASession) {
  auto login = svc().auth().login("Admin@Eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok()) << login.error().message;
  EXPECT_EQ(login->actor.user_id, admin_.user_id);
  EXPECT_EQ(login->actor.role, Role::kAdmin);
  EXPECT_TRUE(login->actor.global_admin);  // admin of the first organisation
  EXPECT_EQ(login->session_token.size(), 43u);
  EXPECT_NE(login->session_token, login->csrf_token);

  auto session = svc().auth().authenticate_session(login->session_token);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->actor.user_id, admin_.user_id);
  EXPECT_TRUE(AuthService::check_csrf(*session, login->csrf_token));
  EXPECT_FALSE(AuthService::check_csrf(*session, "forged"));
  EXPECT_FALSE(AuthService::check_csrf(*session, ""));
}

TEST_P(AuthTest, WrongPasswordAndUnknownEmailLookTheSame) {
  auto wrong = svc().auth().login("admin@eerste.example", "not the password", "192.0.2.1");
  auto unknown = svc().auth().login("nobody@eerste.example", kPassword, "192.0.2.1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().kind, ErrorKind::kUnauthorized);
  EXPECT_EQ(unknown.error().kind, ErrorKind::kUnauthorized);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(wrong.error().message, "E-mailadres of wachtwoord onjuist.");
}

TEST_P(AuthTest, LocksOutAfterFiveFailuresAndBacksOff) {
  for (int i = 1; i <= 4; ++i) {
    auto r = svc().auth().login("admin@eerste.example", "wrong password!", "192.0.2.1");
    ASSERT_EQ(r.error().kind, ErrorKind::kUnauthorized) << i;
  }
  auto fifth = svc().auth().login("admin@eerste.example", "wrong password!", "192.0.2.1");
  ASSERT_EQ(fifth.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(fifth.error().message.find("15 minuten"), std::string::npos) << fifth.error().message;
  // Locked: even the right password is refused, from another address too.
  auto locked = svc().auth().login("admin@eerste.example", kPassword, "198.51.100.7");
  EXPECT_EQ(locked.error().kind, ErrorKind::kUnavailable);

  clock_.advance(minutes(16));
  // One more failure after the lock: the lock doubles (exponential backoff).
  auto sixth = svc().auth().login("admin@eerste.example", "wrong password!", "192.0.2.1");
  ASSERT_EQ(sixth.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(sixth.error().message.find("30 minuten"), std::string::npos) << sixth.error().message;
  clock_.advance(minutes(31));
  auto ok = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  // Success clears the count: four new failures do not lock again.
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(svc().auth().login("admin@eerste.example", "wrong password!", "192.0.2.1").error().kind,
              ErrorKind::kUnauthorized);
  }
}

TEST_P(AuthTest, ThrottlesOneAddressTryingManyAccounts) {
  for (int i = 0; i < 19; ++i) {
    auto r = svc().auth().login("user" + std::to_string(i) + "@eerste.example", "wrong password!", "203.0.113.9");
    ASSERT_EQ(r.error().kind, ErrorKind::kUnauthorized) << i;
  }
  auto twentieth = svc().auth().login("another@eerste.example", "wrong password!", "203.0.113.9");
  EXPECT_EQ(twentieth.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(svc().auth().login("admin@eerste.example", kPassword, "203.0.113.9").error().kind,
            ErrorKind::kUnavailable);
  EXPECT_TRUE(svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1").ok());
}

TEST_P(AuthTest, SessionEndsAfterThirtyIdleMinutes) {
  auto login = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  clock_.advance(minutes(29));
  ASSERT_TRUE(svc().auth().authenticate_session(login->session_token).ok());  // touches
  clock_.advance(minutes(29));
  ASSERT_TRUE(svc().auth().authenticate_session(login->session_token).ok());
  clock_.advance(minutes(31));
  auto idle = svc().auth().authenticate_session(login->session_token);
  ASSERT_FALSE(idle.ok());
  EXPECT_EQ(idle.error().kind, ErrorKind::kUnauthorized);
}

TEST_P(AuthTest, SessionEndsTwelveHoursAfterLoginWhateverHappens) {
  auto login = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  for (int i = 0; i < 35; ++i) {  // active every 20 minutes for 11h40
    clock_.advance(minutes(20));
    ASSERT_TRUE(svc().auth().authenticate_session(login->session_token).ok()) << i;
  }
  clock_.advance(minutes(20));  // 12h00
  EXPECT_EQ(svc().auth().authenticate_session(login->session_token).error().kind, ErrorKind::kUnauthorized);
}

TEST_P(AuthTest, LogoutEndsTheSession) {
  auto login = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(svc().auth().logout(login->session_token).ok());
  EXPECT_FALSE(svc().auth().authenticate_session(login->session_token).ok());
  EXPECT_TRUE(svc().auth().logout(login->session_token).ok());  // idempotent
  EXPECT_FALSE(svc().auth().authenticate_session("").ok());
  EXPECT_FALSE(svc().auth().authenticate_session("made-up").ok());
}

TEST_P(AuthTest, ApiTokensAuthenticateAndAreStoredOnlyHashed) {
  auto token = svc().auth().create_api_token(admin_, "export script");
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token->plaintext.rfind("bd_", 0), 0u);
  auto actor = svc().auth().authenticate_bearer(token->plaintext);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->user_id, admin_.user_id);
  auto login = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());

  auto bytes = sqlite_bytes();
  if (GetParam() == Backend::kSqlite) {
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find(token->plaintext), std::string::npos);
    EXPECT_EQ(bytes.find(token->plaintext.substr(3)), std::string::npos);
    EXPECT_EQ(bytes.find(login->session_token), std::string::npos);
    EXPECT_EQ(bytes.find(kPassword), std::string::npos);
  }

  auto list = svc().auth().list_api_tokens(admin_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, "export script");
  ASSERT_TRUE(svc().auth().revoke_api_token(admin_, token->info.id).ok());
  EXPECT_EQ(svc().auth().authenticate_bearer(token->plaintext).error().kind, ErrorKind::kUnauthorized);
  EXPECT_EQ(svc().auth().authenticate_bearer("bd_nonsense").error().kind, ErrorKind::kUnauthorized);
}

TEST_P(AuthTest, AnotherUsersTokenCannotBeRevoked) {
  auto other = add_user(org_, "officer@eerste.example", Role::kPrivacyOfficer);
  auto token = svc().auth().create_api_token(other, "mine");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(svc().auth().revoke_api_token(admin_, token->info.id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(svc().auth().authenticate_bearer(token->plaintext).ok());
}

TEST_P(AuthTest, DisabledUserCannotLogInAndLosesSessionsAndTokens) {
  auto officer = add_user(org_, "officer@eerste.example", Role::kPrivacyOfficer);
  auto login = svc().auth().login("officer@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  auto token = svc().auth().create_api_token(officer, "t");
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(svc().users().set_disabled(admin_, officer.user_id, true).ok());
  EXPECT_FALSE(svc().auth().authenticate_session(login->session_token).ok());
  EXPECT_FALSE(svc().auth().authenticate_bearer(token->plaintext).ok());
  auto again = svc().auth().login("officer@eerste.example", kPassword, "192.0.2.1");
  EXPECT_EQ(again.error().kind, ErrorKind::kUnauthorized);
}

TEST_P(AuthTest, ChangingTheOwnPasswordChecksTheCurrentOneAndTheRules) {
  auto login = svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(svc().auth().change_own_password(admin_, "wrong current pw", "a brand new password").error().kind,
            ErrorKind::kUnauthorized);
  EXPECT_EQ(svc().auth().change_own_password(admin_, kPassword, "short").error().kind, ErrorKind::kInvalidInput);
  ASSERT_TRUE(svc().auth().change_own_password(admin_, kPassword, "a brand new password").ok());
  EXPECT_FALSE(svc().auth().authenticate_session(login->session_token).ok());
  EXPECT_FALSE(svc().auth().login("admin@eerste.example", kPassword, "192.0.2.1").ok());
  EXPECT_TRUE(svc().auth().login("admin@eerste.example", "a brand new password", "192.0.2.1").ok());
}

BD_SERVICE_SUITE(AuthTest);

}  // namespace
}  // namespace bd::service::testing
