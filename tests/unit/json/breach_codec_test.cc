#include <gtest/gtest.h>

#include "json/answers_codec.h"
#include "model/datetime.h"

namespace bd::json {
namespace {

using Strings = std::vector<std::string>;

TimePoint at(const char* text) { return model::parse_datetime(text)->instant; }

model::Breach sample_breach() {
  model::Breach b;
  b.id = "br_01HX";
  b.organisation_id = "org_care";
  b.reference = "2026-0007";
  b.version = 3;
  b.status = model::BreachStatus::kDecidedNotify;
  b.title = "Onbeveiligde webserver";
  b.reported_by = "usr_1";
  b.created_at = at("2026-11-20T09:15:00Z");
  b.updated_at = at("2026-11-21T10:00:30Z");
  b.answers = {{"breach.nature", Strings{"confidentiality"}},
               {"data.general", Strings{"name", "address", "bsn"}},
               {"subjects.count_known", true},
               {"subjects.count", std::int64_t{3120}},
               {"time.discovered", std::string("2026-11-20T08:40:00+01:00")}};
  return b;
}

TEST(BreachCodec, RoundTripsABreach) {
  const model::Breach b = sample_breach();
  const std::string text = breach_to_json(b);
  auto back = breach_from_json(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->id, b.id);
  EXPECT_EQ(back->organisation_id, b.organisation_id);
  EXPECT_EQ(back->reference, b.reference);
  EXPECT_EQ(back->version, b.version);
  EXPECT_EQ(back->status, b.status);
  EXPECT_EQ(back->title, b.title);
  EXPECT_EQ(back->reported_by, b.reported_by);
  EXPECT_EQ(back->created_at, b.created_at);
  EXPECT_EQ(back->updated_at, b.updated_at);
  EXPECT_EQ(back->answers, b.answers);
  EXPECT_EQ(breach_to_json(*back), text);
  EXPECT_NE(text.find(R"("status":"decided_notify")"), std::string::npos);
  EXPECT_NE(text.find(R"("created_at":"2026-11-20T09:15:00Z")"), std::string::npos);
  // The contract reader takes the same document.
  auto answers = answers_from_json(text);
  ASSERT_TRUE(answers.ok()) << answers.error().message;
  EXPECT_EQ(*answers, b.answers);
}

TEST(BreachCodec, RefusesBadBreaches) {
  std::string good = breach_to_json(sample_breach());
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  EXPECT_EQ(breach_from_json(with("\"decided_notify\"", "\"lost\"")).error().field, "status");
  EXPECT_EQ(breach_from_json(with("\"version\":3", "\"version\":\"3\"")).error().field, "version");
  EXPECT_EQ(breach_from_json(with("2026-11-20T09:15:00Z", "yesterday")).error().field, "created_at");
  EXPECT_EQ(breach_from_json(with("\"Onbeveiligde webserver\"", "\"" + std::string(201, 'x') + "\"")).error().field,
            "title");
  EXPECT_EQ(breach_from_json(with("\"subjects.count\":3120", "\"subjects.count\":\"many\"")).error().field,
            "subjects.count");
  EXPECT_EQ(breach_from_json(R"({"organisation":"o","version":1,"status":"closed","answers":{}})").error().field, "id");
}

TEST(BreachCodec, RoundTripsARevision) {
  model::Revision r;
  r.breach_id = "br_01HX";
  r.version = 4;
  r.user_id = "usr_2";
  r.user_email = "fg@example.nl";
  r.at = at("2026-11-21T10:00:30Z");
  r.note = "Aantal bijgesteld na telling";
  r.changes = {{"subjects.count", std::int64_t{3000}, std::int64_t{3120}},
               {"data.special", model::Value{}, Strings{"health"}},
               {"meta.title", std::string("Oud"), std::string("Nieuw")},
               {"assess.restore_hours", 2.5, model::Value{}},
               {"time.ongoing", true, false}};
  const std::string text = revision_to_json(r);
  auto back = revision_from_json(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->breach_id, r.breach_id);
  EXPECT_EQ(back->version, r.version);
  EXPECT_EQ(back->user_email, r.user_email);
  EXPECT_EQ(back->at, r.at);
  EXPECT_EQ(back->note, r.note);
  ASSERT_EQ(back->changes.size(), r.changes.size());
  for (std::size_t i = 0; i < r.changes.size(); ++i) {
    EXPECT_EQ(back->changes[i].id, r.changes[i].id);
    EXPECT_EQ(back->changes[i].old_value, r.changes[i].old_value) << i;
    EXPECT_EQ(back->changes[i].new_value, r.changes[i].new_value) << i;
  }
  EXPECT_EQ(revision_to_json(*back), text);
  EXPECT_FALSE(revision_from_json(R"({"breach_id":"b","version":1,"changes":[{"id":"x","new":{}}]})").ok());
}

}  // namespace
}  // namespace bd::json
