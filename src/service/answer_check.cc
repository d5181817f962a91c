#include "service/answer_check.h"

#include <set>
#include <string>
#include <variant>

#include "model/form_schema.h"
#include "service/text.h"

namespace bd::service {
namespace {

using model::QuestionType;

Error wrong(const model::Question& q, std::string what) {
  return Error::invalid(std::string(q.id), "Ongeldig antwoord bij '" + std::string(q.label_nl) + "': " + what);
}

Status check_text(const model::Question& q, const std::string& text) {
  if (text.size() > q.max_length) return wrong(q, "de tekst is te lang.");
  if (!is_clean_text(text, true)) return wrong(q, "de tekst bevat ongeldige tekens.");
  return {};
}

Status check_tokens(const model::Question& q, const std::vector<std::string>& tokens) {
  if (tokens.size() > model::kListMax) return wrong(q, "te veel keuzes.");
  std::set<std::string> seen;
  for (const auto& t : tokens) {
    if (model::find_option(q, t) == nullptr) return wrong(q, "onbekende keuze.");
    if (!seen.insert(t).second) return wrong(q, "een keuze staat er dubbel in.");
  }
  return {};
}

Status check_list(const model::Question& q, const std::vector<std::string>& items) {
  if (items.size() > model::kListMax) return wrong(q, "te veel regels.");
  for (const auto& item : items) BD_TRY(check_text(q, item));
  return {};
}

Status check_value(const model::Question& q, const model::Value& v) {
  if (model::is_unknown(v)) return {};
  const auto* s = std::get_if<std::string>(&v);
  const auto* list = std::get_if<std::vector<std::string>>(&v);
  switch (q.type) {
    case QuestionType::kBool:
      return std::holds_alternative<bool>(v) ? Status{} : wrong(q, "verwacht ja of nee.");
    case QuestionType::kInt:
      if (!std::holds_alternative<std::int64_t>(v)) return wrong(q, "verwacht een geheel getal.");
      return std::get<std::int64_t>(v) >= 0 ? Status{} : wrong(q, "verwacht een getal van 0 of meer.");
    case QuestionType::kNumber:
      return std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v)
                 ? Status{} : wrong(q, "verwacht een getal.");
    case QuestionType::kSingle:
      if (s == nullptr) return wrong(q, "verwacht één keuze.");
      return model::find_option(q, *s) != nullptr ? Status{} : wrong(q, "onbekende keuze.");
    case QuestionType::kMulti:
      return list != nullptr ? check_tokens(q, *list) : wrong(q, "verwacht een lijst van keuzes.");
    case QuestionType::kTextList:
    case QuestionType::kFile:
      return list != nullptr ? check_list(q, *list) : wrong(q, "verwacht een lijst.");
    case QuestionType::kDate:
    case QuestionType::kDateTime:
    case QuestionType::kText:
      return s != nullptr ? check_text(q, *s) : wrong(q, "verwacht tekst.");
  }
  return wrong(q, "onbekend type.");
}

}  // namespace

Status check_answers(const model::Answers& answers) {
  for (const auto& [id, value] : answers) {
    const model::Question* q = model::find_question(id);
    if (q == nullptr) return Error::invalid(id, "Onbekende vraag: " + id);
    BD_TRY(check_value(*q, value));
  }
  return {};
}

}  // namespace bd::service
