#include "model/validation.h"

#include <gtest/gtest.h>

#include "model/text_checks.h"

namespace bd::model {
namespace {

using namespace std::chrono;
using Strings = std::vector<std::string>;

const TimePoint kNow{sys_days{year{2021} / 4 / 20}.time_since_epoch() + hours{12}};

std::vector<std::string> fields(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

std::vector<std::string> problems_of(const Answers& a) { return fields(validate_answers(a, kNow)); }

// The processor seed (seeds/002): what the processor pre-fills for its customers.
Answers seed_processor() {
  return {{"other_org.involved", true},
          {"other_org.name", Strings{"Nostradamus ICT BV"}},
          {"other_org.role", Strings{"Partner op het gebied van onze workforce management omgeving"}},
          {"time.start", std::string("2021-04-16")},
          {"time.end", std::string("2021-04-16")},
          {"time.ongoing", false},
          {"time.discovered", std::string("2021-04-19T09:00:00+02:00")},
          {"breach.nature", Strings{"confidentiality", "integrity", "availability_permanent"}},
          {"breach.incident_type", std::string("hacking_malware_phishing")},
          {"breach.summary", std::string("Hackers hebben toegang verkregen tot de laptop van een medewerker.")},
          {"protection.measures", Strings{"none"}},
          {"consequences.controller", Strings{"unauthorised_knowledge", "misuse_possible"}}};
}

TEST(Validation, SeedAnswersAreValid) {
  EXPECT_TRUE(validate_answers(seed_processor(), kNow).empty());
  EXPECT_TRUE(validate_answers({}, kNow).empty());
}

TEST(Validation, UnknownIdsWrongTypesAndUnknownOptionsAreNamed) {
  EXPECT_EQ(problems_of({{"breach.colour", std::string("red")}}), Strings{"breach.colour"});
  EXPECT_EQ(problems_of({{"time.ongoing", std::string("yes")}}), Strings{"time.ongoing"});
  EXPECT_EQ(problems_of({{"breach.incident_type", std::string("meteor")}}), Strings{"breach.incident_type"});
  EXPECT_EQ(problems_of({{"breach.nature", Strings{"confidentiality", "confidentiality"}}}),
            Strings{"breach.nature"});
  EXPECT_EQ(problems_of({{"breach.nature", std::string("confidentiality")}}), Strings{"breach.nature"});
  EXPECT_EQ(problems_of({{"protection.measures", Strings{"none", "hashed"}}}), Strings{"protection.measures"});
  EXPECT_EQ(problems_of({{"data.records", std::int64_t{-1}}}), Strings{"data.records"});
  EXPECT_EQ(problems_of({{"data.records", 1.5}}), Strings{"data.records"});
  EXPECT_EQ(problems_of({{"assess.restore_hours", 1.5}}), Strings{});
  EXPECT_EQ(problems_of({{"assess.restore_hours", std::int64_t{3}}}), Strings{});
  EXPECT_EQ(problems_of({{"assess.restore_hours", -0.5}}), Strings{"assess.restore_hours"});
}

TEST(Validation, ImpossibleDatesAreRefused) {
  EXPECT_EQ(problems_of({{"time.start", std::string("2021-02-30")}}), Strings{"time.start"});
  EXPECT_EQ(problems_of({{"time.discovered", std::string("2021-04-19")}}), Strings{"time.discovered"});
  EXPECT_EQ(problems_of({{"time.discovered", std::string("2021-04-19T25:00:00Z")}}), Strings{"time.discovered"});
  EXPECT_EQ(problems_of({{"followup.subjects_informed", std::string("yes")},
                         {"followup.informed_at", std::string("2021-04-19T10:00:00Z")}}),
            Strings{"followup.informed_at"});
}

TEST(Validation, CrossFieldRules) {
  EXPECT_EQ(problems_of({{"subjects.count_min", std::int64_t{10}}, {"subjects.count_max", std::int64_t{5}}}),
            Strings{"subjects.count_max"});
  EXPECT_EQ(problems_of({{"subjects.count_min", std::int64_t{5}}, {"subjects.count_max", std::int64_t{5}}}),
            Strings{});
  EXPECT_EQ(problems_of({{"time.start", std::string("2021-04-16")}, {"time.end", std::string("2021-04-15")}}),
            Strings{"time.end"});
  // A bare end date covers its whole day.
  EXPECT_EQ(problems_of({{"time.start", std::string("2021-04-16T15:00:00+02:00")},
                         {"time.end", std::string("2021-04-16")}}),
            Strings{});
  EXPECT_EQ(problems_of({{"time.discovered", std::string("2021-04-21T00:00:00Z")}}), Strings{"time.discovered"});
  EXPECT_EQ(problems_of({{"time.discovered", std::string("2021-04-20T12:03:00Z")}}), Strings{});
}

TEST(Validation, AnswersToQuestionsThatDoNotApplyAreReported) {
  EXPECT_EQ(problems_of({{"data.general", Strings{"name"}}, {"data.general_other", std::string("x")}}),
            Strings{"data.general_other"});
  EXPECT_EQ(problems_of({{"data.general", Strings{"name", "other"}}, {"data.general_other", std::string("x")}}),
            Strings{});
  EXPECT_EQ(problems_of({{"time.ongoing", true}, {"time.end", std::string("2021-04-16")}}), Strings{"time.end"});
  EXPECT_EQ(problems_of({{"intl.countries", Strings{"DE"}}}), Strings{"intl.countries"});
  EXPECT_EQ(problems_of({{"intl.cross_border", true}, {"intl.countries", Strings{"DE", "XX"}}}),
            Strings{"intl.countries"});
  Answers a{{"time.ongoing", true}, {"time.end", std::string("2021-04-16")}, {"org.name", std::string("A")}};
  Answers stripped = without_inapplicable(a);
  EXPECT_EQ(stripped.count("time.end"), 0u);
  EXPECT_EQ(stripped.count("org.name"), 1u);
}

TEST(Validation, TextFormatsAndLimits) {
  EXPECT_EQ(problems_of({{"org.kvk", std::string("1234567")}}), Strings{"org.kvk"});
  EXPECT_EQ(problems_of({{"org.kvk", std::string("12345678")}}), Strings{});
  EXPECT_EQ(problems_of({{"reporter.email", std::string("fg@zorg.example.nl")}}), Strings{});
  EXPECT_EQ(problems_of({{"reporter.email", std::string("fg@@zorg")}}), Strings{"reporter.email"});
  EXPECT_EQ(problems_of({{"contact.phone", std::string("+31 (0)20 123 45 67")}}), Strings{});
  EXPECT_EQ(problems_of({{"contact.phone", std::string("call me")}}), Strings{"contact.phone"});
  EXPECT_EQ(problems_of({{"breach.summary", std::string(10001, 'a')}}), Strings{"breach.summary"});
  EXPECT_EQ(problems_of({{"breach.summary", std::string("nul\0byte", 8)}}), Strings{"breach.summary"});
  EXPECT_EQ(problems_of({{"breach.summary", std::string("\xC3\x28")}}), Strings{"breach.summary"});
  // Script tags and SQL metacharacters are text like any other.
  EXPECT_EQ(problems_of({{"breach.summary", std::string("<script>alert(1)</script> '; DROP TABLE x; --")}}),
            Strings{});
  // Length counts characters, not bytes.
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(problems_of({{"org.name", accents}}), Strings{});
}

TEST(Validation, ProblemsComeInFormOrderWithBothLanguages) {
  auto problems = validate_answers({{"zzz.unknown", true},
                                    {"followup.channels", Strings{"pigeon"}},
                                    {"breach.nature", Strings{"nope"}}},
                                   kNow);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(fields(problems), (Strings{"breach.nature", "followup.channels", "zzz.unknown"}));
  for (const auto& p : problems) {
    EXPECT_FALSE(p.message_nl.empty());
    EXPECT_FALSE(p.message_en.empty());
  }
  Status s = first_problem(problems);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(s.error().field, "breach.nature");
  EXPECT_NE(s.error().message.find("breach.nature"), std::string::npos);
  EXPECT_TRUE(first_problem({}).ok());
}

TEST(Validation, CompletenessListsMissingRequiredAnswers) {
  auto ids = [](const std::vector<MissingAnswer>& m) {
    Strings out;
    for (const auto& x : m) out.emplace_back(x.id);
    return out;
  };
  Answers a = seed_processor();
  auto missing = ids(missing_for_notification(a, kNow));
  for (const char* id : {"intro.kind", "org.name", "reporter.name", "data.general", "data.special",
                         "subjects.count_known", "subjects.count_min", "consequences.subjects",
                         "followup.subjects_informed", "followup.measures"}) {
    EXPECT_NE(std::find(missing.begin(), missing.end(), id), missing.end()) << id;
  }
  for (const char* id : {"breach.nature", "breach.summary", "subjects.count", "time.end"}) {
    EXPECT_EQ(std::find(missing.begin(), missing.end(), id), missing.end()) << id;
  }
  // Discovered 19 April 09:00 +02:00; now is 20 April 14:00 +02:00: not late yet.
  EXPECT_EQ(std::find(missing.begin(), missing.end(), "time.late_reason"), missing.end());
  a["meta.submitted_at"] = std::string("2021-04-22T10:00:00+02:00");
  missing = ids(missing_for_notification(a, kNow));
  EXPECT_NE(std::find(missing.begin(), missing.end(), "time.late_reason"), missing.end());
  a["data.special"] = Strings{};
  a["subjects.count_known"] = true;
  a["breach.summary"] = std::string("   ");
  missing = ids(missing_for_notification(a, kNow));
  EXPECT_EQ(std::find(missing.begin(), missing.end(), "data.special"), missing.end());
  EXPECT_NE(std::find(missing.begin(), missing.end(), "subjects.count"), missing.end());
  EXPECT_EQ(std::find(missing.begin(), missing.end(), "subjects.count_min"), missing.end());
  EXPECT_NE(std::find(missing.begin(), missing.end(), "breach.summary"), missing.end());
}

TEST(Validation, Titles) {
  EXPECT_FALSE(check_title("Onbeveiligde webserver <script>").has_value());
  EXPECT_EQ(check_title("  ")->field, "meta.title");
  EXPECT_TRUE(check_title("").has_value());
  EXPECT_TRUE(check_title("two\nlines").has_value());
  EXPECT_TRUE(check_title(std::string(201, 'x')).has_value());
  EXPECT_FALSE(check_title(std::string(200, 'x')).has_value());
}

TEST(TextChecks, EmailPhoneKvk) {
  EXPECT_TRUE(is_valid_email("a.b+c@sub.example.org"));
  for (const char* bad : {"", "a", "a@b", "a@b.c", ".a@b.nl", "a..b@c.nl", "a@-b.nl", "a b@c.nl", "a@b..nl",
                          "a@b.n1"}) {
    EXPECT_FALSE(is_valid_email(bad)) << bad;
  }
  EXPECT_TRUE(is_plausible_phone("0201234567"));
  EXPECT_FALSE(is_plausible_phone("12345"));
  EXPECT_FALSE(is_plausible_phone("020+1234567"));
  EXPECT_FALSE(is_plausible_phone("1234567890123456"));
  EXPECT_FALSE(is_valid_kvk("1234567a"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_clean_text("a\x01"));
  EXPECT_TRUE(is_clean_text("line\r\nnext\ttab"));
}

}  // namespace
}  // namespace bd::model
