#include "json/answers_codec.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "model/form_schema.h"

namespace bd::json {
namespace {

using model::Answers;
using model::Question;
using model::QuestionType;
using model::Value;
using Strings = std::vector<std::string>;

// A valid sample value for every question of the catalogue.
Value sample(const Question& q) {
  switch (q.type) {
    case QuestionType::kBool: return q.order % 2 == 0;
    case QuestionType::kSingle: return std::string(q.options.front().token);
    case QuestionType::kMulti: return Strings{std::string(q.options.front().token)};
    case QuestionType::kDate: return std::string("2021-04-19");
    case QuestionType::kDateTime: return std::string("2021-04-19T09:00:00+02:00");
    case QuestionType::kInt: return std::int64_t{1000 + q.order};
    case QuestionType::kNumber: return 1.5;
    case QuestionType::kTextList: return Strings{"Nostradamus ICT BV", "Tweede \"organisatie\""};
    case QuestionType::kFile: return Strings{"att-01", "att-02"};
    case QuestionType::kText: break;
  }
  if (q.id == "org.kvk") return std::string("12345678");
  if (q.id.ends_with(".email")) return std::string("fg@example.nl");
  if (q.id.ends_with(".phone")) return std::string("+31 20 123 4567");
  return std::string("Tekst met <script>alert('x')</script>, \"quotes\", ' OR 1=1; -- en é ü \n regel");
}

Answers every_id() {
  Answers a;
  for (const Question& q : model::questions()) a.emplace(std::string(q.id), sample(q));
  return a;
}

TEST(AnswersCodec, RoundTripsEveryIdExactly) {
  const Answers answers = every_id();
  const std::string text = answers_to_json(answers);
  auto back = answers_from_json(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, answers);
  EXPECT_EQ(answers_to_json(*back), text);
  auto object = boost::json::parse(text).as_object();
  for (const Question& q : model::questions()) EXPECT_TRUE(object.contains(q.id)) << q.id;
}

TEST(AnswersCodec, ParsesTheSpecExampleAndDropsNulls) {
  auto answers = answers_from_json(R"({"id": "b-1", "organisation": "o-1", "version": 3,
    "answers": {"breach.nature": ["confidentiality"], "breach.incident_type": "hacking_malware_phishing",
                "data.general": ["name", "address", "bsn", "bank_account"],
                "subjects.count_known": false, "subjects.count_min": 1000, "subjects.count_max": 1500,
                "time.discovered": "2018-03-28T10:00:00+02:00", "assess.malicious": null}})");
  ASSERT_TRUE(answers.ok()) << answers.error().message;
  EXPECT_EQ(answers->size(), 7u);
  EXPECT_EQ(answers->at("subjects.count_min"), Value{std::int64_t{1000}});
  EXPECT_EQ(answers->at("subjects.count_known"), Value{false});
  EXPECT_EQ(answers->count("assess.malicious"), 0u);
  auto doc = breach_document_from_json(R"({"id": "b-1", "organisation": "o-1", "version": 3, "answers": {}})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "b-1");
  EXPECT_EQ(doc->organisation, "o-1");
  EXPECT_EQ(doc->version, 3);
}

TEST(AnswersCodec, SerialisesInFormOrder) {
  Answers a{{"other.remarks", std::string("x")}, {"breach.nature", Strings{"integrity"}},
            {"assess.backup", true}, {"meta.kind", std::string("initial")}, {"time.ongoing", Value{}}};
  EXPECT_EQ(answers_to_json(a),
            R"({"meta.kind":"initial","breach.nature":["integrity"],"other.remarks":"x","assess.backup":true})");
}

TEST(AnswersCodec, NumbersKeepTheirKind) {
  auto a = answers_from_json(R"({"assess.restore_hours": 4})");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->at("assess.restore_hours"), Value{std::int64_t{4}});
  a = answers_from_json(R"({"assess.restore_hours": 0.25})");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->at("assess.restore_hours"), Value{0.25});
  auto again = answers_from_json(answers_to_json(*a));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *a);
}

struct BadCase {
  const char* json;
  const char* field;
};

TEST(AnswersCodec, EveryErrorNamesTheField) {
  const BadCase cases[] = {
      {R"({"breach.colour": "red"})", "breach.colour"},
      {R"({"time.ongoing": "yes"})", "time.ongoing"},
      {R"({"time.ongoing": 1})", "time.ongoing"},
      {R"({"breach.incident_type": "meteor"})", "breach.incident_type"},
      {R"({"breach.incident_type": ["hacking_malware_phishing"]})", "breach.incident_type"},
      {R"({"breach.nature": "confidentiality"})", "breach.nature"},
      {R"({"breach.nature": ["confidentiality", 3]})", "breach.nature"},
      {R"({"breach.nature": ["confidentiality", "confidentiality"]})", "breach.nature"},
      {R"({"data.records": 1.5})", "data.records"},
      {R"({"data.records": "12"})", "data.records"},
      {R"({"data.records": -3})", "data.records"},
      {R"({"data.records": 18446744073709551615})", "data.records"},
      {R"({"assess.restore_hours": "4"})", "assess.restore_hours"},
      {R"({"time.discovered": "2021-02-30T10:00:00+01:00"})", "time.discovered"},
      {R"({"time.discovered": "2021-04-19T25:00:00Z"})", "time.discovered"},
      {R"({"time.discovered": "2021-04-19T10:00:00+15:00"})", "time.discovered"},
      {R"({"time.start": "2021-02-30"})", "time.start"},
      {R"({"followup.informed_at": "19-4-2021"})", "followup.informed_at"},
      {R"({"org.kvk": "1234"})", "org.kvk"},
      {R"({"reporter.email": "not an address"})", "reporter.email"},
      {R"({"reporter.phone": "bel me"})", "reporter.phone"},
      {R"({"breach.summary": 12})", "breach.summary"},
      {R"({"breach.summary": "nul\u0000teken"})", "breach.summary"},
      {R"({"org.controllers": "A"})", "org.controllers"},
      {R"({"intl.countries": ["XX"]})", "intl.countries"},
      {R"({"answers": []})", "answers"},
      {R"({"id": "x", "answers": {}, "extra": 1})", "extra"},
      {R"({"id": 5, "answers": {}})", "id"},
      {R"({"version": -1, "answers": {}})", "version"},
      {R"({"answers": {"nope": 1}})", "nope"},
      {R"({"org.name": "A", "org.name": "B"})", "org.name"},
      {R"({"id": "x", "answers": {"time.ongoing": true, "time.ongoing": false}})", "time.ongoing"},
      {R"({"id": "x", "id": "y", "answers": {}})", "id"},
  };
  for (const BadCase& c : cases) {
    auto r = answers_from_json(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput) << c.json;
    EXPECT_EQ(r.error().field, c.field) << c.json;
    EXPECT_NE(r.error().message.find(c.field), std::string::npos) << r.error().message;
  }
}

TEST(AnswersCodec, MalformedDocumentsAreRefused) {
  for (const char* text : {"", "{", "[]", "null", "\"x\"", "{\"a\":1,}", "{/*c*/}", "{\"org.name\": \"\xC3\x28\"}",
                           "{\"org.name\": \"a\"} trailing"}) {
    auto r = answers_from_json(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  }
  std::string deep(40, '[');
  deep += std::string(40, ']');
  EXPECT_FALSE(answers_from_json("{\"org.controllers\": " + deep + "}").ok());
  std::string huge = "{\"breach.summary\": \"" + std::string(kMaxDocumentBytes, 'a') + "\"}";
  auto r = answers_from_json(huge);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("too large"), std::string::npos);
}

TEST(AnswersCodec, TextIsStoredAsGiven) {
  const std::string text = "<script>alert(1)</script> Robert'); DROP TABLE breaches;-- \\ \" é";
  Answers a{{"breach.summary", text}};
  auto back = answers_from_json(answers_to_json(a));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(std::get<std::string>(back->at("breach.summary")), text);
}

}  // namespace
}  // namespace bd::json

namespace bd::json {
namespace {

TEST(AnswersCodec, FractionsKeepFifteenDigitsAndRoundTrip) {
  for (const char* text : {R"({"assess.restore_hours": 0.12345678901234567890123})",
                           R"({"assess.restore_hours": 312022222222222222222222222222222222222222222222222222222222222})",
                           R"({"assess.restore_hours": 1.23456789012345678e300})",
                           R"({"assess.restore_hours": 18446744073709551615})"}) {
    auto a = answers_from_json(text);
    ASSERT_TRUE(a.ok()) << text;
    const std::string once = answers_to_json(*a);
    auto b = answers_from_json(once);
    ASSERT_TRUE(b.ok()) << once;
    EXPECT_EQ(*b, *a) << text;
    EXPECT_EQ(answers_to_json(*b), once);
  }
  auto a = answers_from_json(R"({"assess.restore_hours": 0.12345678901234567890123})");
  EXPECT_EQ(std::get<double>(a->at("assess.restore_hours")), 0.123456789012346);
  EXPECT_FALSE(answers_from_json(R"({"assess.restore_hours": 1e999})").ok());
  // The largest double rounds up beyond the range at 15 digits: refused, not infinite.
  EXPECT_FALSE(answers_from_json(R"({"assess.restore_hours": 1.7976931348623157e308})").ok());
}

}  // namespace
}  // namespace bd::json
