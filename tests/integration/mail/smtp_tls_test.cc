// SmtpMailer's TLS and login against a real SMTP server (aiosmtpd) on loopback that
// offers STARTTLS with a certificate of a private CA and requires AUTH: delivery, and
// the refusals that keep mail and password off an unencrypted or untrusted line.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "notify/mail/smtp_mailer.h"
#include "support/smtp_test_server.h"

namespace bd::notify {
namespace {

using bd::testing::SmtpTestServer;

constexpr const char* kUser = "breachdesk";
constexpr const char* kPassword = "Zeer-Geheim-wachtwoord-42";

std::vector<std::string> tls_with_login() {
  return {"--starttls", "--auth", std::string(kUser) + ":" + kPassword};
}

MailMessage sample() {
  MailMessage m;
  m.message_id = "<tls1@breachdesk.test>";
  m.from = "privacy@zorg.example";
  m.to = {"fg@zorg.example"};
  m.subject = "Termijn AP-melding";
  m.text_body = "Nog 6 uur.\n";
  return m;
}

SmtpConfig login_config(const SmtpTestServer& server) {
  SmtpConfig c;
  c.url = server.url();
  c.starttls = StartTls::kRequired;
  c.username = kUser;
  c.password = kPassword;
  c.ca_file = server.ca_file();
  c.connect_timeout = std::chrono::milliseconds(2000);
  c.total_timeout = std::chrono::milliseconds(5000);
  return c;
}

int count_events(const SmtpTestServer& server, const std::string& prefix) {
  const auto events = server.events();
  return static_cast<int>(std::count_if(events.begin(), events.end(),
                                        [&](const std::string& e) { return e.rfind(prefix, 0) == 0; }));
}

void expect_no_password(const Error& e) {
  EXPECT_EQ(e.message.find(kPassword), std::string::npos);
  EXPECT_EQ(e.detail.find(kPassword), std::string::npos);
}

TEST(SmtpTls, DeliversOverStartTlsWithLoginAsTheRightUser) {
  SmtpTestServer server(tls_with_login());
  SmtpMailer mailer(login_config(server));
  auto st = mailer.send(sample());
  ASSERT_TRUE(st.ok()) << st.error().message << " / " << st.error().detail;
  ASSERT_EQ(server.messages().size(), 1u);
  const auto events = server.events();
  ASSERT_EQ(events.size(), 3u) << "AUTH, MAIL, DATA";
  EXPECT_TRUE(events[0] == "AUTH PLAIN breachdesk ok tls=1" || events[0] == "AUTH LOGIN breachdesk ok tls=1")
      << events[0];
  EXPECT_EQ(events[1], "MAIL tls=1 user=breachdesk");
  EXPECT_EQ(events[2], "DATA 0001 tls=1 user=breachdesk");
}

TEST(SmtpTls, WrongPasswordIsARefusedLoginNotARefusedMessage) {
  SmtpTestServer server(tls_with_login());
  SmtpConfig c = login_config(server);
  c.password = "Verkeerd-wachtwoord-7";
  SmtpMailer mailer(c);
  auto st = mailer.send(sample());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::kUnauthorized) << "retry later, do not give the message up";
  EXPECT_NE(st.error().message.find("refused the login"), std::string::npos) << st.error().message;
  EXPECT_EQ(st.error().message.find("Verkeerd"), std::string::npos);
  EXPECT_EQ(st.error().detail.find("Verkeerd"), std::string::npos);
  EXPECT_EQ(count_events(server, "AUTH"), 1);
  EXPECT_EQ(count_events(server, "MAIL"), 0);
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpTls, RequiredStartTlsNeverFallsBackToPlainText) {
  SmtpTestServer server;  // no STARTTLS on offer
  SmtpConfig c;
  c.url = server.url();
  c.starttls = StartTls::kRequired;
  c.connect_timeout = std::chrono::milliseconds(2000);
  c.total_timeout = std::chrono::milliseconds(5000);
  SmtpMailer mailer(c);
  auto st = mailer.send(sample());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(st.error().message.find("STARTTLS"), std::string::npos) << st.error().message;
  EXPECT_TRUE(server.events().empty()) << "not even MAIL FROM went out in plain text";
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpTls, AUserMeansTlsEvenWhenStartTlsIsOpportunistic) {
  // A misconfigured server: no STARTTLS, but AUTH offered in the clear.
  SmtpTestServer server({"--auth", std::string(kUser) + ":" + kPassword, "--auth-in-plaintext"});
  SmtpConfig c = login_config(server);
  c.starttls = StartTls::kOpportunistic;
  SmtpMailer mailer(c);
  auto st = mailer.send(sample());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::kUnavailable);
  expect_no_password(st.error());
  EXPECT_EQ(count_events(server, "AUTH"), 0) << "the password was never sent";
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpTls, OpportunisticUpgradesWhenOffered) {
  SmtpTestServer server({"--starttls"});
  SmtpConfig c;
  c.url = server.url();
  c.starttls = StartTls::kOpportunistic;
  c.ca_file = server.ca_file();
  c.total_timeout = std::chrono::milliseconds(5000);
  SmtpMailer mailer(c);
  ASSERT_TRUE(mailer.send(sample()).ok());
  EXPECT_EQ(count_events(server, "DATA 0001 tls=1"), 1);
}

TEST(SmtpTls, UntrustedCertificateIsRefusedBeforeLogin) {
  SmtpTestServer server(tls_with_login());
  SmtpTestServer other({"--starttls"});                             // a CA of its own
  for (const std::string& ca : {std::string(), other.ca_file()}) {  // the system's CAs; another CA
    for (StartTls mode : {StartTls::kRequired, StartTls::kOpportunistic}) {
      SmtpConfig c = login_config(server);
      c.ca_file = ca;
      c.starttls = mode;
      SmtpMailer mailer(c);
      auto st = mailer.send(sample());
      ASSERT_FALSE(st.ok()) << "CA '" << ca << "'";
      EXPECT_EQ(st.error().kind, ErrorKind::kUnavailable);
      EXPECT_NE(st.error().message.find("certificate is not trusted"), std::string::npos)
          << st.error().message;
      expect_no_password(st.error());
    }
  }
  EXPECT_TRUE(server.events().empty()) << "no AUTH, no MAIL";
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpTls, ImplicitTlsVerifiesTheCertificateToo) {
  SmtpTestServer server({"--smtps", "--auth", std::string(kUser) + ":" + kPassword});
  SmtpConfig c = login_config(server);
  c.url = "smtps://127.0.0.1:" + std::to_string(server.port());
  c.starttls = StartTls::kOff;  // has no say over smtps://
  c.ca_file.clear();
  auto refused = SmtpMailer(c).send(sample());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("certificate is not trusted"), std::string::npos);
  EXPECT_TRUE(server.events().empty());

  c.ca_file = server.ca_file();
  auto st = SmtpMailer(c).send(sample());
  ASSERT_TRUE(st.ok()) << st.error().detail;
  EXPECT_EQ(count_events(server, "DATA 0001 tls=1 user=breachdesk"), 1);
}

TEST(SmtpMailer, ReturnsWithinLongestSendWhenQuitIsNeverAnswered) {
  // The outbox sizes its claims by longest_send(); curl waits for the answer to QUIT
  // outside its total timeout, so the mailer must bound that wait too.
  SmtpTestServer server({"--stall-quit"});
  SmtpConfig c;
  c.url = server.url();
  c.starttls = StartTls::kOff;
  c.total_timeout = std::chrono::milliseconds(1000);
  SmtpMailer mailer(c);
  EXPECT_EQ(mailer.longest_send(), std::chrono::milliseconds(2000));
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(mailer.send(sample()).ok());
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LE(took, mailer.longest_send() + std::chrono::milliseconds(500));
  EXPECT_EQ(server.messages().size(), 1u);
}

}  // namespace
}  // namespace bd::notify
