#include "service/scan_suggestions.h"

#include <gtest/gtest.h>

namespace bd::service {
namespace {

using Tokens = std::vector<std::string>;

scan::FormSuggestion form() {
  scan::FormSuggestion f;
  f.data_general = {"name", "bsn"};
  f.data_records = 1200;
  f.subjects_count_known = false;
  f.subjects_count_min = 900;
  f.subjects_count_max = 950;
  f.protection_measures = {"none"};
  return f;
}

TEST(ScanSuggestions, OffersOnlyWhatTheScanFound) {
  auto s = scan_suggestions(form(), {});
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].id, "data.general");
  EXPECT_EQ(s[1].id, "data.records");  // no special categories found: not offered
  EXPECT_EQ(s[2].id, "subjects.count");
  EXPECT_EQ(s[3].id, "protection.measures");
  EXPECT_TRUE(scan_suggestions(scan::FormSuggestion{}, {}).empty());
}

TEST(ScanSuggestions, MergesMultiAnswersAndDropsUnknown) {
  model::Answers now{{"data.general", Tokens{"gender", "unknown", "bsn"}}};
  auto s = scan_suggestions(form(), now);
  EXPECT_EQ(std::get<Tokens>(s[0].proposed.at("data.general")), (Tokens{"gender", "bsn", "name"}));
  EXPECT_EQ(std::get<Tokens>(s[0].current.at("data.general")), (Tokens{"gender", "unknown", "bsn"}));
  EXPECT_TRUE(s[0].changes);
}

TEST(ScanSuggestions, SubjectsGetARangeOrAnExactCountAndClearTheOther) {
  model::Answers now{{"subjects.count_known", true}, {"subjects.count", std::int64_t{5}}};
  auto range = scan_suggestions(form(), now)[2];
  EXPECT_EQ(std::get<bool>(range.proposed.at("subjects.count_known")), false);
  EXPECT_TRUE(model::is_unknown(range.proposed.at("subjects.count")));
  EXPECT_EQ(std::get<std::int64_t>(range.proposed.at("subjects.count_min")), 900);
  EXPECT_EQ(std::get<std::int64_t>(range.current.at("subjects.count")), 5);
  auto exact_form = form();
  exact_form.subjects_count_known = true;
  exact_form.subjects_count = 950;
  auto exact = scan_suggestions(exact_form, {})[2];
  EXPECT_EQ(std::get<std::int64_t>(exact.proposed.at("subjects.count")), 950);
  EXPECT_TRUE(model::is_unknown(exact.proposed.at("subjects.count_max")));
}

TEST(ScanSuggestions, UnchangedAnswersAreMarkedAndOnlyChosenOnesBecomeChanges) {
  model::Answers now{{"data.records", std::int64_t{1200}}};
  auto s = scan_suggestions(form(), now);
  EXPECT_FALSE(s[1].changes);
  auto changes = chosen_changes(s, {"data.records", "protection.measures"});
  EXPECT_EQ(changes.size(), 2u);
  EXPECT_EQ(std::get<Tokens>(changes.at("protection.measures")), (Tokens{"none"}));
}

}  // namespace
}  // namespace bd::service
