// Data-driven assessment cases: every tests/golden/assess/NNN_name.json holds the
// answers of one breach and the expected subset of the engine's output. Optional
// inputs beside "answers": "config" (a configuration version) and "as_processor"
// (true: the recording organisation is the processor, Facts::as_processor, which is
// not a form answer). A mismatch prints the differing keys; BD_UPDATE_GOLDEN=1
// rewrites "expect" from the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "golden_support.h"
#include "model/assess/assessment.h"

namespace bd::model::assess {
namespace {

namespace bj = boost::json;

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
      {"notify_controllers", a.notify_controllers},
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

// The case's answers assessed as the case says: with its configuration, and as the
// processor when "as_processor" is true.
Result<Assessment> assess_case(const bj::object& doc, const EngineConfig& config) {
  BD_ASSIGN_OR_RETURN(Facts facts, facts_from_answers(test::answers_from(doc.at("answers").as_object())));
  if (const auto* processor = doc.if_contains("as_processor")) facts.as_processor = processor->as_bool();
  return assess(facts, config);
}

TEST(AssessGolden, AtLeastThirtyCases) { EXPECT_GE(test::golden_case_files().size(), 30U); }

TEST(AssessGolden, EveryCaseMatches) {
  const bool update = std::getenv("BD_UPDATE_GOLDEN") != nullptr;
  for (const auto& path : test::golden_case_files()) {
    SCOPED_TRACE(path.filename().string());
    bj::object doc = bj::parse(test::read_text(path)).as_object();
    EngineConfig config = default_config();
    if (const auto* name = doc.if_contains("config")) {
      auto named = config_by_version(std::string(name->as_string()));
      ASSERT_TRUE(named.ok());
      config = *named;
    }
    auto result = assess_case(doc, config);
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
