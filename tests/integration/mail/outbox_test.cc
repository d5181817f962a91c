// The mail outbox and deadline reminders end to end: a real SQLite file, a real SMTP
// server on loopback that drops connections mid-batch, and a clock the test moves.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/breach.h"
#include "notify/mail/smtp_mailer.h"
#include "outbox_fixture.h"
#include "service/mail/deadline_reminders.h"
#include "service/mail/mail_worker.h"
#include "service/mail/outbox_sender.h"
#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/workflow_repositories.h"
#include "support/smtp_test_server.h"

namespace bd::service {
namespace {

using namespace std::chrono;

TEST_F(OutboxTest, DroppedConnectionsMidBatchLoseNothingAndSendNothingTwice) {
  bd::testing::SmtpTestServer server({"--drop-every", "3"});
  notify::SmtpMailer mailer(smtp(server));
  enqueue(10);
  OutboxOptions options;
  options.first_retry = seconds(60);
  OutboxSender sender(*db_, mailer, clock_, options);

  SendRound total;
  for (int round = 0; round < 10 && total.sent < 10; ++round) {
    auto r = sender.send_due();
    ASSERT_TRUE(r.ok()) << r.error().detail;
    total.sent += r->sent;
    total.retry_later += r->retry_later;
    clock_.advance(minutes(5));  // past every backoff
  }
  EXPECT_EQ(total.sent, 10);
  EXPECT_GT(total.retry_later, 0) << "the server dropped connections, so some were retried";
  const auto received = server.messages();
  EXPECT_EQ(received.size(), 10u);
  EXPECT_EQ(message_ids(received).size(), 10u) << "every message exactly once";
  auto again = sender.send_due();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->claimed, 0);
}

TEST_F(OutboxTest, AClaimOfADeadSenderExpiresAndTheMessageIsSentOnce) {
  bd::testing::SmtpTestServer server;
  notify::SmtpMailer mailer(smtp(server));
  enqueue(1);
  // A sender claims the message and "dies" before sending it.
  auto claimed = db_->outbox().claim_due(clock_.now(), 10, seconds(300));
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 1u);
  OutboxSender restarted(*db_, mailer, clock_);
  EXPECT_EQ(restarted.send_due()->claimed, 0) << "still leased";
  clock_.advance(seconds(301));
  EXPECT_EQ(restarted.send_due()->sent, 1);
  EXPECT_EQ(server.messages().size(), 1u);
}

TEST_F(OutboxTest, PermanentFailureIsGivenUpAndTransientIsRetriedWithBackoff) {
  bd::testing::SmtpTestServer server({"--reject", "person0"});
  notify::SmtpMailer mailer(smtp(server));
  enqueue(1);
  OutboxSender sender(*db_, mailer, clock_);
  auto r = sender.send_due();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->given_up, 1);
  clock_.advance(hours(48));
  EXPECT_EQ(sender.send_due()->claimed, 0);

  const TimePoint now = clock_.now();
  EXPECT_EQ(sender.next_retry(now, 1), now + seconds(60));
  EXPECT_EQ(sender.next_retry(now, 3), now + seconds(240));
  EXPECT_EQ(sender.next_retry(now, 40), now + hours(6));
}

class RemindersTest : public OutboxTest {
 protected:
  void SetUp() override {
    OutboxTest::SetUp();
    auto catalog = pages::Catalog::load(std::filesystem::path(BD_SOURCE_DIR) / "i18n" / "mail");
    ASSERT_TRUE(catalog.ok()) << catalog.error().message;
    catalog_ = std::make_unique<pages::Catalog>(std::move(catalog).value());
    add_user("fg@zorg.example", "privacy_officer", "nl");
    add_user("officer2@zorg.example", "privacy_officer", "en");
    add_user("melder@zorg.example", "reporter", "nl");
  }
  void add_user(const std::string& email, const std::string& role, const std::string& locale) {
    storage::User u;
    u.organisation_id = org_id_;
    u.email = email;
    u.display_name = email.substr(0, email.find('@'));
    u.role = role;
    u.locale = locale;
    u.created_at = clock_.now();
    ASSERT_TRUE(db_->users().create(u).ok());
  }
  std::string add_breach(const std::string& discovered) {
    model::Breach b;
    b.organisation_id = org_id_;
    b.title = "Onbeveiligde webserver";
    b.answers["time.discovered"] = discovered;
    auto created = db_->breaches().create(b, storage::ChangeAuthor{"u", "u@x", clock_.now(), ""});
    EXPECT_TRUE(created.ok()) << created.error().detail;
    return created->id;
  }
  std::unique_ptr<pages::Catalog> catalog_;
};

TEST_F(RemindersTest, EachReminderGoesOnceToEveryOfficer) {
  // 08:00 UTC + 72 h = 2026-10-26 08:00 UTC (09:00 in Amsterdam, as DST ends in between).
  add_breach("2026-10-23T10:00:00+02:00");
  DeadlineReminders reminders(*db_, clock_, *catalog_);
  clock_.set(at(2026, 10, 25, 7));  // 25 h left
  EXPECT_EQ(*reminders.enqueue_due(), 0);
  clock_.set(at(2026, 10, 25, 10));  // 22 h left
  EXPECT_EQ(*reminders.enqueue_due(), 2) << "two officers, not the reporter";
  EXPECT_EQ(*reminders.enqueue_due(), 0) << "sent once";
  clock_.set(at(2026, 10, 26, 3));  // 5 h left
  EXPECT_EQ(*reminders.enqueue_due(), 2);
  clock_.set(at(2026, 10, 26, 10));  // overdue
  EXPECT_EQ(*reminders.enqueue_due(), 2);
  EXPECT_EQ(*reminders.enqueue_due(), 0);

  bd::testing::SmtpTestServer server;
  notify::SmtpMailer mailer(smtp(server));
  OutboxSender sender(*db_, mailer, clock_);
  MailWorker worker(&reminders, &sender, milliseconds(50));
  worker.run_once();
  const auto got = server.messages();
  ASSERT_EQ(got.size(), 6u);
  int dutch = 0;
  for (const auto& m : got) {
    if (m.find("=?UTF-8?B?") != std::string::npos || m.find("Subject: Nog") != std::string::npos ||
        m.find("Subject: Termijn") != std::string::npos) {
      ++dutch;
    }
  }
  EXPECT_GE(dutch, 3);
}

TEST_F(RemindersTest, TheConfiguredDeadlineDecidesWhenTheyComeAndWhatTheySay) {
  // 08:00 UTC + 96 h (serve --assessment-config omnibus-2025) = 2026-10-27 08:00 UTC.
  const std::string id = add_breach("2026-10-23T10:00:00+02:00");
  ReminderOptions options;
  options.deadline_hours = 96;
  DeadlineReminders reminders(*db_, clock_, *catalog_, options);
  clock_.set(at(2026, 10, 25, 10));  // 22 h before a 72-hour deadline, 46 h before this one
  EXPECT_EQ(*reminders.enqueue_due(), 0);
  clock_.set(at(2026, 10, 26, 10));  // 22 h left
  EXPECT_EQ(*reminders.enqueue_due(), 2);
  auto queued = db_->outbox().list_for_breach(org_id_, id);
  ASSERT_TRUE(queued.ok());
  ASSERT_EQ(queued->size(), 2u);
  for (const auto& m : *queued) {
    const bool dutch = m.recipient == "fg@zorg.example";
    EXPECT_NE(m.body_text.find(dutch ? "De termijn van 96 uur" : "The 96-hour deadline"), std::string::npos)
        << m.body_text;
    EXPECT_EQ(m.body_text.find(dutch ? "72 uur" : "72-hour"), std::string::npos) << m.body_text;
  }
}

TEST_F(RemindersTest, NoClockWithoutAwarenessAndNoRemindersOnceDecidedRegisterOnly) {
  model::Breach b;
  b.organisation_id = org_id_;
  b.title = "Nog onbekend";
  ASSERT_TRUE(db_->breaches().create(b, storage::ChangeAuthor{"u", "u@x", clock_.now(), ""}).ok());
  const std::string id = add_breach("2026-10-20T10:00:00+02:00");  // long overdue
  auto stored = db_->breaches().get(org_id_, id);
  ASSERT_TRUE(stored.ok());
  model::Breach closed = *stored;
  closed.status = model::BreachStatus::kDecidedRegisterOnly;
  ASSERT_TRUE(db_->breaches().update(closed, closed.version, {"u", "u@x", clock_.now(), "not notifiable"}).ok());
  DeadlineReminders reminders(*db_, clock_, *catalog_);
  EXPECT_EQ(*reminders.enqueue_due(), 0);
}

}  // namespace
}  // namespace bd::service
