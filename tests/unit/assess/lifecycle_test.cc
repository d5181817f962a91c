// Lifecycle transitions, the facts each needs, and officer decisions.
#include <gtest/gtest.h>

#include "model/lifecycle.h"

namespace bd::model {
namespace {

using S = BreachStatus;
const TimePoint kAt{std::chrono::seconds{1'774'000'000}};

assess::Assessment proposal_notify() {
  assess::Assessment a;
  a.notify_ap = true;
  a.inform_subjects = true;
  return a;
}

Breach breach_in(S status) {
  Breach b;
  b.id = "b1";
  b.status = status;
  b.answers["time.discovered"] = std::string("2026-03-27T10:00:00+01:00");
  return b;
}

TransitionRequest to(S target, std::string reason = {}) {
  TransitionRequest r;
  r.to = target;
  r.user_id = "u1";
  r.at = kAt;
  r.reason = std::move(reason);
  return r;
}

TEST(AssessLifecycle, HappyPathRecordsEveryStep) {
  Breach b = breach_in(S::kSuspected);
  ASSERT_TRUE(transition(b, to(S::kAssessing)).ok());
  auto req = to(S::kDecidedNotify);
  req.decision = *make_decision(proposal_notify(), true, true, "", "u1", kAt);
  auto change = transition(b, req);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->from, S::kAssessing);
  EXPECT_EQ(change->to, S::kDecidedNotify);
  EXPECT_EQ(change->user_id, "u1");
  EXPECT_EQ(change->decision->outcome, Decision::Outcome::kAccepted);
  b.answers["meta.ap_reference"] = std::string("M-2026-123456");
  b.answers["meta.submitted_at"] = std::string("2026-03-29T12:00:00+02:00");
  ASSERT_TRUE(transition(b, to(S::kNotified)).ok());
  ASSERT_TRUE(transition(b, to(S::kSubjectsInformed)).ok());
  ASSERT_TRUE(transition(b, to(S::kClosed)).ok());
  EXPECT_EQ(b.status, S::kClosed);
}

TEST(AssessLifecycle, ImpossibleTransitionsAreRefusedAndChangeNothing) {
  Breach b = breach_in(S::kSuspected);
  for (S target : {S::kNotified, S::kClosed, S::kSubjectsInformed, S::kDecidedNotify}) {
    auto r = transition(b, to(target));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
    EXPECT_EQ(b.status, S::kSuspected);
  }
  EXPECT_FALSE(is_allowed(S::kDecidedRegisterOnly, S::kNotified));
  EXPECT_TRUE(is_allowed(S::kClosed, S::kAssessing));
}

TEST(AssessLifecycle, NotifiedNeedsMeldnummerTimeAndLateReason) {
  Breach b = breach_in(S::kDecidedNotify);
  EXPECT_EQ(transition(b, to(S::kNotified)).error().field, "meta.ap_reference");
  b.answers["meta.ap_reference"] = std::string("M-1");
  EXPECT_EQ(transition(b, to(S::kNotified)).error().field, "meta.submitted_at");
  b.answers["meta.submitted_at"] = std::string("2026-03-31T09:00:00+02:00");  // 23 h late
  auto late = transition(b, to(S::kNotified));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(late.error().field, "time.late_reason");
  EXPECT_EQ(b.status, S::kDecidedNotify);
  b.answers["time.late_reason"] = std::string("Forensisch onderzoek nodig om de omvang te bepalen.");
  EXPECT_TRUE(transition(b, to(S::kNotified)).ok());
}

TEST(AssessLifecycle, RegisterOnlyNeedsAReason) {
  assess::Assessment proposal;
  proposal.notify_ap = false;
  Breach b = breach_in(S::kAssessing);
  auto req = to(S::kDecidedRegisterOnly);
  req.decision = *make_decision(proposal, false, false, "", "u1", kAt);
  EXPECT_EQ(transition(b, req).error().field, "reason");
  req.reason = "Versleutelde laptop, sleutel veilig, back-up aanwezig.";
  EXPECT_TRUE(transition(b, req).ok());
}

TEST(AssessLifecycle, OverrideNeedsAWrittenReason) {
  auto refused = make_decision(proposal_notify(), false, false, " ", "u1", kAt);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "reason");
  auto d = make_decision(proposal_notify(), true, false, "Art. 34(3)(b): alle kaarten geblokkeerd.", "u1", kAt);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->outcome, Decision::Outcome::kOverridden);
  EXPECT_TRUE(d->proposal.inform_subjects);  // the proposal stays in the record
  EXPECT_EQ(to_token(d->outcome), "overridden");
}

TEST(AssessLifecycle, ReopenNeedsAReason) {
  Breach b = breach_in(S::kClosed);
  EXPECT_EQ(transition(b, to(S::kAssessing)).error().field, "reason");
  EXPECT_TRUE(transition(b, to(S::kAssessing, "Nieuwe feiten: meer bestanden gevonden.")).ok());
  EXPECT_EQ(b.status, S::kAssessing);
}

TEST(AssessLifecycle, DecisionMustMatchTheTarget) {
  Breach b = breach_in(S::kAssessing);
  EXPECT_EQ(transition(b, to(S::kDecidedNotify)).error().field, "decision");
  auto req = to(S::kDecidedNotify);
  req.decision = *make_decision(proposal_notify(), false, false, "Geen risico.", "u1", kAt);
  EXPECT_FALSE(transition(b, req).ok());
}

}  // namespace
}  // namespace bd::model
