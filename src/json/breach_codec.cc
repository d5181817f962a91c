// Breach and Revision ⇄ JSON (json/answers_codec.h).
#include <boost/json/serialize.hpp>

#include "json/answers_codec.h"
#include "json/parse_text.h"
#include "model/datetime.h"
#include "model/text_checks.h"
#include "model/validation.h"

namespace bd::json {
namespace {

namespace bj = boost::json;

constexpr std::size_t kShortMax = 200;
constexpr std::size_t kNoteMax = 10000;

bj::string str(std::string_view s) { return bj::string(s.data(), s.size()); }

Result<std::string> text_member(const bj::object& o, std::string_view key, std::size_t max, bool required) {
  const bj::value* v = o.if_contains(bj::string_view(key.data(), key.size()));
  if (v == nullptr || v->is_null()) {
    if (required) return detail::invalid(key, "missing");
    return std::string();
  }
  const bj::string* s = v->if_string();
  if (s == nullptr) return detail::invalid(key, "expected a string");
  std::string out(s->data(), s->size());
  if (!model::is_clean_text(out)) return detail::invalid(key, "text contains invalid characters");
  if (model::utf8_length(out) > max) return detail::invalid(key, "text is too long");
  return out;
}

Result<std::int64_t> version_member(const bj::object& o) {
  const bj::value* v = o.if_contains("version");
  const std::int64_t* i = v ? v->if_int64() : nullptr;
  if (i == nullptr || *i < 0) return detail::invalid("version", "expected a whole number of at least 0");
  return *i;
}

Result<TimePoint> time_member(const bj::object& o, std::string_view key) {
  BD_ASSIGN_OR_RETURN(std::string text, text_member(o, key, kShortMax, false));
  if (text.empty()) return TimePoint{};
  auto parsed = model::parse_datetime(text);
  if (!parsed.ok()) return detail::invalid(key, "not a valid date and time with offset");
  return parsed->instant;
}

Result<const bj::object*> object_of(const bj::value& json) {
  const bj::object* o = json.if_object();
  if (o == nullptr) return detail::invalid({}, "expected a JSON object");
  return o;
}

Result<model::AnswerChange> change_from(const bj::value& json) {
  BD_ASSIGN_OR_RETURN(const bj::object* o, object_of(json));
  model::AnswerChange change;
  BD_ASSIGN_OR_RETURN(change.id, text_member(*o, "id", kShortMax, true));
  const bj::value* old_value = o->if_contains("old");
  const bj::value* new_value = o->if_contains("new");
  if (old_value != nullptr) { BD_ASSIGN_OR_RETURN(change.old_value, value_from_json(*old_value)); }
  if (new_value != nullptr) { BD_ASSIGN_OR_RETURN(change.new_value, value_from_json(*new_value)); }
  return change;
}

}  // namespace

bj::object breach_to_object(const model::Breach& breach) {
  bj::object o;
  o["id"] = str(breach.id);
  o["organisation"] = str(breach.organisation_id);
  o["version"] = breach.version;
  o["reference"] = str(breach.reference);
  o["status"] = str(model::to_token(breach.status));
  o["title"] = str(breach.title);
  o["reported_by"] = str(breach.reported_by);
  o["created_at"] = str(model::format_datetime(breach.created_at));
  o["updated_at"] = str(model::format_datetime(breach.updated_at));
  o["answers"] = answers_to_object(breach.answers);
  return o;
}

std::string breach_to_json(const model::Breach& breach) { return bj::serialize(breach_to_object(breach)); }

Result<model::Breach> breach_from_json(std::string_view text) {
  BD_ASSIGN_OR_RETURN(bj::value json, detail::parse_text(text));
  BD_ASSIGN_OR_RETURN(const bj::object* o, object_of(json));
  model::Breach b;
  BD_ASSIGN_OR_RETURN(b.id, text_member(*o, "id", kShortMax, true));
  BD_ASSIGN_OR_RETURN(b.organisation_id, text_member(*o, "organisation", kShortMax, true));
  BD_ASSIGN_OR_RETURN(b.version, version_member(*o));
  BD_ASSIGN_OR_RETURN(b.reference, text_member(*o, "reference", kShortMax, false));
  BD_ASSIGN_OR_RETURN(std::string status, text_member(*o, "status", kShortMax, true));
  auto parsed_status = model::status_from_token(status);
  if (!parsed_status) return detail::invalid("status", "unknown status");
  b.status = *parsed_status;
  BD_ASSIGN_OR_RETURN(b.title, text_member(*o, "title", model::kTitleMax, false));
  BD_ASSIGN_OR_RETURN(b.reported_by, text_member(*o, "reported_by", kShortMax, false));
  BD_ASSIGN_OR_RETURN(b.created_at, time_member(*o, "created_at"));
  BD_ASSIGN_OR_RETURN(b.updated_at, time_member(*o, "updated_at"));
  const bj::value* answers = o->if_contains("answers");
  if (answers == nullptr || !answers->is_object()) return detail::invalid("answers", "expected an object");
  BD_ASSIGN_OR_RETURN(b.answers, answers_from_object(answers->get_object()));
  return b;
}

bj::object revision_to_object(const model::Revision& revision) {
  bj::object o;
  o["breach_id"] = str(revision.breach_id);
  o["version"] = revision.version;
  o["user_id"] = str(revision.user_id);
  o["user_email"] = str(revision.user_email);
  o["at"] = str(model::format_datetime(revision.at));
  o["note"] = str(revision.note);
  bj::array changes;
  changes.reserve(revision.changes.size());
  for (const model::AnswerChange& c : revision.changes) {
    changes.emplace_back(bj::object{{"id", str(c.id)}, {"old", value_to_json(c.old_value)},
                                    {"new", value_to_json(c.new_value)}});
  }
  o["changes"] = std::move(changes);
  return o;
}

std::string revision_to_json(const model::Revision& revision) { return bj::serialize(revision_to_object(revision)); }

Result<model::Revision> revision_from_json(std::string_view text) {
  BD_ASSIGN_OR_RETURN(bj::value json, detail::parse_text(text));
  BD_ASSIGN_OR_RETURN(const bj::object* o, object_of(json));
  model::Revision r;
  BD_ASSIGN_OR_RETURN(r.breach_id, text_member(*o, "breach_id", kShortMax, true));
  BD_ASSIGN_OR_RETURN(r.version, version_member(*o));
  BD_ASSIGN_OR_RETURN(r.user_id, text_member(*o, "user_id", kShortMax, false));
  BD_ASSIGN_OR_RETURN(r.user_email, text_member(*o, "user_email", 254, false));
  BD_ASSIGN_OR_RETURN(r.at, time_member(*o, "at"));
  BD_ASSIGN_OR_RETURN(r.note, text_member(*o, "note", kNoteMax, false));
  const bj::value* changes = o->if_contains("changes");
  if (changes == nullptr || !changes->is_array()) return detail::invalid("changes", "expected an array");
  for (const bj::value& c : changes->get_array()) {
    BD_ASSIGN_OR_RETURN(model::AnswerChange change, change_from(c));
    r.changes.push_back(std::move(change));
  }
  return r;
}

}  // namespace bd::json
