#include "model/form_schema.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace bd::model {
namespace {

// Every id of spec ap-form.md (meta and chapters 1–10) and risk.md (assess.*),
// written out here from the spec so a renamed or dropped id fails the test.
const char* const kSpecIds[] = {
    "meta.kind", "meta.status", "meta.ap_reference", "meta.submitted_at", "meta.previous",
    "intro.kind", "intro.legal_basis", "intro.other_supervisors",
    "intl.cross_border", "intl.countries", "intl.other_dpas",
    "org.name", "org.controllers", "org.address", "org.dpo_registration", "org.kvk", "org.sector",
    "reporter.name", "reporter.job_title", "reporter.phone", "reporter.email",
    "contact.name", "contact.job_title", "contact.phone", "contact.email",
    "other_org.involved", "other_org.name", "other_org.role",
    "time.start", "time.end", "time.ongoing", "time.discovered", "time.how_discovered",
    "time.processor_informed", "time.late_reason",
    "breach.nature", "breach.incident_type", "breach.summary", "breach.attachments",
    "data.general", "data.special", "data.records", "data.records_note",
    "subjects.groups", "subjects.description", "subjects.count_known", "subjects.count",
    "subjects.count_min", "subjects.count_max",
    "protection.measures", "protection.explanation",
    "consequences.controller", "consequences.subjects", "consequences.severity", "consequences.severity_note",
    "followup.subjects_informed", "followup.not_informing_ground", "followup.not_informing_explanation",
    "followup.public_notice_plan", "followup.informed_count", "followup.informed_at", "followup.channels",
    "followup.message_text", "followup.measures", "other.remarks",
    "assess.malicious", "assess.exfiltrated", "assess.recipients", "assess.key_compromised", "assess.backup",
    "assess.restore_hours", "assess.data_recovered", "assess.vulnerable", "assess.controller_context",
    "assess.financial_undertaking",
};

// The "+other" lists of ap-form.md and risk.md.
const char* const kWithOther[] = {
    "intro.other_supervisors", "org.sector", "breach.incident_type", "data.general", "subjects.groups",
    "consequences.controller", "consequences.subjects", "followup.channels", "assess.controller_context",
};

TEST(FormSchema, EverySpecIdIsInTheCatalogue) {
  for (const char* id : kSpecIds) {
    EXPECT_NE(find_question(id), nullptr) << id;
  }
}

TEST(FormSchema, IdsAreUniqueAndOrderMatchesPosition) {
  std::set<std::string> seen;
  int i = 0;
  for (const Question& q : questions()) {
    EXPECT_TRUE(seen.insert(std::string(q.id)).second) << q.id;
    EXPECT_EQ(q.order, i++);
    EXPECT_EQ(find_question(q.id), &q);
  }
}

TEST(FormSchema, ChaptersAscendInFormOrder) {
  int last = 0;
  for (const Question& q : questions()) {
    EXPECT_GE(q.chapter, last) << q.id;
    last = q.chapter;
    ASSERT_NE(find_chapter(q.chapter), nullptr) << q.id;
  }
  EXPECT_EQ(chapters().size(), 12u);
  EXPECT_EQ(find_chapter(5)->title_nl, "Gegevens over de inbreuk");
  EXPECT_EQ(find_chapter(12), nullptr);
}

TEST(FormSchema, OtherListsHaveACompanionTextQuestion) {
  for (const char* id : kWithOther) {
    const Question* q = find_question(id);
    ASSERT_NE(q, nullptr) << id;
    EXPECT_TRUE(q->has_other) << id;
    EXPECT_NE(find_option(*q, "other"), nullptr) << id;
    const Question* other = find_question(std::string(id) + "_other");
    ASSERT_NE(other, nullptr) << id;
    EXPECT_EQ(other->type, QuestionType::kText);
    EXPECT_EQ(other->condition.id, q->id);
    EXPECT_EQ(other->order, q->order + 1);
  }
}

TEST(FormSchema, EveryQuestionHasLabelsAndChoiceListsHaveOptions) {
  for (const Question& q : questions()) {
    EXPECT_FALSE(q.label_nl.empty()) << q.id;
    EXPECT_FALSE(q.label_en.empty()) << q.id;
    const bool choice = q.type == QuestionType::kSingle || q.type == QuestionType::kMulti;
    EXPECT_EQ(choice, !q.options.empty()) << q.id;
    std::set<std::string_view> tokens;
    for (const Option& o : q.options) {
      EXPECT_TRUE(tokens.insert(o.token).second) << q.id << " " << o.token;
      EXPECT_FALSE(o.label_nl.empty() || o.label_en.empty()) << q.id << " " << o.token;
    }
    if (q.condition.kind != ConditionKind::kAlways) {
      const Question* parent = find_question(q.condition.id);
      ASSERT_NE(parent, nullptr) << q.id;
      EXPECT_LT(parent->order, q.order) << q.id;
    }
  }
}

TEST(FormSchema, OptionsFollowTheSpec) {
  const Question* type = find_question("breach.incident_type");
  EXPECT_EQ(type->options.size(), 12u);
  EXPECT_EQ(find_option(*type, "hacking_malware_phishing")->label_nl,
            "Hacking, malware (bijv. ransomware) en/of phishing");
  EXPECT_EQ(find_question("data.general")->options.size(), 20u);
  EXPECT_EQ(find_question("data.special")->options.size(), 8u);
  EXPECT_EQ(find_question("intl.countries")->options.size(), 30u);
  EXPECT_NE(find_option(*find_question("intl.countries"), "NL"), nullptr);
  EXPECT_EQ(find_option(*find_question("assess.recipients"), "unknown_number")->token, "unknown_number");
  EXPECT_EQ(find_question("assess.restore_hours")->type, QuestionType::kNumber);
  EXPECT_EQ(find_question("followup.informed_at")->type, QuestionType::kDate);
}

TEST(FormSchema, PersonalDataFlags) {
  for (const char* id : {"reporter.name", "reporter.phone", "reporter.email", "contact.name", "contact.phone",
                         "contact.email"}) {
    EXPECT_TRUE(find_question(id)->personal_data) << id;
  }
  EXPECT_FALSE(find_question("org.name")->personal_data);
  EXPECT_FALSE(find_question("breach.summary")->personal_data);
}

TEST(FormSchema, ConditionsFollowTheAnswers) {
  const Question& countries = *find_question("intl.countries");
  EXPECT_FALSE(applies(countries, {}));
  EXPECT_TRUE(applies(countries, {{"intl.cross_border", true}}));
  EXPECT_FALSE(applies(countries, {{"intl.cross_border", false}}));

  const Question& end = *find_question("time.end");
  EXPECT_TRUE(applies(end, {}));
  EXPECT_TRUE(applies(end, {{"time.ongoing", false}}));
  EXPECT_FALSE(applies(end, {{"time.ongoing", true}}));

  const Question& ground = *find_question("followup.not_informing_ground");
  EXPECT_TRUE(applies(ground, {{"followup.subjects_informed", std::string("no")}}));
  EXPECT_FALSE(applies(ground, {{"followup.subjects_informed", std::string("yes")}}));

  const Question& channels = *find_question("followup.channels");
  EXPECT_TRUE(applies(channels, {{"followup.subjects_informed", std::string("planned")}}));
  EXPECT_FALSE(applies(channels, {{"followup.subjects_informed", std::string("no")}}));

  // Chained: the public notice plan needs ground 34(3)(c), which needs "no".
  const Question& plan = *find_question("followup.public_notice_plan");
  Answers a{{"followup.subjects_informed", std::string("no")},
            {"followup.not_informing_ground", std::string("34_3c_disproportionate_effort")}};
  EXPECT_TRUE(applies(plan, a));
  a["followup.subjects_informed"] = std::string("yes");
  EXPECT_FALSE(applies(plan, a));

  const Question& expl = *find_question("protection.explanation");
  EXPECT_FALSE(applies(expl, {{"protection.measures", std::vector<std::string>{"none"}}}));
  EXPECT_TRUE(applies(expl, {{"protection.measures", std::vector<std::string>{"hashed"}}}));

  const Question& other = *find_question("data.general_other");
  EXPECT_TRUE(applies(other, {{"data.general", std::vector<std::string>{"name", "other"}}}));
  EXPECT_FALSE(applies(other, {{"data.general", std::vector<std::string>{"other_financial"}}}));

  EXPECT_TRUE(applies(*find_question("subjects.count"), {{"subjects.count_known", true}}));
  EXPECT_FALSE(applies(*find_question("subjects.count_min"), {{"subjects.count_known", true}}));
  EXPECT_TRUE(applies(*find_question("subjects.count_max"), {}));
}

}  // namespace
}  // namespace bd::model
