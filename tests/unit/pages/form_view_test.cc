#include "pages/form_view.h"

#include <gtest/gtest.h>

#include "pages/local_time.h"

namespace bd::pages {
namespace {

Catalog catalog() {
  auto nl = parse_messages(R"({"form": {"yes": "Ja", "no": "Nee", "unknown": "Onbekend",
                               "error": {"date": "datum fout", "int": "getal fout", "option": "optie fout",
                                         "time": "tijd fout", "time_required": "tijd nodig"}}})",
                           "nl");
  auto c = Catalog::from_languages({{"nl", *nl}});
  return std::move(c).value();
}

TEST(LocalTime, ConvertsAmsterdamWallClockBothWays) {
  EXPECT_EQ(*amsterdam_to_iso("2018-03-28", "10:00"), "2018-03-28T10:00:00+02:00");
  EXPECT_EQ(*amsterdam_to_iso("2026-01-15", "09:30"), "2026-01-15T09:30:00+01:00");
  EXPECT_FALSE(amsterdam_to_iso("2026-02-30", "10:00").ok());
  EXPECT_FALSE(amsterdam_to_iso("2026-03-29", "02:30").ok());  // skipped by summer time
  EXPECT_FALSE(amsterdam_to_iso("2026-01-15", "24:00").ok());
  LocalDateTime local = iso_to_amsterdam("2018-03-28T08:00:00Z");
  EXPECT_EQ(local.date, "2018-03-28");
  EXPECT_EQ(local.time, "10:00");
  EXPECT_EQ(display_datetime("2018-03-28T10:00:00+02:00", "nl"), "28-03-2018 10:00");
  EXPECT_EQ(display_datetime("2018-03-28", "en"), "2018-03-28");
}

TEST(ParseChapter, ReadsTypedValuesAndConditionalQuestions) {
  const FormFields fields = {{"intl.cross_border", "true"}, {"intl.cross_border__present", "1"},
                             {"intl.countries__present", "1"}, {"intl.countries", "DE"}, {"intl.countries", "BE"}};
  ChapterInput in = parse_chapter(2, fields, {}, catalog(), "nl");
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.changes.at("intl.cross_border"), model::Value(true));
  EXPECT_EQ(in.changes.at("intl.countries"), model::Value(std::vector<std::string>{"DE", "BE"}));
}

TEST(ParseChapter, DropsAnswersToQuestionsThatNoLongerApply) {
  model::Answers saved = {{"intl.cross_border", true}, {"intl.countries", std::vector<std::string>{"DE"}}};
  const FormFields fields = {{"intl.cross_border", "false"}, {"intl.countries__present", "1"}, {"intl.countries", "DE"}};
  ChapterInput in = parse_chapter(2, fields, saved, catalog(), "nl");
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.changes.at("intl.cross_border"), model::Value(false));
  EXPECT_TRUE(model::is_unknown(in.changes.at("intl.countries")));  // cleared
}

TEST(ParseChapter, ReportsImpossibleDatesAndUnknownOptionsPerField) {
  const FormFields fields = {{"time.discovered", "2026-02-30"}, {"time.discovered__time", "10:00"},
                             {"time.ongoing", "maybe"}};
  ChapterInput in = parse_chapter(4, fields, {}, catalog(), "nl");
  EXPECT_EQ(in.errors.at("time.discovered"), "datum fout");
  EXPECT_EQ(in.errors.at("time.ongoing"), "optie fout");
}

TEST(ParseChapter, ConvertsLocalTimeAndKeepsTextAsGiven) {
  const FormFields fields = {{"time.discovered", "2018-03-28"}, {"time.discovered__time", "10:00"},
                             {"time.how_discovered", "<script>alert(1)</script> ' OR 1=1 --"}};
  ChapterInput in = parse_chapter(4, fields, {}, catalog(), "nl");
  EXPECT_TRUE(in.errors.empty());
  EXPECT_EQ(in.changes.at("time.discovered"), model::Value(std::string("2018-03-28T10:00:00+02:00")));
  EXPECT_EQ(in.changes.at("time.how_discovered"), model::Value(std::string("<script>alert(1)</script> ' OR 1=1 --")));
}

TEST(ChapterView, RendersEveryQuestionOfTheChapterWithConditions) {
  View v = chapter_view(2, {}, catalog(), "nl", {}, nullptr);
  const View* questions = v.get("questions");
  ASSERT_NE(questions, nullptr);
  ASSERT_TRUE(questions->is_non_empty_list());
  bool countries_hidden = false;
  for (const View& q : questions->list_value()) {
    if (q.get("id")->string_value() == "intl.countries") countries_hidden = q.get("hidden")->is_true();
  }
  EXPECT_TRUE(countries_hidden);
}

}  // namespace
}  // namespace bd::pages
