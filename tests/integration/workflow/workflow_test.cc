// The workflow use cases against a real database: the officer's decision next to the
// engine's proposal, lifecycle rules, filing with the AP (late reason, frozen
// lateness, follow-ups), tenant isolation and roles, the deadlines and the calendar feed.
#include "workflow_fixture.h"

#include "service/demo.h"

namespace bd::service::testing {
namespace {

using model::BreachStatus;

bool has_code(const std::vector<model::assess::Reason>& reasons, std::string_view text) {
  for (const auto& r : reasons) {
    if (std::string_view(r.nl).find(text) != std::string_view::npos) return true;
  }
  return false;
}

class DecisionTest : public WorkflowTest {};

TEST_P(DecisionTest, ProposalForTheCareBreachNamesBsnAndPaymentData) {
  auto b = care_breach();
  auto view = wf().assessment(officer_, b.id);
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_TRUE(view->proposal.notify_ap);
  EXPECT_TRUE(view->proposal.inform_subjects);
  EXPECT_TRUE(has_code(view->proposal.inform_reasons, "BSN") || has_code(view->proposal.notify_reasons, "BSN"));
  ASSERT_TRUE(view->deadline.has_value());
  EXPECT_EQ(view->deadline->time_left, std::chrono::hours(70));
  EXPECT_TRUE(view->can_decide);
}

TEST_P(DecisionTest, AcceptingMovesToDecidedNotifyAndKeepsTheProposal) {
  auto b = care_breach();
  DecideInput in;
  in.expected_version = b.version;
  auto decided = wf().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->status, BreachStatus::kDecidedNotify);
  EXPECT_EQ(decided->version, b.version + 1);
  auto history = wf().history(auditor_, b.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);  // suspected -> assessing -> decided_notify (same second: any order)
  const auto& decided_step = (*history)[0].decision ? (*history)[0] : (*history)[1];
  const auto& assessing_step = (*history)[0].decision ? (*history)[1] : (*history)[0];
  EXPECT_EQ(assessing_step.to, BreachStatus::kAssessing);
  EXPECT_EQ(decided_step.to, BreachStatus::kDecidedNotify);
  ASSERT_TRUE(decided_step.decision.has_value());
  EXPECT_EQ(decided_step.decision->outcome, model::Decision::Outcome::kAccepted);
  EXPECT_EQ(decided_step.user_id, officer_.user_id);
  EXPECT_NE(decided_step.decision->proposal_json.find("\"notify_ap\":true"), std::string::npos);
}

TEST_P(DecisionTest, OverrideNeedsAReasonAndIsRecordedNextToTheProposal) {
  auto b = care_breach();
  DecideInput in;
  in.expected_version = b.version;
  in.accept = false;
  in.notify_ap = true;
  in.inform_subjects = false;
  auto refused = wf().decide(officer_, b.id, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.error().field, "reason");
  EXPECT_EQ(svc().breaches().get(officer_, b.id)->version, b.version);  // nothing written

  in.reason = "Betrokkenen zijn al persoonlijk gebeld";
  auto decided = wf().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  auto view = wf().assessment(officer_, b.id);
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->decision.has_value());
  EXPECT_EQ(view->decision->outcome, model::Decision::Outcome::kOverridden);
  EXPECT_FALSE(view->decision->inform_subjects);
  EXPECT_EQ(view->decision->reason, "Betrokkenen zijn al persoonlijk gebeld");
  EXPECT_NE(view->decision->proposal_json.find("\"inform_subjects\":true"), std::string::npos);
}

TEST_P(DecisionTest, RegisterOnlyNeedsAReason) {
  auto b = care_breach();
  DecideInput in;
  in.expected_version = b.version;
  in.accept = false;
  in.notify_ap = false;
  EXPECT_EQ(wf().decide(officer_, b.id, in).error().field, "reason");
  in.reason = "Versleuteld, sleutel niet gelekt";
  auto decided = wf().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->status, BreachStatus::kDecidedRegisterOnly);
}

TEST_P(DecisionTest, StaleVersionIsAConflict) {
  auto b = care_breach();
  DecideInput in;
  in.expected_version = b.version - 1 + 7;
  EXPECT_EQ(wf().decide(officer_, b.id, in).error().kind, ErrorKind::kConflict);
}

TEST_P(DecisionTest, AuditorReadsButCannotDecideAndReporterSeesNothing) {
  auto b = care_breach();
  EXPECT_TRUE(wf().assessment(auditor_, b.id).ok());
  DecideInput in;
  in.expected_version = b.version;
  EXPECT_EQ(wf().decide(auditor_, b.id, in).error().kind, ErrorKind::kForbidden);
  auto reporter = add_user(org_, "melder@zorg.example", Role::kReporter);
  EXPECT_EQ(wf().assessment(reporter, b.id).error().kind, ErrorKind::kForbidden);
}

TEST_P(DecisionTest, AnotherTenantsBreachIsNotFound) {
  auto b = care_breach();
  auto other = add_user(add_org("Andere organisatie"), "fg@andere.example", Role::kPrivacyOfficer);
  EXPECT_EQ(wf().assessment(other, b.id).error().kind, ErrorKind::kNotFound);
  DecideInput in;
  in.expected_version = b.version;
  EXPECT_EQ(wf().decide(other, b.id, in).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(wf().notifications(other, b.id).error().kind, ErrorKind::kNotFound);
}

TEST_P(DecisionTest, ImpossibleTransitionIsRefusedAndReopenNeedsAReason) {
  auto b = care_breach();
  TransitionInput close{b.version, BreachStatus::kSubjectsInformed, ""};
  auto refused = wf().transition(officer_, b.id, close);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_FALSE(refused.error().message.empty());
  DecideInput in;
  in.expected_version = b.version;
  auto decided = wf().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok());
  TransitionInput reopen{decided->version, BreachStatus::kAssessing, ""};
  EXPECT_FALSE(wf().transition(officer_, b.id, reopen).ok());
  reopen.reason = "Nieuwe feiten: ook medische gegevens";
  auto reopened = wf().transition(officer_, b.id, reopen);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_EQ(reopened->status, BreachStatus::kAssessing);
}

BD_WORKFLOW_SUITE(DecisionTest);

// The demo data's processor (seed 002, Nostradamus ICT BV) and its customer, a
// controller with the same facts.
class ProcessorTest : public WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(load_demo_data(svc()).ok());
  }
  std::pair<Actor, model::Breach> demo_breach(const std::string& officer_email) {
    auto actor = svc().auth().actor_by_email(system_actor(), officer_email);
    EXPECT_TRUE(actor.ok());
    auto list = svc().breaches().all(*actor, {});
    EXPECT_TRUE(list.ok() && list->size() == 1u);
    return {*actor, list.ok() && !list->empty() ? list->front() : model::Breach{}};
  }
};

TEST_P(ProcessorTest, ProcessorIsProposedToInformItsControllersWithoutAnApClock) {
  auto [processor, b] = demo_breach("privacy@nostradamus.example");
  auto view = wf().assessment(processor, b.id);
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_FALSE(view->proposal.notify_ap);
  EXPECT_FALSE(view->proposal.inform_subjects);
  EXPECT_TRUE(view->proposal.notify_controllers);
  ASSERT_EQ(view->proposal.notify_reasons.size(), 1u);
  EXPECT_EQ(view->proposal.notify_reasons[0].code, "processor_informs_controllers");
  EXPECT_FALSE(view->deadline.has_value()) << "a processor has no AP clock";
  auto deadlines = wf().deadlines(processor);
  ASSERT_TRUE(deadlines.ok());
  for (const auto& e : *deadlines) {
    EXPECT_FALSE(e.pending);
    EXPECT_FALSE(e.deadline.has_value());
  }
  // Accepting needs no typed reason: the proposal's own is recorded (Art. 33(2)).
  DecideInput in;
  in.expected_version = b.version;
  auto decided = wf().decide(processor, b.id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->status, BreachStatus::kDecidedRegisterOnly);
  auto after = wf().assessment(processor, b.id);
  ASSERT_TRUE(after.ok() && after->decision.has_value());
  EXPECT_EQ(after->decision->outcome, model::Decision::Outcome::kAccepted);
  EXPECT_NE(after->decision->reason.find("verwerker"), std::string::npos) << after->decision->reason;
  EXPECT_NE(after->decision->proposal_json.find("\"notify_controllers\":true"), std::string::npos);
}

TEST_P(ProcessorTest, TheControllerWithTheSameFactsNotifiesTheAp) {
  auto [customer, b] = demo_breach("privacy@klant.example");
  auto view = wf().assessment(customer, b.id);
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_TRUE(view->proposal.notify_ap);
  EXPECT_FALSE(view->proposal.notify_controllers);
  EXPECT_TRUE(view->deadline.has_value());
}

TEST_P(ProcessorTest, HistoricDemoRecordsShowTheirStatusInTheHistory) {
  auto [care, b] = demo_breach("fg@stmg.example");
  EXPECT_EQ(b.status, BreachStatus::kSubjectsInformed);
  auto steps = wf().status_history(care, b.id);
  ASSERT_TRUE(steps.ok()) << steps.error().message;
  ASSERT_EQ(steps->size(), 1u);
  EXPECT_EQ((*steps)[0].transition.from, BreachStatus::kSuspected);
  EXPECT_EQ((*steps)[0].transition.to, BreachStatus::kSubjectsInformed);
  EXPECT_EQ((*steps)[0].transition.reason, "Status volgens het brondocument");
}

BD_WORKFLOW_SUITE(ProcessorTest);

}  // namespace
}  // namespace bd::service::testing
