// The outbox against a real SMTP server on loopback with STARTTLS (private CA) and
// AUTH: a wrong password leaves every message pending with a clear error and a
// backoff — one failed login per round, never a storm — and the password appears in
// no log line and no stored error; once the password is right each message goes once.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "notify/mail/smtp_mailer.h"
#include "outbox_fixture.h"
#include "service/mail/mail_worker.h"
#include "service/mail/outbox_sender.h"
#include "support/log_capture.h"
#include "support/smtp_test_server.h"

namespace bd::service {
namespace {

using namespace std::chrono;

constexpr const char* kRightPassword = "Juist-wachtwoord-2026";
constexpr const char* kWrongPassword = "Oud-wachtwoord-2025";

class OutboxLoginTest : public OutboxTest {
 protected:
  notify::SmtpConfig login(const bd::testing::SmtpTestServer& server, const std::string& password) {
    notify::SmtpConfig c = smtp(server);
    c.starttls = notify::StartTls::kRequired;
    c.username = "breachdesk";
    c.password = password;
    c.ca_file = server.ca_file();
    return c;
  }
  static int failed_logins(const bd::testing::SmtpTestServer& server) {
    const auto events = server.events();
    return static_cast<int>(std::count_if(events.begin(), events.end(), [](const std::string& e) {
      return e.rfind("AUTH ", 0) == 0 && e.find(" fail ") != std::string::npos;
    }));
  }
};

TEST_F(OutboxLoginTest, WrongPasswordIsRetriedWithBackoffOneLoginPerRound) {
  bd::testing::SmtpTestServer server({"--starttls", "--auth", std::string("breachdesk:") + kRightPassword});
  notify::SmtpMailer mailer(login(server, kWrongPassword));
  enqueue(3);
  bd::testing::LogCapture logs;
  OutboxSender sender(*db_, mailer, clock_);
  MailWorker worker(nullptr, &sender, milliseconds(50));
  worker.run_once();  // drains until a round sends nothing

  EXPECT_EQ(failed_logins(server), 1) << "the other messages were not tried with the same password";
  const TimePoint first = clock_.now();
  for (const auto& m : stored()) {
    EXPECT_EQ(m.status, "pending");
    EXPECT_EQ(m.attempts, 1);
    EXPECT_NE(m.last_error.find("refused the login"), std::string::npos) << m.last_error;
    EXPECT_EQ(m.last_error.find(kWrongPassword), std::string::npos);
    EXPECT_EQ(m.next_attempt_at, first + seconds(60));
  }
  auto again = sender.send_due();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claimed, 0) << "backing off, not retrying at once";

  clock_.advance(seconds(61));
  auto second = sender.send_due();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->claimed, 3);
  EXPECT_EQ(second->retry_later, 3);
  EXPECT_EQ(second->given_up, 0);
  EXPECT_EQ(failed_logins(server), 2);
  for (const auto& m : stored()) EXPECT_EQ(m.next_attempt_at, clock_.now() + seconds(120)) << "doubled";

  const std::string logged = logs.text();
  EXPECT_NE(logged.find("attempt 1 failed"), std::string::npos) << "the failure was logged: " << logged;
  EXPECT_EQ(logged.find(kWrongPassword), std::string::npos);
  EXPECT_TRUE(server.messages().empty());
}

TEST_F(OutboxLoginTest, OnceThePasswordIsRightEachMessageGoesOnceOverTls) {
  bd::testing::SmtpTestServer server({"--starttls", "--auth", std::string("breachdesk:") + kRightPassword});
  enqueue(3);
  {
    notify::SmtpMailer wrong(login(server, kWrongPassword));
    OutboxSender sender(*db_, wrong, clock_);
    ASSERT_TRUE(sender.send_due().ok());
  }
  clock_.advance(seconds(61));
  bd::testing::LogCapture logs;
  notify::SmtpMailer right(login(server, kRightPassword));
  OutboxSender sender(*db_, right, clock_);
  MailWorker worker(nullptr, &sender, milliseconds(50));
  worker.run_once();

  const auto received = server.messages();
  EXPECT_EQ(received.size(), 3u);
  EXPECT_EQ(message_ids(received).size(), 3u);
  for (const auto& m : stored()) {
    EXPECT_EQ(m.status, "sent");
    EXPECT_EQ(m.last_error, "");
  }
  const auto events = server.events();
  EXPECT_EQ(std::count(events.begin(), events.end(), "MAIL tls=1 user=breachdesk"), 3);
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const std::string& e) { return e.find("tls=0") != std::string::npos; }),
            0);
  EXPECT_EQ(logs.text().find(kRightPassword), std::string::npos);
}

}  // namespace
}  // namespace bd::service
