#include <gtest/gtest.h>

#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/workflow_repositories.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

constexpr long long kNow = 1772452800;  // 2026-03-02T12:00:00Z

class WorkflowTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    org_ = db().organisations().create({"", "Zorggroep Oost", "", OrganisationKind::kController, at(kNow)}).value();
    other_ = db().organisations().create({"", "Ander", "", OrganisationKind::kController, at(kNow)}).value();
    model::Breach b;
    b.organisation_id = org_.id;
    b.title = "Gestolen laptop";
    b.answers["reporter.name"] = std::string("Jan Jansen");
    breach_ = db().breaches().create(b, {"u1", "u1@example.nl", at(kNow), ""}).value();
  }

  Organisation org_;
  Organisation other_;
  model::Breach breach_;
};

TEST_P(WorkflowTest, NotificationVersionsAndSubmission) {
  ApNotificationRecord first;
  first.breach_id = breach_.id;
  first.breach_version = breach_.version;
  first.answers = breach_.answers;
  first.created_by = "u1";
  first.created_at = at(kNow + 10);
  auto n1 = db().notifications().create(org_.id, first);
  ASSERT_TRUE(n1.ok()) << n1.error().detail;
  EXPECT_EQ(n1->version, 1);
  EXPECT_EQ(db().notifications().create(other_.id, first).error().kind, ErrorKind::kNotFound);

  ASSERT_TRUE(db().notifications().record_submission(org_.id, n1->id, "M-2026-123", at(kNow + 100)).ok());
  ASSERT_TRUE(db().notifications().record_submission(org_.id, n1->id, "M-2026-123", at(kNow + 100)).ok());
  EXPECT_EQ(db().notifications().record_submission(org_.id, n1->id, "M-OTHER", at(kNow + 200)).error().kind,
            ErrorKind::kConflict);
  EXPECT_EQ(db().notifications().record_submission(other_.id, n1->id, "M-X", at(kNow)).error().kind,
            ErrorKind::kNotFound);

  ApNotificationRecord follow = first;
  follow.kind = "supplement";
  follow.previous_id = n1->id;
  follow.answers["meta.previous"] = std::string("M-2026-123");
  auto n2 = db().notifications().create(org_.id, follow);
  ASSERT_TRUE(n2.ok()) << n2.error().detail;
  EXPECT_EQ(n2->version, 2);
  follow.kind = "sideways";
  EXPECT_EQ(db().notifications().create(org_.id, follow).error().kind, ErrorKind::kInvalidInput);
  follow.kind = "amendment";
  follow.previous_id = "missing";
  EXPECT_EQ(db().notifications().create(org_.id, follow).error().kind, ErrorKind::kInvalidInput);

  auto all = db().notifications().list_for_breach(org_.id, breach_.id);
  ASSERT_TRUE(all.ok()) << all.error().detail;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0).meldnummer, "M-2026-123");
  EXPECT_EQ(all->at(0).submitted_at, at(kNow + 100));
  EXPECT_EQ(all->at(0).answers.at("reporter.name"), model::Value{std::string("Jan Jansen")});
  EXPECT_EQ(all->at(1).previous_id, n1->id);
  EXPECT_FALSE(all->at(1).submitted_at.has_value());
  EXPECT_EQ(db().notifications().get(other_.id, n2->id).error().kind, ErrorKind::kNotFound);
}

TEST_P(WorkflowTest, TransitionsWithDecisionsInOneTransactionWithTheBreach) {
  model::StatusChange to_assessing{breach_.id, model::BreachStatus::kSuspected, model::BreachStatus::kAssessing,
                                   "u2", at(kNow + 60), "", std::nullopt};
  Status status = db().transaction([&]() -> Status {
    model::Breach next = breach_;
    next.status = model::BreachStatus::kAssessing;
    auto saved = db().breaches().update(next, breach_.version, {"u2", "u2@example.nl", at(kNow + 60), ""});
    if (!saved.ok()) return saved.error();
    auto recorded = db().lifecycle().record(org_.id, to_assessing);
    if (!recorded.ok()) return recorded.error();
    return {};
  });
  ASSERT_TRUE(status.ok()) << status.error().detail;

  model::Decision decision;
  decision.outcome = model::Decision::Outcome::kOverridden;
  decision.notify_ap = false;
  decision.reason = "versleuteld, sleutel niet gelekt";
  decision.user_id = "u2";
  decision.at = at(kNow + 120);
  model::StatusChange decided{breach_.id, model::BreachStatus::kAssessing,
                              model::BreachStatus::kDecidedRegisterOnly, "u2", at(kNow + 120), decision.reason,
                              decision};
  auto rec = db().lifecycle().record(org_.id, decided);
  ASSERT_TRUE(rec.ok()) << rec.error().detail;
  ASSERT_TRUE(rec->decision.has_value());
  EXPECT_EQ(db().lifecycle().record(other_.id, decided).error().kind, ErrorKind::kNotFound);

  auto list = db().lifecycle().transitions(org_.id, breach_.id);
  ASSERT_TRUE(list.ok()) << list.error().detail;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).to, model::BreachStatus::kAssessing);
  EXPECT_FALSE(list->at(0).decision.has_value());
  ASSERT_TRUE(list->at(1).decision.has_value());
  EXPECT_EQ(list->at(1).decision->outcome, model::Decision::Outcome::kOverridden);
  EXPECT_FALSE(list->at(1).decision->notify_ap);
  EXPECT_NE(list->at(1).decision->proposal_json.find("\"notify_ap\""), std::string::npos);

  auto latest = db().lifecycle().latest_decision(org_.id, breach_.id);
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ(latest->value().reason, "versleuteld, sleutel niet gelekt");
  EXPECT_EQ(db().lifecycle().transitions(other_.id, breach_.id).error().kind, ErrorKind::kNotFound);
}

TEST_P(WorkflowTest, OutboxClaimsEachDueMessageOnce) {
  OutboxMessage m;
  m.organisation_id = org_.id;
  m.breach_id = breach_.id;
  m.kind = "subject_letter";
  m.recipient = "betrokkene@example.nl";
  m.subject = "Datalek";
  m.body_text = "Beste heer Jansen, …";
  m.next_attempt_at = at(kNow);
  m.created_at = at(kNow);
  m.dedupe_key = "letter:1";
  auto queued = db().outbox().enqueue(m);
  ASSERT_TRUE(queued.ok()) << queued.error().detail;
  EXPECT_EQ(db().outbox().enqueue(m).error().kind, ErrorKind::kConflict);
  m.dedupe_key.clear();
  m.next_attempt_at = at(kNow + 3600);
  ASSERT_TRUE(db().outbox().enqueue(m).ok());

  auto claimed = db().outbox().claim_due(at(kNow + 1), 10, std::chrono::seconds(300));
  ASSERT_TRUE(claimed.ok()) << claimed.error().detail;
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ(claimed->front().recipient, "betrokkene@example.nl");
  EXPECT_EQ(claimed->front().attempts, 1);
  EXPECT_TRUE(db().outbox().claim_due(at(kNow + 2), 10, std::chrono::seconds(300)).value().empty());

  // A sender that died: the claim expires and the message is due again.
  auto again = db().outbox().claim_due(at(kNow + 302), 10, std::chrono::seconds(300)).value();
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again.front().attempts, 2);
  ASSERT_TRUE(db().outbox().mark_failed(again.front().id, "421 try later", at(kNow + 400)).ok());
  auto retried = db().outbox().claim_due(at(kNow + 400), 10, std::chrono::seconds(300)).value();
  ASSERT_EQ(retried.size(), 1u);
  ASSERT_TRUE(db().outbox().mark_sent(retried.front().id, at(kNow + 401)).ok());

  auto listed = db().outbox().list_for_breach(org_.id, breach_.id).value();
  ASSERT_EQ(listed.size(), 2u);
  int sent = 0;
  for (const auto& msg : listed) sent += msg.status == "sent" ? 1 : 0;
  EXPECT_EQ(sent, 1);
  EXPECT_TRUE(db().outbox().list_for_breach(other_.id, breach_.id).value().empty());
  EXPECT_EQ(db().outbox().mark_sent("missing", at(kNow)).error().kind, ErrorKind::kNotFound);
}

BD_STORAGE_SUITE(WorkflowTest);

}  // namespace
}  // namespace bd::storage::testing
