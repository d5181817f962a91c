// Coverage of the golden cases: every reason and exemption code the engine can give
// (the static tables of src/model/assess/, read from the source by test::engine_codes
// so that a new reason counts the day it is written) and every severity flag of the
// JSON output must be expected by at least one tests/golden/assess case.
// AssessGolden.EveryCaseMatches then proves the engine really gives it there, so
// coverage cannot silently regress.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "golden_support.h"
#include "json/assessment_codec.h"

namespace bd::model::assess {
namespace {

namespace bj = boost::json;

// The severity flags, as the JSON output names them.
std::set<std::string> flag_names() {
  std::set<std::string> names;
  const bj::object out = json::assessment_to_object(Assessment{});
  for (const auto& [name, value] : out.at("severity").at("flags").as_object()) names.emplace(name);
  return names;
}

struct Expected {
  std::map<std::string, std::set<std::string>> codes;  // code → the cases that expect it
  std::map<std::string, std::set<std::string>> flags;  // flag → the cases that expect it true
};

void add_codes(const bj::object& expect, const char* key, const std::string& name, Expected& out) {
  const auto* list = expect.if_contains(key);
  if (list == nullptr) return;
  for (const auto& code : list->as_array()) out.codes[std::string(code.as_string())].insert(name);
}

Expected expected_in_golden_cases() {
  Expected out;
  for (const auto& path : test::golden_case_files()) {
    const std::string name = path.filename().string();
    const bj::object doc = bj::parse(test::read_text(path)).as_object();
    const bj::object& expect = doc.at("expect").as_object();
    for (const char* key : {"notify_reasons", "inform_reasons", "exemptions"}) add_codes(expect, key, name, out);
    if (const auto* adjustment = expect.if_contains("dpc_adjustment"); adjustment && adjustment->is_string()) {
      out.codes[std::string(adjustment->as_string())].insert(name);
    }
    if (const auto* flags = expect.if_contains("flags")) {
      for (const auto& [flag, on] : flags->as_object()) {
        if (on.as_bool()) out.flags[std::string(flag)].insert(name);
      }
    }
  }
  return out;
}

TEST(AssessGoldenCoverage, EveryReasonAndExemptionCodeIsExpectedByACase) {
  const auto codes = test::engine_codes();
  ASSERT_FALSE(codes.empty()) << "no Reason or Exemption table entries found in src/model/assess";
  const Expected expected = expected_in_golden_cases();
  for (const auto& [code, declared] : codes) {
    EXPECT_TRUE(expected.codes.contains(code))
        << code << " (" << declared.declared << ") appears in no tests/golden/assess case's expect";
  }
  // The other way round, which also proves the table reader above found every table.
  for (const auto& [code, cases] : expected.codes) {
    EXPECT_TRUE(codes.contains(code)) << code << " is expected by " << *cases.begin()
                                      << " but is not in the engine's tables";
  }
}

TEST(AssessGoldenCoverage, EveryFlagIsExpectedTrueByACase) {
  const auto flags = flag_names();
  ASSERT_FALSE(flags.empty());
  const Expected expected = expected_in_golden_cases();
  for (const auto& flag : flags) {
    EXPECT_TRUE(expected.flags.contains(flag)) << "no tests/golden/assess case expects flags." << flag << " true";
  }
  for (const auto& [flag, cases] : expected.flags) {
    EXPECT_TRUE(flags.contains(flag)) << "flags." << flag << " (in " << *cases.begin() << ") is not in the output";
  }
}

}  // namespace
}  // namespace bd::model::assess
