// The stateless assessment of `breachdesk assess` and POST /api/v1/assess, through the
// real answers codec: the seed's care organisation, and bad input naming the field.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "golden_support.h"
#include "json/answers_codec.h"
#include "json/assessment_codec.h"

namespace bd::json {
namespace {

namespace bj = boost::json;

std::string seed_document() {
  const auto golden = bj::parse(test::read_text(std::string(BD_SOURCE_DIR) +
                                                "/tests/golden/assess/004_seed_care_organisation.json"));
  return bj::serialize(bj::object{{"id", "b-1"}, {"answers", golden.at("answers")}});
}

TEST(AssessDocument, SeedCareOrganisationIsNotifiedAndInformed) {
  auto out = assess_document(seed_document());
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_TRUE(out->at("notify_ap").as_bool());
  EXPECT_TRUE(out->at("inform_subjects").as_bool());
  EXPECT_EQ(out->at("severity").at("band").as_string(), "high");
  EXPECT_EQ(out->at("deadline").at("due").as_string(), "2018-03-31T10:00:00+02:00");
  const auto text = bj::serialize(out->at("reasons"));
  EXPECT_NE(text.find("BSN"), std::string::npos);
  EXPECT_NE(text.find("Betaal"), std::string::npos);
  for (const char* key : {"engine_version", "exemptions", "unknowns_that_matter", "risk"}) {
    EXPECT_TRUE(out->contains(key)) << key;
  }
}

TEST(AssessDocument, BadValueNamesTheField) {
  auto out = assess_document(R"({"answers": {"assess.recipients": "everyone"}})");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(out.error().field, "assess.recipients");
  EXPECT_FALSE(assess_document("not json").ok());
}

TEST(AssessDocument, NoAwarenessTimeMeansNoDeadline) {
  auto out = assess_document(R"({"answers": {}})");
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->at("deadline").is_null());
  EXPECT_EQ(assessment_to_json(model::assess::assess(model::assess::Facts{})).find("\"notify_ap\":true") !=
                std::string::npos,
            true);
}

}  // namespace
}  // namespace bd::json

namespace bd::json {
namespace {

TEST(AssessDocument, DecisionKeepsTheProposal) {
  model::assess::Assessment proposal;
  proposal.notify_ap = true;
  proposal.inform_subjects = true;
  auto decision = model::make_decision(proposal, true, false, "Art. 34(3)(b): kaarten geblokkeerd.", "u-1",
                                       TimePoint{std::chrono::seconds{1'700'000'000}});
  ASSERT_TRUE(decision.ok());
  const auto out = decision_to_object(*decision);
  EXPECT_EQ(out.at("outcome").as_string(), "overridden");
  EXPECT_EQ(out.at("at").as_string(), "2023-11-14T22:13:20Z");
  EXPECT_TRUE(out.at("proposal").at("inform_subjects").as_bool());
  EXPECT_FALSE(out.at("inform_subjects").as_bool());
}

}  // namespace
}  // namespace bd::json

namespace bd::json {
namespace {

// The golden cases are real contract documents: the production codec accepts each, and
// the engine's answer through it equals the answer through the test's own reader.
TEST(AssessDocument, EveryGoldenCaseIsAValidContractDocument) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(BD_SOURCE_DIR) / "tests/golden/assess")) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const auto doc = bj::parse(test::read_text(entry.path())).as_object();
    auto answers = answers_from_object(doc.at("answers").as_object());
    ASSERT_TRUE(answers.ok()) << answers.error().field << ": " << answers.error().message;
    auto via_codec = model::assess::assess(*answers);
    auto via_test = model::assess::assess(test::answers_from(doc.at("answers").as_object()));
    ASSERT_TRUE(via_codec.ok() && via_test.ok());
    EXPECT_EQ(assessment_to_json(*via_codec), assessment_to_json(*via_test));
    ++checked;
  }
  EXPECT_GE(checked, 30);
}

}  // namespace
}  // namespace bd::json
