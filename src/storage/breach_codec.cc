#include "storage/breach_codec.h"

#include <map>
#include <boost/json.hpp>
#include <utility>

#include "json/answers_codec.h"
#include "storage/sql_util.h"

namespace bd::storage::detail {
namespace {

namespace json = boost::json;

json::value to_json(const model::Value& v) { return bd::json::value_to_json(v); }

Result<model::Value> from_json(const json::value& j) {
  auto v = bd::json::value_from_json(j);
  if (!v.ok()) return Error::internal("stored answer does not decode: " + v.error().message);
  return std::move(v).value();
}

// Applies `f` to every string inside a personal answer's value.
template <typename F>
Status transform_personal(std::string_view id, model::Value& v, F&& f) {
  if (!is_personal_answer(id)) return {};
  if (auto* s = std::get_if<std::string>(&v)) {
    BD_ASSIGN_OR_RETURN(*s, f(*s));
  } else if (auto* list = std::get_if<std::vector<std::string>>(&v)) {
    for (auto& item : *list) {
      BD_ASSIGN_OR_RETURN(item, f(item));
    }
  }
  return {};
}

json::value sealed_json(std::string_view id, model::Value v, const FieldCipher& cipher) {
  (void)transform_personal(id, v, [&](const std::string& s) -> Result<std::string> {
    return cipher.seal(PersonalField::kAnswer, s);
  });
  return to_json(v);
}

Result<model::Value> opened_value(std::string_view id, const json::value& j, const FieldCipher& cipher) {
  BD_ASSIGN_OR_RETURN(model::Value v, from_json(j));
  BD_TRY(transform_personal(id, v, [&](const std::string& s) { return cipher.open(PersonalField::kAnswer, s); }));
  return v;
}

Result<json::value> parse(std::string_view text) {
  boost::system::error_code ec;
  json::value j = json::parse(text, ec);
  if (ec) return Error::internal("stored JSON does not parse: " + ec.message());
  return j;
}

}  // namespace

std::string answers_to_text(const model::Answers& answers, const FieldCipher& cipher) {
  model::Answers sealed;
  for (const auto& [id, value] : answers) {
    model::Value v = value;
    (void)transform_personal(id, v, [&](const std::string& plain) -> Result<std::string> {
      return cipher.seal(PersonalField::kAnswer, plain);
    });
    sealed.emplace(id, std::move(v));
  }
  return bd::json::answers_to_json(sealed);  // the contract text, in form order
}

Result<model::Answers> answers_from_text(std::string_view text, const FieldCipher& cipher) {
  BD_ASSIGN_OR_RETURN(json::value j, parse(text));
  if (!j.is_object()) return Error::internal("stored answers are not a JSON object");
  model::Answers out;
  for (const auto& [key, value] : j.get_object()) {
    BD_ASSIGN_OR_RETURN(model::Value v, opened_value(key, value, cipher));
    if (!model::is_unknown(v)) out.emplace(std::string(key), std::move(v));
  }
  return out;
}

std::string changes_to_text(const std::vector<model::AnswerChange>& changes, const FieldCipher& cipher) {
  json::array a;
  for (const auto& c : changes) {
    a.emplace_back(json::object{{"id", c.id},
                                {"old", sealed_json(c.id, c.old_value, cipher)},
                                {"new", sealed_json(c.id, c.new_value, cipher)}});
  }
  return json::serialize(a);
}

Result<std::vector<model::AnswerChange>> changes_from_text(std::string_view text, const FieldCipher& cipher) {
  BD_ASSIGN_OR_RETURN(json::value j, parse(text));
  if (!j.is_array()) return Error::internal("stored revision changes are not a JSON array");
  std::vector<model::AnswerChange> out;
  for (const auto& e : j.get_array()) {
    const json::object* o = e.if_object();
    if (o == nullptr || !o->contains("id") || !o->at("id").is_string()) {
      return Error::internal("stored revision change is malformed");
    }
    model::AnswerChange c;
    c.id = std::string(o->at("id").get_string());
    if (const auto* old_v = o->if_contains("old")) {
      BD_ASSIGN_OR_RETURN(c.old_value, opened_value(c.id, *old_v, cipher));
    }
    if (const auto* new_v = o->if_contains("new")) {
      BD_ASSIGN_OR_RETURN(c.new_value, opened_value(c.id, *new_v, cipher));
    }
    out.push_back(std::move(c));
  }
  return out;
}

RegisterColumns register_columns(const model::Breach& breach) {
  RegisterColumns out;
  auto text = [&](std::string_view id) -> std::string {
    auto it = breach.answers.find(id);
    if (it == breach.answers.end()) return {};
    const auto* s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string{};
  };
  out.incident_type = text("breach.incident_type");
  std::string discovered = text("time.discovered");
  if (!discovered.empty()) out.discovered_at = parse_instant(discovered);
  out.search_text = fold_case(breach.reference + "\n" + breach.title + "\n" + text("breach.summary"));
  return out;
}

}  // namespace bd::storage::detail
