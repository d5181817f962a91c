// The catalogue registry: joins the chapter tables into one list in form order, adds
// the `<id>_other` companions, and indexes every id.
#include "model/form_schema.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/form_catalog.h"

namespace bd::model {
namespace {

constexpr Chapter kChapters[] = {
    {0, "Over deze melding", "About this notification"},
    {1, "Introductie", "Introduction"},
    {2, "Internationale aspecten", "International aspects"},
    {3, "De verwerkingsverantwoordelijke en contact", "The controller and contact details"},
    {4, "Tijdlijn", "Timeline"},
    {5, "Gegevens over de inbreuk", "Details of the breach"},
    {6, "Persoonsgegevens", "Personal data"},
    {7, "Getroffen personen", "People affected"},
    {8, "Maatregelen vooraf", "Measures taken beforehand"},
    {9, "Gevolgen", "Consequences"},
    {10, "Vervolgacties", "Follow-up actions"},
    {11, "Feiten voor de beoordeling", "Facts for the assessment"},
};

class Registry {
 public:
  Registry() {
    for (auto part : {catalog::meta_and_intro(), catalog::organisation_and_time(), catalog::breach_and_data(),
                      catalog::effects_and_followup(), catalog::assessment_facts()}) {
      for (const Question& q : part) add(q);
    }
    index_.reserve(questions_.size());
    for (std::size_t i = 0; i < questions_.size(); ++i) {
      questions_[i].order = static_cast<int>(i);
      index_.emplace(questions_[i].id, i);
    }
  }

  std::span<const Question> all() const { return questions_; }

  const Question* find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &questions_[it->second];
  }

 private:
  void add(const Question& q) {
    questions_.push_back(q);
    if (std::none_of(q.options.begin(), q.options.end(), [](const Option& o) { return o.token == "other"; })) {
      return;
    }
    questions_.back().has_other = true;
    const std::string& id = owned_.emplace_back(std::string(q.id) + "_other");
    Question other{.id = id,
                   .chapter = q.chapter,
                   .type = QuestionType::kText,
                   .label_nl = "Anders, namelijk",
                   .label_en = "Other, namely",
                   .condition = {q.type == QuestionType::kMulti ? ConditionKind::kIncludes : ConditionKind::kEquals,
                                 q.id, "other"},
                   .required_by = "AP",
                   .max_length = 1000};
    questions_.push_back(other);
  }

  std::deque<std::string> owned_;  // ids of the generated companions; deque keeps them in place
  std::vector<Question> questions_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

const Registry& registry() {
  static const Registry instance;  // thread-safe initialisation (C++11 magic statics)
  return instance;
}

const Value* answer(const Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  return it == answers.end() ? nullptr : &it->second;
}

bool token_listed(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    auto bar = list.find('|');
    if (list.substr(0, bar) == token) return true;
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return false;
}

bool own_condition_holds(const Condition& c, const Answers& answers) {
  const Value* v = answer(answers, c.id);
  const auto* b = v ? std::get_if<bool>(v) : nullptr;
  const auto* s = v ? std::get_if<std::string>(v) : nullptr;
  const auto* list = v ? std::get_if<std::vector<std::string>>(v) : nullptr;
  switch (c.kind) {
    case ConditionKind::kAlways: return true;
    case ConditionKind::kIsTrue: return b && *b;
    case ConditionKind::kNotTrue: return !(b && *b);
    case ConditionKind::kEquals: return s && token_listed(c.token, *s);
    case ConditionKind::kIncludes:
      return list && std::find(list->begin(), list->end(), c.token) != list->end();
    case ConditionKind::kIncludesOtherThan:
      return list && std::any_of(list->begin(), list->end(), [&](const std::string& t) { return t != c.token; });
  }
  return false;
}

}  // namespace

std::string_view to_token(QuestionType type) {
  switch (type) {
    case QuestionType::kBool: return "bool";
    case QuestionType::kSingle: return "single";
    case QuestionType::kMulti: return "multi";
    case QuestionType::kDate: return "date";
    case QuestionType::kDateTime: return "datetime";
    case QuestionType::kInt: return "int";
    case QuestionType::kNumber: return "number";
    case QuestionType::kText: return "text";
    case QuestionType::kTextList: return "text_list";
    case QuestionType::kFile: return "file";
  }
  return "text";
}

std::span<const Question> questions() { return registry().all(); }

const Question* find_question(std::string_view id) { return registry().find(id); }

std::span<const Chapter> chapters() { return kChapters; }

const Chapter* find_chapter(int number) {
  for (const Chapter& c : kChapters) {
    if (c.number == number) return &c;
  }
  return nullptr;
}

const Option* find_option(const Question& question, std::string_view token) {
  for (const Option& o : question.options) {
    if (o.token == token) return &o;
  }
  return nullptr;
}

bool applies(const Question& question, const Answers& answers) {
  // Conditions chain (a question depends on one that may itself be conditional);
  // the catalogue has no cycles, and the depth bound guards against one anyway.
  const Question* q = &question;
  for (int depth = 0; depth < 8 && q != nullptr; ++depth) {
    if (q->condition.kind == ConditionKind::kAlways) return true;
    if (!own_condition_holds(q->condition, answers)) return false;
    q = find_question(q->condition.id);
  }
  return true;
}

}  // namespace bd::model
