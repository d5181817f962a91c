// The status history of a breach against a real database: every move in the order it
// was made (also when several fall in the same second), who made it by e-mail, the
// decision with its proposal snapshot, and who may read it.
#include "workflow_fixture.h"

namespace bd::service::testing {
namespace {

using model::BreachStatus;

class HistoryTest : public WorkflowTest {
 protected:
  // Decides with an override and a reason, files the notification and reopens, all
  // at one instant of the manual clock: the store cannot order these by time.
  model::Breach decide_file_reopen(const model::Breach& b) {
    DecideInput in;
    in.expected_version = b.version;
    in.accept = false;
    in.notify_ap = true;
    in.inform_subjects = false;
    in.reason = "Betrokkenen zijn al persoonlijk gebeld";
    auto decided = wf().decide(officer_, b.id, in);
    EXPECT_TRUE(decided.ok()) << (decided.ok() ? "" : decided.error().message);
    auto n = wf().prepare_notification(officer_, b.id, {});
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().message);
    FilingInput f{decided.ok() ? decided->version : 0, "M-2026-0042", clock_.now(), ""};
    EXPECT_TRUE(wf().file_notification(officer_, n.ok() ? n->id : "", f).ok());
    auto filed = svc().breaches().get(officer_, b.id);
    TransitionInput reopen{filed.ok() ? filed->version : 0, BreachStatus::kAssessing,
                           "Nieuwe feiten: ook medische gegevens"};
    auto reopened = wf().transition(officer_, b.id, reopen);
    EXPECT_TRUE(reopened.ok()) << (reopened.ok() ? "" : reopened.error().message);
    return reopened.ok() ? *reopened : b;
  }
};

TEST_P(HistoryTest, StartingTheAssessmentAsAPlainEditIsRecordedToo) {
  auto b = care_breach();
  BreachUpdate start;
  start.expected_version = b.version;
  start.status = BreachStatus::kAssessing;
  start.note = "We kijken ernaar";
  auto saved = svc().breaches().update(officer_, b.id, start);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  auto steps = wf().status_history(officer_, b.id);
  ASSERT_TRUE(steps.ok()) << steps.error().message;
  ASSERT_EQ(steps->size(), 1u);
  EXPECT_EQ((*steps)[0].transition.from, BreachStatus::kSuspected);
  EXPECT_EQ((*steps)[0].transition.to, BreachStatus::kAssessing);
  EXPECT_EQ((*steps)[0].transition.reason, "We kijken ernaar");
  EXPECT_EQ((*steps)[0].by, "fg@zorg.example");
  // A stale edit writes neither the breach nor a transition.
  auto stale = svc().breaches().update(officer_, b.id, start);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(wf().status_history(officer_, b.id)->size(), 1u);
}

TEST_P(HistoryTest, ListsEveryMoveInTheOrderMadeWithWhoAndTheDecision) {
  auto b = care_breach();
  decide_file_reopen(b);
  auto steps = wf().status_history(auditor_, b.id);
  ASSERT_TRUE(steps.ok()) << steps.error().message;
  const std::vector<std::pair<BreachStatus, BreachStatus>> expected{
      {BreachStatus::kSuspected, BreachStatus::kAssessing},
      {BreachStatus::kAssessing, BreachStatus::kDecidedNotify},
      {BreachStatus::kDecidedNotify, BreachStatus::kNotified},
      {BreachStatus::kNotified, BreachStatus::kAssessing}};
  ASSERT_EQ(steps->size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*steps)[i].transition.from, expected[i].first) << "step " << i;
    EXPECT_EQ((*steps)[i].transition.to, expected[i].second) << "step " << i;
    EXPECT_EQ((*steps)[i].by, "fg@zorg.example") << "step " << i;
  }
  const storage::TransitionRecord& decision_step = (*steps)[1].transition;
  ASSERT_TRUE(decision_step.decision.has_value());
  EXPECT_EQ(decision_step.decision->outcome, model::Decision::Outcome::kOverridden);
  EXPECT_TRUE(decision_step.decision->notify_ap);
  EXPECT_FALSE(decision_step.decision->inform_subjects);
  EXPECT_EQ(decision_step.reason, "Betrokkenen zijn al persoonlijk gebeld");
  EXPECT_NE(decision_step.decision->proposal_json.find("\"inform_subjects\":true"), std::string::npos);
  EXPECT_FALSE((*steps)[0].transition.decision.has_value());
  EXPECT_EQ((*steps)[3].transition.reason, "Nieuwe feiten: ook medische gegevens");
}

TEST_P(HistoryTest, HistoryIsInTheOrderMadeToo) {
  auto b = care_breach();
  decide_file_reopen(b);
  auto records = wf().history(officer_, b.id);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 4u);
  for (std::size_t i = 1; i < records->size(); ++i) {
    EXPECT_EQ((*records)[i].from, (*records)[i - 1].to)
        << "step " << i << " starts where the one before ended";
  }
}

TEST_P(HistoryTest, MovesOfLaterSecondsFollowEachNamingItsOwnOfficer) {
  auto b = care_breach();
  DecideInput in;
  in.expected_version = b.version;
  auto decided = wf().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  clock_.advance(std::chrono::minutes(3));
  TransitionInput reopen{decided->version, BreachStatus::kAssessing, "Nieuwe feiten"};
  auto colleague = add_user(org_, "fg2@zorg.example", Role::kAdmin);
  auto reopened = wf().transition(colleague, b.id, reopen);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  auto steps = wf().status_history(officer_, b.id);
  ASSERT_TRUE(steps.ok());
  ASSERT_EQ(steps->size(), 3u);
  EXPECT_EQ((*steps)[2].transition.from, BreachStatus::kDecidedNotify);
  EXPECT_EQ((*steps)[2].transition.at, (*steps)[1].transition.at + std::chrono::minutes(3));
  EXPECT_EQ((*steps)[2].by, "fg2@zorg.example");
  EXPECT_EQ((*steps)[1].by, "fg@zorg.example");
}

TEST_P(HistoryTest, ReadersOfTheAssessmentOnlyAndNotAcrossTenants) {
  auto b = care_breach();
  auto empty = wf().status_history(officer_, b.id);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  auto reporter = add_user(org_, "melder@zorg.example", Role::kReporter);
  EXPECT_EQ(wf().status_history(reporter, b.id).error().kind, ErrorKind::kForbidden);
  auto other = add_user(add_org("Andere organisatie"), "fg@andere.example", Role::kPrivacyOfficer);
  EXPECT_EQ(wf().status_history(other, b.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(wf().status_history(auditor_, "no-such-breach").error().kind, ErrorKind::kNotFound);
}

BD_WORKFLOW_SUITE(HistoryTest);

}  // namespace
}  // namespace bd::service::testing
