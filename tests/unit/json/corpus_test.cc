// The fuzzer's seed documents (the two seed scenarios as JSON) must be valid, so the
// fuzzer starts from inputs that reach every branch of the codec.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "json/answers_codec.h"
#include "model/validation.h"

namespace bd::json {
namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(BD_SOURCE_DIR) + "/tests/fuzz/json/corpus/answers_json_fuzz/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const TimePoint kNow{std::chrono::seconds{1'800'000'000}};

TEST(SeedCorpus, SeedScenariosParseAndValidate) {
  for (const char* name : {"seed_000_care.json", "seed_002_processor.json", "bare_answers.json"}) {
    auto answers = answers_from_json(read(name));
    ASSERT_TRUE(answers.ok()) << name << ": " << answers.error().message;
    auto problems = model::validate_answers(*answers, kNow);
    EXPECT_TRUE(problems.empty()) << name << ": " << (problems.empty() ? "" : problems[0].field);
  }
  auto care = answers_from_json(read("seed_000_care.json"));
  EXPECT_EQ(care->count("assess.malicious"), 0u);  // null is unknown
  auto missing = model::missing_for_notification(*care, kNow);
  for (const auto& m : missing) ADD_FAILURE() << "missing " << m.id;  // a complete notification
  // Submitted ~30 hours after discovery: no late reason needed; a week later it would be.
  (*care)["meta.submitted_at"] = std::string("2018-04-05T10:00:00+02:00");
  missing = model::missing_for_notification(*care, kNow);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].id, "time.late_reason");
}

TEST(SeedCorpus, BreachAndRevisionSeedsParse) {
  EXPECT_TRUE(breach_from_json(read("breach.json")).ok());
  EXPECT_TRUE(revision_from_json(read("revision.json")).ok());
}

}  // namespace
}  // namespace bd::json
