// Answers ⇄ JSON (json/answers_codec.h). Breaches and revisions: breach_codec.cc.
#include "json/answers_codec.h"

#include <exception>
#include <limits>

#include <boost/json/serialize.hpp>

#include "json/parse_text.h"
#include "model/form_schema.h"
#include "model/validation.h"

namespace bd::json {
namespace {

namespace bj = boost::json;
using model::Question;
using model::QuestionType;
using Strings = std::vector<std::string>;

constexpr std::string_view kEnvelope[] = {"id",     "organisation", "version",    "reference",  "status",
                                          "title",  "reported_by",  "created_at", "updated_at", "answers"};

Result<Strings> string_array(const Question& q, const bj::value& json) {
  const bj::array* array = json.if_array();
  if (array == nullptr) return detail::invalid(q.id, "expected an array of strings");
  if (array->size() > model::kListMax) return detail::invalid(q.id, "too many items");
  Strings out;
  out.reserve(array->size());
  for (const bj::value& item : *array) {
    const bj::string* s = item.if_string();
    if (s == nullptr) return detail::invalid(q.id, "expected an array of strings");
    out.emplace_back(s->data(), s->size());
  }
  return out;
}

Result<model::Value> integer(const Question& q, const bj::value& json) {
  if (const auto* i = json.if_int64()) return model::Value{*i};
  if (json.is_uint64()) return detail::invalid(q.id, "number too large");
  return detail::invalid(q.id, "expected a whole number");
}

Result<model::Value> number(const Question& q, const bj::value& json) {
  if (const auto* i = json.if_int64()) return model::Value{*i};
  std::optional<double> d;
  if (const auto* fraction = json.if_double()) d = detail::canonical_number(*fraction);
  if (json.is_uint64()) d = detail::canonical_number(static_cast<double>(json.get_uint64()));
  if (!d) return detail::invalid(q.id, "expected a finite number");
  return model::Value{*d};
}

// The JSON shape of the question's type, without the value checks.
Result<model::Value> shaped(const Question& q, const bj::value& json) {
  switch (q.type) {
    case QuestionType::kBool:
      if (const bool* b = json.if_bool()) return model::Value{*b};
      return detail::invalid(q.id, "expected true or false");
    case QuestionType::kInt: return integer(q, json);
    case QuestionType::kNumber: return number(q, json);
    case QuestionType::kMulti:
    case QuestionType::kTextList:
    case QuestionType::kFile: {
      BD_ASSIGN_OR_RETURN(Strings list, string_array(q, json));
      return model::Value{std::move(list)};
    }
    case QuestionType::kSingle:
    case QuestionType::kDate:
    case QuestionType::kDateTime:
    case QuestionType::kText:
      if (const bj::string* s = json.if_string()) return model::Value{std::string(s->data(), s->size())};
      return detail::invalid(q.id, "expected a string");
  }
  return detail::invalid(q.id, "unsupported type");
}

bj::value to_value(const model::Value& value) {
  return std::visit(
      [](const auto& v) -> bj::value {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<V, std::string>) {
          return bj::string(v.data(), v.size());
        } else if constexpr (std::is_same_v<V, Strings>) {
          bj::array a;
          a.reserve(v.size());
          for (const std::string& s : v) a.emplace_back(bj::string(s.data(), s.size()));
          return a;
        } else {
          return v;
        }
      },
      value);
}

bool is_envelope(std::string_view key) {
  for (std::string_view k : kEnvelope) {
    if (k == key) return true;
  }
  return false;
}

Result<const bj::object*> answers_member(const bj::object& document) {
  const bj::value* answers = document.if_contains("answers");
  if (answers == nullptr) return &document;  // a bare answers object
  if (!answers->is_object()) return detail::invalid("answers", "expected an object");
  for (const auto& member : document) {
    const std::string_view key(member.key().data(), member.key().size());
    if (!is_envelope(key)) return detail::invalid(key, "unknown member of a breach document");
  }
  return &answers->get_object();
}

Result<std::optional<std::string>> optional_string(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(bj::string_view(key.data(), key.size()));
  if (v == nullptr || v->is_null()) return std::optional<std::string>{};
  const bj::string* s = v->if_string();
  if (s == nullptr) return detail::invalid(key, "expected a string");
  return std::optional<std::string>{std::string(s->data(), s->size())};
}

}  // namespace

Result<model::Answers> answers_from_object(const bj::object& object) {
  model::Answers answers;
  for (const auto& member : object) {
    const std::string_view id(member.key().data(), member.key().size());
    const Question* q = model::find_question(id);
    if (q == nullptr) return detail::invalid(id, "unknown question id");
    if (member.value().is_null()) continue;
    BD_ASSIGN_OR_RETURN(model::Value value, shaped(*q, member.value()));
    if (auto problem = model::check_value(*q, value)) return model::to_error(*problem);
    answers.emplace(std::string(id), std::move(value));
  }
  return answers;
}

Result<BreachDocument> breach_document_from_json(std::string_view text) {
  BD_ASSIGN_OR_RETURN(bj::value json, detail::parse_text(text));
  const bj::object* document = json.if_object();
  if (document == nullptr) return detail::invalid({}, "expected a JSON object");
  BD_ASSIGN_OR_RETURN(const bj::object* answers, answers_member(*document));
  BreachDocument out;
  BD_ASSIGN_OR_RETURN(out.answers, answers_from_object(*answers));
  if (answers == document) return out;
  BD_ASSIGN_OR_RETURN(out.id, optional_string(*document, "id"));
  BD_ASSIGN_OR_RETURN(out.organisation, optional_string(*document, "organisation"));
  BD_ASSIGN_OR_RETURN(out.title, optional_string(*document, "title"));
  if (const bj::value* v = document->if_contains("version"); v != nullptr && !v->is_null()) {
    const auto* i = v->if_int64();
    if (i == nullptr || *i < 0) return detail::invalid("version", "expected a whole number of at least 0");
    out.version = *i;
  }
  return out;
}

Result<model::Answers> answers_from_json(std::string_view text) {
  BD_ASSIGN_OR_RETURN(BreachDocument document, breach_document_from_json(text));
  return std::move(document.answers);
}

bj::object answers_to_object(const model::Answers& answers) {
  bj::object out;
  out.reserve(answers.size());
  for (const Question& q : model::questions()) {
    auto it = answers.find(q.id);
    if (it != answers.end() && !model::is_unknown(it->second)) out.emplace(q.id, to_value(it->second));
  }
  for (const auto& [id, value] : answers) {  // ids outside the catalogue, should a caller hold any
    if (model::find_question(id) == nullptr && !model::is_unknown(value)) out.emplace(id, to_value(value));
  }
  return out;
}

std::string answers_to_json(const model::Answers& answers) { return bj::serialize(answers_to_object(answers)); }

bj::value value_to_json(const model::Value& value) { return to_value(value); }

Result<model::Value> value_from_json(const bj::value& json) {
  switch (json.kind()) {
    case bj::kind::null: return model::Value{};
    case bj::kind::bool_: return model::Value{json.get_bool()};
    case bj::kind::int64: return model::Value{json.get_int64()};
    case bj::kind::uint64:
    case bj::kind::double_: {
      const auto d = detail::canonical_number(json.is_double() ? json.get_double()
                                                               : static_cast<double>(json.get_uint64()));
      if (!d) return detail::invalid({}, "expected a finite number");
      return model::Value{*d};
    }
    case bj::kind::string: return model::Value{std::string(json.get_string().data(), json.get_string().size())};
    case bj::kind::array: {
      Strings out;
      for (const bj::value& item : json.get_array()) {
        if (!item.is_string()) return detail::invalid({}, "expected an array of strings");
        out.emplace_back(item.get_string().data(), item.get_string().size());
      }
      return model::Value{std::move(out)};
    }
    case bj::kind::object: break;
  }
  return detail::invalid({}, "an object is not an answer value");
}

}  // namespace bd::json
