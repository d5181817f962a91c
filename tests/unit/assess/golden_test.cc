// Data-driven assessment cases: every tests/golden/assess/NNN_name.json holds the
// answers of one breach and the expected subset of the engine's output. A mismatch
// prints the differing keys; BD_UPDATE_GOLDEN=1 rewrites "expect" from the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "golden_support.h"
#include "model/assess/assessment.h"

namespace bd::model::assess {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

template <typename R>
bj::array codes(const std::vector<R>& list) {
  bj::array out;
  for (const auto& r : list) out.emplace_back(bj::string_view(r.code.data(), r.code.size()));
  return out;
}

bj::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

// The engine's output in the golden files' shape (reason codes instead of sentences).
bj::object summary(const Assessment& a) {
  bj::array unknowns;
  for (auto id : a.unknowns_that_matter) unknowns.emplace_back(sv(id));
  bj::value adjustment = nullptr;
  if (!a.dpc_adjustment_reason.code.empty()) adjustment = sv(a.dpc_adjustment_reason.code);
  return bj::object{
      {"notify_ap", a.notify_ap}, {"inform_subjects", a.inform_subjects}, {"risk", sv(to_token(a.risk))},
      {"band", sv(to_token(a.band))}, {"score", a.score}, {"dpc", a.dpc}, {"dpc_base", a.dpc_base},
      {"dpc_adjustment", adjustment}, {"ei", a.ei},
      {"cb", bj::array{a.cb.confidentiality, a.cb.integrity, a.cb.availability, a.cb.malicious}},
      {"flags", bj::object{{"more_than_100", a.flags.more_than_100}, {"unintelligible", a.flags.unintelligible}}},
      {"notify_reasons", codes(a.notify_reasons)}, {"inform_reasons", codes(a.inform_reasons)},
      {"exemptions", codes(a.exemptions)}, {"public_notice_required", a.public_notice_required},
      {"unknowns_that_matter", std::move(unknowns)}, {"deadline_hours", a.deadline_hours}};
}

bool same(const bj::value& expected, const bj::value& actual) {
  if (expected.is_number() && actual.is_number()) {
    return std::abs(expected.to_number<double>() - actual.to_number<double>()) < 1e-9;
  }
  if (expected.is_array() && actual.is_array()) {
    const auto& e = expected.as_array();
    const auto& a = actual.as_array();
    return e.size() == a.size() && std::equal(e.begin(), e.end(), a.begin(), same);
  }
  return expected == actual;
}

std::vector<fs::path> golden_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(BD_SOURCE_DIR) / "tests/golden/assess")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(AssessGolden, AtLeastThirtyCases) { EXPECT_GE(golden_files().size(), 30U); }

TEST(AssessGolden, EveryCaseMatches) {
  const bool update = std::getenv("BD_UPDATE_GOLDEN") != nullptr;
  for (const auto& path : golden_files()) {
    SCOPED_TRACE(path.filename().string());
    bj::object doc = bj::parse(test::read_text(path)).as_object();
    EngineConfig config = default_config();
    if (const auto* name = doc.if_contains("config")) {
      auto named = config_by_version(std::string(name->as_string()));
      ASSERT_TRUE(named.ok());
      config = *named;
    }
    auto result = assess(test::answers_from(doc.at("answers").as_object()), config);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const bj::object actual = summary(*result);
    if (update) {
      doc["expect"] = actual;
      test::write_text(path, test::pretty(doc) + "\n");
      continue;
    }
    for (const auto& [key, expected] : doc.at("expect").as_object()) {
      const auto* got = actual.if_contains(key);
      ASSERT_NE(got, nullptr) << "unknown key in expect: " << key;
      EXPECT_TRUE(same(expected, *got)) << key << ": expected " << bj::serialize(expected) << ", got "
                                        << bj::serialize(*got);
    }
  }
}

}  // namespace
}  // namespace bd::model::assess
