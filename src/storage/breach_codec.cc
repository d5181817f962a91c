#include "storage/breach_codec.h"

#include <array>
#include <map>
#include <boost/json.hpp>
#include <utility>

#include "storage/sql_util.h"

namespace bd::storage::detail {
namespace {

namespace json = boost::json;

json::value to_json(const model::Value& v) {
  return std::visit(
      [](const auto& x) -> json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          json::array a;
          for (const auto& s : x) a.emplace_back(json::string(s));
          return a;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return json::string(x);
        } else {
          return json::value(x);
        }
      },
      v);
}

Result<model::Value> from_json(const json::value& j) {
  switch (j.kind()) {
    case json::kind::null: return model::Value{};
    case json::kind::bool_: return model::Value{j.get_bool()};
    case json::kind::int64: return model::Value{static_cast<std::int64_t>(j.get_int64())};
    case json::kind::uint64: return model::Value{static_cast<double>(j.get_uint64())};
    case json::kind::double_: return model::Value{j.get_double()};
    case json::kind::string: return model::Value{std::string(j.get_string())};
    case json::kind::array: {
      std::vector<std::string> list;
      for (const auto& e : j.get_array()) {
        if (!e.is_string()) return Error::internal("stored answer list holds a non-string");
        list.emplace_back(e.get_string());
      }
      return model::Value{std::move(list)};
    }
    default: return Error::internal("stored answer has an unsupported JSON type");
  }
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
  json::object o;
  for (const auto& [id, value] : answers) {
    if (!model::is_unknown(value)) o[id] = sealed_json(id, value, cipher);
  }
  return json::serialize(o);
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

std::vector<model::AnswerChange> diff(const model::Answers& before, const model::Answers& after) {
  std::vector<model::AnswerChange> out;
  auto value_of = [](const model::Answers& a, const std::string& id) {
    auto it = a.find(id);
    return it == a.end() ? model::Value{} : it->second;
  };
  std::map<std::string, bool, std::less<>> ids;
  for (const auto& [id, v] : before) ids[id] = true;
  for (const auto& [id, v] : after) ids[id] = true;
  for (const auto& [id, unused] : ids) {
    model::Value old_v = value_of(before, id);
    model::Value new_v = value_of(after, id);
    if (old_v != new_v) out.push_back({id, std::move(old_v), std::move(new_v)});
  }
  return out;
}

namespace {
constexpr std::array<std::pair<model::BreachStatus, std::string_view>, 7> kStatuses{{
    {model::BreachStatus::kSuspected, "suspected"},
    {model::BreachStatus::kAssessing, "assessing"},
    {model::BreachStatus::kDecidedNotify, "decided_notify"},
    {model::BreachStatus::kDecidedRegisterOnly, "decided_register_only"},
    {model::BreachStatus::kNotified, "notified"},
    {model::BreachStatus::kSubjectsInformed, "subjects_informed"},
    {model::BreachStatus::kClosed, "closed"},
}};
}  // namespace

std::string_view status_token(model::BreachStatus status) {
  for (const auto& [s, token] : kStatuses) {
    if (s == status) return token;
  }
  return "suspected";
}

std::optional<model::BreachStatus> status_from(std::string_view token) {
  for (const auto& [s, t] : kStatuses) {
    if (t == token) return s;
  }
  return std::nullopt;
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
