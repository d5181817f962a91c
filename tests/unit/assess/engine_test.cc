// Unit tests of the assessment engine's edges: malformed input, configurations, the
// wording of the reasons for the seed scenario.
#include <gtest/gtest.h>

#include "model/assess/assessment.h"

namespace bd::model::assess {
namespace {

Answers seed_care_answers() {
  return Answers{{"breach.nature", std::vector<std::string>{"confidentiality"}},
                 {"breach.incident_type", std::string("authorisation_misconfigured")},
                 {"data.general", std::vector<std::string>{"name", "address", "bsn", "financial"}},
                 {"assess.recipients", std::string("unknown_number")},
                 {"assess.malicious", false}};
}

TEST(AssessEngine, UnknownTokenIsRefusedNamingTheField) {
  Answers answers = seed_care_answers();
  answers["data.general"] = std::vector<std::string>{"name", "shoe_size"};
  auto result = assess(answers);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(result.error().field, "data.general");
}

TEST(AssessEngine, WrongTypeIsRefusedNamingTheField) {
  Answers answers = seed_care_answers();
  answers["assess.malicious"] = std::string("yes");
  auto result = assess(answers);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "assess.malicious");
  answers["assess.malicious"] = false;
  answers["assess.restore_hours"] = -3.0;
  result = assess(answers);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "assess.restore_hours");
}

TEST(AssessEngine, NullMeansUnknown) {
  Answers answers = seed_care_answers();
  answers["assess.backup"] = std::monostate{};
  ASSERT_TRUE(assess(answers).ok());
}

TEST(AssessEngine, SeedReasonsNameBsnAndPaymentData) {
  auto result = assess(seed_care_answers());
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->notify_ap);
  EXPECT_TRUE(result->inform_subjects);
  bool bsn = false, payment = false;
  for (const auto& r : result->inform_reasons) {
    bsn = bsn || r.nl.find("BSN") != std::string_view::npos;
    payment = payment || r.nl.find("Betaal") != std::string_view::npos;
  }
  EXPECT_TRUE(bsn);
  EXPECT_TRUE(payment);
  EXPECT_EQ(result->engine_version, kEngineVersion);
  EXPECT_EQ(result->config_version, "2026.1");
}

TEST(AssessEngine, ConfigurationsAreVersioned) {
  EXPECT_EQ(default_config().deadline_hours, 72);
  auto omnibus = config_by_version("omnibus-2025");
  ASSERT_TRUE(omnibus.ok());
  EXPECT_EQ(omnibus->deadline_hours, 96);
  EXPECT_EQ(omnibus->notify_ap_from, RiskLevel::kHighRisk);
  EXPECT_FALSE(config_by_version("1999").ok());
}

TEST(AssessEngine, BandsFollowEnisaThresholds) {
  Facts facts;
  facts.nature = bits_of(Nature::kConfidentiality);
  facts.general = bits_of(General::kName, General::kAddress);
  facts.recipients = Recipients::kUnknownNumber;
  facts.malicious = Tri::kNo;
  EXPECT_EQ(assess(facts).score, 1.5);
  EXPECT_EQ(assess(facts).band, Band::kLow);
  facts.malicious = Tri::kYes;  // 1 + 0.5 + 0.5 = 2.0: the medium band starts at 2
  EXPECT_EQ(assess(facts).band, Band::kMedium);
  EXPECT_EQ(severity_token(Band::kVeryHigh), "very_high");
}

}  // namespace
}  // namespace bd::model::assess

namespace bd::model::assess {
namespace {

TEST(AssessEngine, UnknownDataCategoryTokenCountsAsUnknown) {
  Facts facts;
  facts.nature = bits_of(Nature::kConfidentiality);
  facts.general = bits_of(General::kUnknown);
  facts.recipients = Recipients::kKnownUntrusted;
  facts.malicious = Tri::kNo;
  const auto a = assess(facts);
  EXPECT_TRUE(a.notify_ap);
  EXPECT_FALSE(a.inform_subjects);
  bool general = false;
  for (auto id : a.unknowns_that_matter) general = general || id == "data.general";
  EXPECT_TRUE(general);
}

}  // namespace
}  // namespace bd::model::assess

namespace bd::model::assess {
namespace {

TEST(AssessEngine, AProcessorInformsItsControllersInstead) {
  Answers answers{{"breach.nature", std::vector<std::string>{"confidentiality"}},
                  {"breach.incident_type", std::string("hacking_malware_phishing")},
                  {"data.general", std::vector<std::string>{"name", "address", "bsn"}},
                  {"assess.exfiltrated", true}};
  auto facts = facts_from_answers(answers);
  ASSERT_TRUE(facts.ok());
  EXPECT_TRUE(assess(*facts).inform_subjects);
  facts->as_processor = true;
  const auto a = assess(*facts);
  EXPECT_FALSE(a.notify_ap);
  EXPECT_FALSE(a.inform_subjects);
  EXPECT_TRUE(a.notify_controllers);
  ASSERT_EQ(a.notify_reasons.size(), 1U);
  EXPECT_EQ(a.notify_reasons[0].code, "processor_informs_controllers");
  EXPECT_EQ(a.band, Band::kHigh);  // the controllers still get the severity
  EXPECT_TRUE(a.unknowns_that_matter.empty());
}

}  // namespace
}  // namespace bd::model::assess
