// The assessment configuration document (json/assessment_config_codec.h): the shipped
// files under config/assessment/ are exactly the compiled-in configurations, every
// member is read, and every malformed or out-of-range document is refused naming the
// member.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "json/assessment_config_codec.h"

namespace bd::json {
namespace {

namespace bj = boost::json;
using model::assess::Band;
using model::assess::EngineConfig;
using model::assess::RiskLevel;

const std::filesystem::path kConfigDir = std::filesystem::path(BD_SOURCE_DIR) / "config" / "assessment";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The 2026.1 document with `member` set to `value` (or removed when value is absent).
std::string with(std::string_view member, std::optional<bj::value> value) {
  bj::object o = bj::parse(assessment_config_to_json(model::assess::default_config())).as_object();
  if (value) {
    o[member] = *value;
  } else {
    o.erase(member);
  }
  return bj::serialize(o);
}

bj::value text(const std::string& s) { return bj::value(bj::string_view(s.data(), s.size())); }

void expect_refused(const std::string& text, std::string_view field, std::string_view why) {
  SCOPED_TRACE(std::string(why) + ": " + text);
  auto parsed = assessment_config_from_json(text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(parsed.error().field, field);
  EXPECT_NE(parsed.error().message.find(field), std::string::npos) << parsed.error().message;
}

TEST(AssessmentConfigCodec, ShippedFilesAreTheCompiledInConfigs) {
  std::set<std::string> compiled;
  for (const EngineConfig& config : model::assess::compiled_in_configs()) {
    SCOPED_TRACE(config.version);
    compiled.insert(config.version);
    auto parsed = assessment_config_from_json(read_file(kConfigDir / (config.version + ".json")));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(*parsed, config);
  }
  std::set<std::string> shipped;
  for (const auto& entry : std::filesystem::directory_iterator(kConfigDir)) shipped.insert(entry.path().stem());
  EXPECT_EQ(shipped, compiled);
  EXPECT_EQ(model::assess::default_config().version, "2026.1");
  EXPECT_EQ(model::assess::compiled_in_versions(), "2026.1, omnibus-2025");
}

TEST(AssessmentConfigCodec, ReadsEveryMember) {
  const std::string text = R"({"version": "acme-2027.2", "notify_ap_from": "unlikely",
      "inform_subjects_from": "risk", "deadline_hours": 48, "band_medium_from": 1.5,
      "band_high_from": 2.75, "band_very_high_from": 6, "high_risk_from_band": "very_high",
      "quick_restore_hours": 0.5, "many_people": 1})";
  auto parsed = assessment_config_from_json(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->version, "acme-2027.2");
  EXPECT_EQ(parsed->notify_ap_from, RiskLevel::kUnlikely);
  EXPECT_EQ(parsed->inform_subjects_from, RiskLevel::kRisk);
  EXPECT_EQ(parsed->deadline_hours, 48);
  EXPECT_EQ(parsed->band_medium_from, 1.5);
  EXPECT_EQ(parsed->band_high_from, 2.75);
  EXPECT_EQ(parsed->band_very_high_from, 6.0);
  EXPECT_EQ(parsed->high_risk_from_band, Band::kVeryHigh);
  EXPECT_EQ(parsed->quick_restore_hours, 0.5);
  EXPECT_EQ(parsed->many_people, 1);
}

TEST(AssessmentConfigCodec, ReadsEveryToken) {
  for (auto level : {RiskLevel::kUnlikely, RiskLevel::kRisk, RiskLevel::kHighRisk}) {
    auto parsed = assessment_config_from_json(with("inform_subjects_from", bj::string(to_token(level))));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->inform_subjects_from, level);
  }
  for (auto band : {Band::kLow, Band::kMedium, Band::kHigh, Band::kVeryHigh}) {
    auto parsed = assessment_config_from_json(with("high_risk_from_band", bj::string(to_token(band))));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->high_risk_from_band, band);
  }
}

TEST(AssessmentConfigCodec, SerialisesToWhatItParses) {
  for (const EngineConfig& config : model::assess::compiled_in_configs()) {
    const std::string text = assessment_config_to_json(config);
    auto parsed = assessment_config_from_json(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(*parsed, config);
    EXPECT_EQ(assessment_config_to_json(*parsed), text);
  }
}

TEST(AssessmentConfigCodec, AcceptsTheBoundsOfEveryRange) {
  EXPECT_TRUE(assessment_config_from_json(with("deadline_hours", 1)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("deadline_hours", 720)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("quick_restore_hours", 0)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("quick_restore_hours", 720)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("many_people", 1'000'000'000)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("band_medium_from", 0.25)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("band_very_high_from", 6)).ok());
  EXPECT_TRUE(assessment_config_from_json(with("version", "a")).ok());
  EXPECT_TRUE(assessment_config_from_json(with("version", text(std::string(40, 'v')))).ok());
}

TEST(AssessmentConfigCodec, RefusesEveryMissingMember) {
  for (std::string_view member : {"version", "notify_ap_from", "inform_subjects_from", "deadline_hours",
                                  "band_medium_from", "band_high_from", "band_very_high_from",
                                  "high_risk_from_band", "quick_restore_hours", "many_people"}) {
    expect_refused(with(member, std::nullopt), member, "missing");
  }
}

TEST(AssessmentConfigCodec, RefusesWrongTypes) {
  expect_refused(with("version", 2026), "version", "number for a string");
  expect_refused(with("version", nullptr), "version", "null");
  expect_refused(with("notify_ap_from", true), "notify_ap_from", "bool for a token");
  expect_refused(with("inform_subjects_from", bj::array{"high_risk"}), "inform_subjects_from", "array");
  expect_refused(with("deadline_hours", "72"), "deadline_hours", "string for a number");
  expect_refused(with("deadline_hours", 72.5), "deadline_hours", "fraction for a whole number");
  expect_refused(with("deadline_hours", 18446744073709551615ULL), "deadline_hours", "beyond int64");
  expect_refused(with("band_medium_from", "2"), "band_medium_from", "string for a number");
  expect_refused(with("band_high_from", nullptr), "band_high_from", "null");
  expect_refused(with("band_very_high_from", bj::object{}), "band_very_high_from", "object");
  expect_refused(with("high_risk_from_band", 3), "high_risk_from_band", "number for a token");
  expect_refused(with("quick_restore_hours", false), "quick_restore_hours", "bool");
  expect_refused(with("many_people", 100.5), "many_people", "fraction");
  expect_refused(with("many_people", "100"), "many_people", "string");
}

TEST(AssessmentConfigCodec, RefusesUnknownTokens) {
  expect_refused(with("notify_ap_from", "high"), "notify_ap_from", "a band for a risk level");
  expect_refused(with("inform_subjects_from", "HIGH_RISK"), "inform_subjects_from", "case matters");
  expect_refused(with("high_risk_from_band", "high_risk"), "high_risk_from_band", "a risk level for a band");
  expect_refused(with("high_risk_from_band", ""), "high_risk_from_band", "empty");
}

TEST(AssessmentConfigCodec, RefusesValuesOutOfRange) {
  expect_refused(with("deadline_hours", 0), "deadline_hours", "zero");
  expect_refused(with("deadline_hours", -72), "deadline_hours", "negative");
  expect_refused(with("deadline_hours", 721), "deadline_hours", "over 30 days");
  expect_refused(with("deadline_hours", 4'294'967'368LL), "deadline_hours", "wraps around int");
  expect_refused(with("band_medium_from", 0.2), "band_medium_from", "below the ENISA scale");
  expect_refused(with("band_very_high_from", 6.25), "band_very_high_from", "above the ENISA scale");
  expect_refused(with("band_high_from", 2), "band_high_from", "equal to the one before");
  expect_refused(with("band_very_high_from", 2.5), "band_very_high_from", "below the one before");
  expect_refused(with("band_medium_from", 3.5), "band_high_from", "the next one not above it");
  expect_refused(with("quick_restore_hours", -0.5), "quick_restore_hours", "negative");
  expect_refused(with("quick_restore_hours", 720.5), "quick_restore_hours", "over 30 days");
  expect_refused(with("many_people", 0), "many_people", "zero");
  expect_refused(with("many_people", -1), "many_people", "negative");
  expect_refused(with("many_people", 1'000'000'001), "many_people", "over a billion");
}

TEST(AssessmentConfigCodec, RefusesBadVersions) {
  expect_refused(with("version", ""), "version", "empty");
  expect_refused(with("version", text(std::string(41, 'v'))), "version", "too long");
  expect_refused(with("version", "2026 1"), "version", "space");
  expect_refused(with("version", "../2026.1"), "version", "slash");
  expect_refused(with("version", "v\n1"), "version", "newline (logged at start)");
  expect_refused(with("version", "versie-é"), "version", "non-ASCII");
}

TEST(AssessmentConfigCodec, RefusesMalformedDocuments) {
  expect_refused(with("deadline", 72), "deadline", "unknown key");
  expect_refused(with("Version", "2026.1"), "Version", "keys are case-sensitive");
  std::string twice = with("version", "2026.1");
  twice.insert(1, R"("version": "other", )");
  expect_refused(twice, "version", "a key twice");
  expect_refused("[]", "", "an array");
  expect_refused("\"2026.1\"", "", "a string");
  expect_refused("{\"version\": \"2026.1\",}", "", "trailing comma");
  expect_refused("{\"version\": \"2026.1\"} // comment", "", "comment");
  expect_refused("", "", "empty");
  expect_refused(std::string(kMaxConfigBytes + 1, ' '), "", "too large");
}

}  // namespace
}  // namespace bd::json
