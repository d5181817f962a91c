// The assessment configuration in force (ServiceOptions::assessment): the same stored
// breach gets the proposal, the AP clock, the deadlines dashboard and the filing check
// of the configuration its Services run with — omnibus-2025 (notify only high risks,
// 96 hours) next to the default 2026.1 (notify risks, 72 hours) on one database.
#include "base/time_zone.h"
#include "service_fixture.h"

namespace bd::service::testing {
namespace {

using model::BreachStatus;
using Strings = std::vector<std::string>;

class AssessmentConfigTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    ServiceOptions options;
    options.assessment = *model::assess::config_by_version("omnibus-2025");
    omnibus_ = std::make_unique<Services>(db(), clock_, options);
    officer_ = add_user(org_, "fg@eerste.example", Role::kPrivacyOfficer);
  }
  void TearDown() override {
    omnibus_.reset();
    ServiceTest::TearDown();
  }

  // A letter with names and addresses to the wrong, untrusted recipient (golden case
  // 033): a risk, no high risk. With a BSN it is a high risk (identity fraud).
  model::Breach letter(int hours_ago, bool with_bsn) {
    model::Answers a{{"time.discovered", format_iso_in_zone(clock_.now() - std::chrono::hours(hours_ago))},
                     {"breach.nature", Strings{"confidentiality"}},
                     {"breach.incident_type", std::string("email_wrong_recipient")},
                     {"data.general", with_bsn ? Strings{"name", "address", "bsn"} : Strings{"name", "address"}},
                     {"assess.recipients", std::string("known_untrusted")},
                     {"assess.malicious", false},
                     {"assess.exfiltrated", false}};
    auto b = svc().breaches().create(officer_, "Brief naar verkeerd adres", a);
    EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.error().message);
    return b.ok() ? *b : model::Breach{};
  }

  // Decides "notify" as proposed, prepares the initial notification and files it now.
  Result<storage::ApNotificationRecord> decide_and_file(Services& services, const model::Breach& b) {
    DecideInput in;
    in.expected_version = b.version;
    BD_ASSIGN_OR_RETURN(model::Breach decided, services.workflow().decide(officer_, b.id, in));
    EXPECT_EQ(decided.status, BreachStatus::kDecidedNotify);
    BD_ASSIGN_OR_RETURN(auto prepared, services.workflow().prepare_notification(officer_, b.id, {}));
    FilingInput filing{decided.version, "M-2026-0096", clock_.now(), ""};
    return services.workflow().file_notification(officer_, prepared.id, filing);
  }

  std::unique_ptr<Services> omnibus_;
  Actor officer_;
};

TEST_P(AssessmentConfigTest, ARiskIsNotProposedForTheApAndHas96Hours) {
  const model::Breach b = letter(80, false);
  auto omnibus = omnibus_->workflow().assessment(officer_, b.id);
  ASSERT_TRUE(omnibus.ok()) << omnibus.error().message;
  EXPECT_EQ(omnibus->proposal.config_version, "omnibus-2025");
  EXPECT_EQ(omnibus->proposal.risk, model::assess::RiskLevel::kRisk);
  EXPECT_FALSE(omnibus->proposal.notify_ap);
  EXPECT_EQ(omnibus->proposal.deadline_hours, 96);
  ASSERT_TRUE(omnibus->deadline.has_value());
  EXPECT_EQ(omnibus->deadline->length, std::chrono::hours(96));
  EXPECT_EQ(omnibus->deadline->time_left, std::chrono::hours(16));
  EXPECT_FALSE(omnibus->deadline->overdue);

  auto gdpr = svc().workflow().assessment(officer_, b.id);
  ASSERT_TRUE(gdpr.ok()) << gdpr.error().message;
  EXPECT_EQ(gdpr->proposal.config_version, "2026.1");
  EXPECT_TRUE(gdpr->proposal.notify_ap);
  EXPECT_EQ(gdpr->deadline->length, std::chrono::hours(72));
  EXPECT_TRUE(gdpr->deadline->overdue);
}

TEST_P(AssessmentConfigTest, TheDecisionStoresTheProposalOfTheConfigInForce) {
  const model::Breach b = letter(2, false);
  DecideInput in;
  in.expected_version = b.version;
  in.reason = "Geen hoog risico; onder deze regels niet te melden";
  auto decided = omnibus_->workflow().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  EXPECT_EQ(decided->status, BreachStatus::kDecidedRegisterOnly);
  auto view = omnibus_->workflow().assessment(officer_, b.id);
  ASSERT_TRUE(view.ok() && view->decision.has_value());
  EXPECT_NE(view->decision->proposal_json.find("\"config_version\":\"omnibus-2025\""), std::string::npos)
      << view->decision->proposal_json;
}

TEST_P(AssessmentConfigTest, DeadlinesAndFilingCountTheConfiguredHours) {
  const model::Breach gdpr_breach = letter(80, true);
  const model::Breach omnibus_breach = letter(80, true);
  auto deadlines = omnibus_->workflow().deadlines(officer_);
  ASSERT_TRUE(deadlines.ok()) << deadlines.error().message;
  ASSERT_EQ(deadlines->size(), 2U);
  for (const DeadlineEntry& e : *deadlines) {
    ASSERT_TRUE(e.deadline.has_value());
    EXPECT_EQ(e.deadline->length, std::chrono::hours(96));
    EXPECT_FALSE(e.deadline->overdue);
  }

  // 80 hours after discovery: late under 2026.1 (a reason is required), in time under omnibus-2025.
  auto late = decide_and_file(svc(), gdpr_breach);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "time.late_reason");
  auto in_time = decide_and_file(*omnibus_, omnibus_breach);
  ASSERT_TRUE(in_time.ok()) << in_time.error().message;
  auto view = omnibus_->workflow().assessment(officer_, omnibus_breach.id);
  ASSERT_TRUE(view.ok() && view->deadline.has_value());
  EXPECT_EQ(view->breach.status, BreachStatus::kNotified);
  EXPECT_FALSE(view->deadline->filed_late);
}

BD_SERVICE_SUITE(AssessmentConfigTest);

}  // namespace
}  // namespace bd::service::testing
