// Lease vs batch: a claimed message is never still being worked on when its lease runs
// out, so "another process" sharing the database can never claim and send it again.
// A real SQLite file; the mailers are test doubles whose sends take a known time on
// the test's clock (the real SMTP timing is covered in smtp_tls_test.cc).
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "notify/mail/smtp_mailer.h"
#include "outbox_fixture.h"
#include "service/mail/outbox_sender.h"

namespace bd::service {
namespace {

using namespace std::chrono;

// A mailer whose every send takes `per_send` on the test's clock (its longest_send()),
// and which runs `while_sending` just before the send completes: the worst moment for
// another process to look at the outbox.
class TimedMailer final : public notify::Mailer {
 public:
  TimedMailer(ManualClock& clock, seconds per_send) : clock_(clock), per_send_(per_send) {}
  Status send(const notify::MailMessage& message) override {
    clock_.advance(per_send_ + stall_once_);
    stall_once_ = seconds(0);
    if (while_sending) while_sending();
    delivered.push_back(message.message_id);
    return {};
  }
  milliseconds longest_send() const override { return per_send_; }
  // The next send takes this much longer than it may (the process was suspended).
  void stall_next(seconds extra) { stall_once_ = extra; }

  std::function<void()> while_sending;
  std::vector<std::string> delivered;

 private:
  ManualClock& clock_;
  seconds per_send_;
  seconds stall_once_{0};
};

class OutboxLeaseTest : public OutboxTest {
 protected:
  static OutboxOptions lease_options() {
    OutboxOptions o;
    o.lease = seconds(300);
    o.record_margin = seconds(15);
    o.batch = 50;
    return o;
  }
  // Every delivery by either process, each message exactly once.
  static void expect_each_once(const std::vector<std::string>& a, const std::vector<std::string>& b,
                               size_t n) {
    std::multiset<std::string> all(a.begin(), a.end());
    all.insert(b.begin(), b.end());
    EXPECT_EQ(all.size(), n);
    EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), n) << "a message was sent twice";
  }
};

TEST_F(OutboxLeaseTest, ARoundClaimsOnlyWhatItCanSendWithinTheLease) {
  TimedMailer slow(clock_, seconds(60));
  EXPECT_EQ(OutboxSender(*db_, slow, clock_, lease_options()).claims_per_round(), 4) << "300 / (60 + 15)";

  notify::SmtpMailer smtp_defaults{notify::SmtpConfig{}};  // 60 s total, as long again for QUIT
  EXPECT_EQ(OutboxSender(*db_, smtp_defaults, clock_).claims_per_round(), 2) << "300 / (120 + 15)";

  TimedMailer fast(clock_, seconds(1));
  auto few = lease_options();
  few.batch = 3;
  EXPECT_EQ(OutboxSender(*db_, fast, clock_, few).claims_per_round(), 3) << "never more than the batch";
}

TEST_F(OutboxLeaseTest, SlowSendsAndAnotherProcessNeverSendAMessageTwice) {
  enqueue(20);
  TimedMailer slow(clock_, seconds(60));
  TimedMailer other_mailer(clock_, seconds(0));
  OutboxSender sender(*db_, slow, clock_, lease_options());
  OutboxSender other(*db_, other_mailer, clock_, lease_options());
  int other_rounds = 0;
  slow.while_sending = [&] {
    auto r = other.send_due();  // the other process's worker wakes up meanwhile
    ASSERT_TRUE(r.ok());
    ++other_rounds;
  };
  for (int round = 0; round < 50; ++round) {
    auto r = sender.send_due();
    ASSERT_TRUE(r.ok()) << r.error().detail;
    EXPECT_LE(r->claimed, 4);
    if (r->claimed == 0) break;
  }
  EXPECT_GT(other_rounds, 0);
  EXPECT_FALSE(slow.delivered.empty());
  expect_each_once(slow.delivered, other_mailer.delivered, 20);
  for (const auto& m : stored()) EXPECT_EQ(m.status, "sent");
}

TEST_F(OutboxLeaseTest, AStalledRoundLeavesTheRestToTheirLease) {
  enqueue(4);
  const TimePoint start = clock_.now();
  TimedMailer slow(clock_, seconds(60));
  TimedMailer other_mailer(clock_, seconds(0));
  OutboxSender sender(*db_, slow, clock_, lease_options());
  OutboxSender other(*db_, other_mailer, clock_, lease_options());

  slow.stall_next(seconds(200));  // the first send ends at start + 260 s
  auto r = sender.send_due();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->claimed, 4);
  EXPECT_EQ(r->sent, 1);
  EXPECT_EQ(r->retry_later, 3) << "sending another could outlast the lease";
  EXPECT_EQ(other.send_due()->claimed, 0) << "still leased to the first process";

  clock_.set(start + seconds(301));
  auto later = other.send_due();
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->sent, 3);
  expect_each_once(slow.delivered, other_mailer.delivered, 4);
}

TEST_F(OutboxLeaseTest, ALeaseShorterThanOneSendIsRefusedAndClaimsNothing) {
  enqueue(1);
  TimedMailer slow(clock_, seconds(60));
  auto options = lease_options();
  options.lease = seconds(60);
  OutboxSender sender(*db_, slow, clock_, options);
  auto r = sender.send_due();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(r.error().field, "lease");
  ASSERT_EQ(stored().size(), 1u);
  EXPECT_EQ(stored()[0].status, "pending");
  EXPECT_EQ(stored()[0].attempts, 0);
}

}  // namespace
}  // namespace bd::service
