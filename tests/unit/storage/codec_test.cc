#include <gtest/gtest.h>

#include "storage/breach_codec.h"
#include "storage/field_cipher.h"
#include "storage/sql_util.h"

namespace bd::storage::detail {
namespace {

TimePoint at(long long s) { return TimePoint(std::chrono::seconds(s)); }

TEST(ParseInstant, AcceptsDatesAndDateTimesWithZones) {
  EXPECT_EQ(parse_instant("2018-03-28T10:00:00+02:00"), at(1522224000));
  EXPECT_EQ(parse_instant("2018-03-28T08:00:00Z"), at(1522224000));
  EXPECT_EQ(parse_instant("2018-03-28T08:00Z"), at(1522224000));
  EXPECT_EQ(parse_instant("2018-03-28T08:00:00.250Z"), at(1522224000));
  EXPECT_EQ(parse_instant("2018-03-28T03:30:00-0430"), at(1522224000));
  EXPECT_EQ(parse_instant("2021-04-19"), at(1618790400));
}

TEST(ParseInstant, RejectsMalformedText) {
  for (const char* bad : {"", "2018", "2018-02-30", "2018-13-01", "28-03-2018", "2018-03-28T25:00Z",
                          "2018-03-28T10:00+2", "2018-03-28T10:00:00+02:00 extra", "2018-03-28X10:00"}) {
    EXPECT_FALSE(parse_instant(bad).has_value()) << bad;
  }
}

TEST(FormatInstant, IsUtcIso8601) { EXPECT_EQ(format_instant_utc(at(1522224000)), "2018-03-28T08:00:00Z"); }

TEST(FoldCase, LowersAsciiAndLatin1Capitals) {
  EXPECT_EQ(fold_case("ÉÉN Cliënt ÖZ × é"), "één cliënt öz × é");
  EXPECT_EQ(fold_case("ABC-123"), "abc-123");
}

TEST(EscapeLike, EscapesWildcardsAndTheEscape) { EXPECT_EQ(escape_like("50%_a\\b"), "50\\%\\_a\\\\b"); }

TEST(AnswersText, RoundTripsEveryValueTypeAndDropsUnknowns) {
  IdentityCipher cipher;
  model::Answers answers{{"a.bool", true},
                         {"a.int", std::int64_t{-42}},
                         {"a.double", 2.5},
                         {"a.text", std::string("quote \" and <tag> and ünïcode")},
                         {"a.list", std::vector<std::string>{"x", "y"}},
                         {"a.empty_list", std::vector<std::string>{}},
                         {"a.unknown", model::Value{}}};
  std::string text = answers_to_text(answers, cipher);
  auto back = answers_from_text(text, cipher);
  ASSERT_TRUE(back.ok());
  answers.erase("a.unknown");
  EXPECT_EQ(back.value(), answers);
  EXPECT_FALSE(answers_from_text("[1]", cipher).ok());
  EXPECT_FALSE(answers_from_text("{bad", cipher).ok());
}

TEST(ChangesText, RoundTripsTheModelDiff) {
  model::Answers before{{"a", std::int64_t{1}}, {"b", std::string("x")}, {"c", model::Value{}}};
  model::Answers after{{"a", std::int64_t{1}}, {"b", std::string("y")}, {"d", true}};
  auto changes = model::diff_answers(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].id, "b");
  EXPECT_EQ(changes[1].id, "d");
  EXPECT_TRUE(model::is_unknown(changes[1].old_value));
  auto text = changes_to_text(changes, IdentityCipher{});
  auto back = changes_from_text(text, IdentityCipher{});
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ(back->at(0).new_value, model::Value{std::string("y")});
}

TEST(RegisterColumns, DeriveFromAnswers) {
  model::Breach b;
  b.reference = "2026-0007";
  b.title = "Onbeveiligde Webserver";
  b.answers = {{"breach.incident_type", std::string("published_by_mistake")},
               {"time.discovered", std::string("2018-03-28T10:00:00+02:00")},
               {"breach.summary", std::string("Map OPEN")}};
  auto cols = register_columns(b);
  EXPECT_EQ(cols.incident_type, "published_by_mistake");
  EXPECT_EQ(cols.discovered_at, at(1522224000));
  EXPECT_EQ(cols.search_text, "2026-0007\nonbeveiligde webserver\nmap open");
  b.answers["time.discovered"] = std::string("gisteren");
  EXPECT_FALSE(register_columns(b).discovered_at.has_value());
}

TEST(PersonalAnswers, AreReporterAndContactFieldsAndDocumentNames) {
  EXPECT_TRUE(is_personal_answer("reporter.email"));
  EXPECT_TRUE(is_personal_answer("contact.name"));
  EXPECT_TRUE(is_personal_answer("breach.attachments"));
  EXPECT_FALSE(is_personal_answer("breach.summary"));
}

}  // namespace
}  // namespace bd::storage::detail
