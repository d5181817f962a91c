#include "pages/breach_view.h"

#include <algorithm>
#include <optional>

#include "model/form_schema.h"
#include "pages/form_view.h"
#include "pages/local_time.h"

namespace bd::pages {
namespace {

using model::BreachStatus;

constexpr BreachStatus kStatuses[] = {
    BreachStatus::kSuspected,          BreachStatus::kAssessing, BreachStatus::kDecidedNotify,
    BreachStatus::kDecidedRegisterOnly, BreachStatus::kNotified, BreachStatus::kSubjectsInformed,
    BreachStatus::kClosed,
};

// The answers shown at the top of the breach page, in this order.
constexpr std::string_view kKeyAnswers[] = {
    "time.discovered", "breach.incident_type", "breach.nature",          "breach.summary", "data.general",
    "data.special",    "subjects.count",       "subjects.count_min",     "subjects.count_max",
    "consequences.severity", "followup.subjects_informed",
};

std::string value_text(std::string_view id, const model::Value& value, const Catalog& catalog, std::string_view lang) {
  if (model::is_unknown(value)) return catalog.text(lang, "form.not_known");
  const model::Question* q = model::find_question(id);
  if (q == nullptr) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    return catalog.text(lang, "form.not_known");
  }
  return display_value(*q, value, catalog, lang);
}

std::string field_label(std::string_view id, const Catalog& catalog, std::string_view lang) {
  if (const model::Question* q = model::find_question(id)) return std::string(q->label(to_language(lang)));
  // Register fields such as meta.title / meta.status are not form questions.
  std::string key = "history.field.";
  for (char c : id) key.push_back(c == '.' ? '_' : c);
  return catalog.text(lang, key);
}

// The AP form's chapters 1-10 and the assessment facts (chapter 11).
View chapters_view(const model::Breach& breach, const Catalog& catalog, std::string_view lang) {
  View list{View::type::list};
  for (const model::Chapter& ch : model::chapters()) {
    if (ch.number < 1 || ch.number > kAssessmentChapter) continue;
    int total = 0, answered = 0;
    for (const model::Question& q : model::questions()) {
      if (q.chapter != ch.number || q.type == model::QuestionType::kFile || !model::applies(q, breach.answers)) continue;
      ++total;
      auto it = breach.answers.find(q.id);
      if (it != breach.answers.end() && !model::is_unknown(it->second)) ++answered;
    }
    View c{View::type::object};
    c.set("number", std::to_string(ch.number));
    c.set("title", chapter_title(ch.number, catalog, lang));
    c.set("is_assessment", ch.number == kAssessmentChapter);
    c.set("answered", std::to_string(answered));
    c.set("total", std::to_string(total));
    c.set("complete", total > 0 && answered == total);
    c.set("href", "/breaches/" + breach.id + "/chapters/" + std::to_string(ch.number));
    list.push_back(c);
  }
  return list;
}

// The register's own status change is recorded under "meta.status", which is also
// the id of the notification's preliminary/final question; a breach status token
// tells the two apart.
bool is_register_status_change(const model::AnswerChange& c) {
  if (c.id != "meta.status") return false;
  auto token_of = [](const model::Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    return s != nullptr && model::status_from_token(*s).has_value();
  };
  return token_of(c.old_value) || token_of(c.new_value);
}

std::string status_value_text(const model::Value& v, const Catalog& catalog, std::string_view lang) {
  const auto* s = std::get_if<std::string>(&v);
  const auto status = s == nullptr ? std::nullopt : model::status_from_token(*s);
  return status ? catalog.text(lang, "status." + *s) : catalog.text(lang, "form.not_known");
}

}  // namespace

std::string status_label(const Catalog& catalog, std::string_view lang, BreachStatus status) {
  return catalog.text(lang, "status." + std::string(model::to_token(status)));
}

std::string option_label(std::string_view question_id, std::string_view token, std::string_view lang) {
  const model::Question* q = model::find_question(question_id);
  const model::Option* o = q == nullptr ? nullptr : model::find_option(*q, token);
  return o == nullptr ? std::string(token) : std::string(model::label(*o, to_language(lang)));
}

View breach_view(const model::Breach& breach, const Catalog& catalog, std::string_view lang) {
  View v{View::type::object};
  v.set("id", breach.id);
  v.set("reference", breach.reference);
  v.set("title", breach.title);
  v.set("status", status_label(catalog, lang, breach.status));
  v.set("status_token", std::string(model::to_token(breach.status)));
  v.set("version", std::to_string(breach.version));
  v.set("created_at", display_instant(breach.created_at, lang));
  v.set("updated_at", display_instant(breach.updated_at, lang));
  View keys{View::type::list};
  for (std::string_view id : kKeyAnswers) {
    auto it = breach.answers.find(id);
    if (it == breach.answers.end() || model::is_unknown(it->second)) continue;
    View row{View::type::object};
    row.set("label", field_label(id, catalog, lang));
    row.set("value", value_text(id, it->second, catalog, lang));
    keys.push_back(row);
  }
  v.set("key_answers", keys);
  v.set("chapters", chapters_view(breach, catalog, lang));
  return v;
}

View revisions_view(const std::vector<model::Revision>& revisions, const Catalog& catalog, std::string_view lang) {
  std::vector<const model::Revision*> ordered;
  for (const auto& r : revisions) ordered.push_back(&r);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->version > b->version; });
  View list{View::type::list};
  for (const model::Revision* r : ordered) {
    View rev{View::type::object};
    rev.set("version", std::to_string(r->version));
    rev.set("at", display_instant(r->at, lang));
    rev.set("user_email", r->user_email);
    if (!r->note.empty()) rev.set("note", r->note);
    View changes{View::type::list};
    for (const model::AnswerChange& c : r->changes) {
      View ch{View::type::object};
      ch.set("id", c.id);
      if (is_register_status_change(c)) {
        ch.set("label", catalog.text(lang, "history.field.breach_status"));
        ch.set("old_value", status_value_text(c.old_value, catalog, lang));
        ch.set("new_value", status_value_text(c.new_value, catalog, lang));
      } else {
        ch.set("label", field_label(c.id, catalog, lang));
        ch.set("old_value", value_text(c.id, c.old_value, catalog, lang));
        ch.set("new_value", value_text(c.id, c.new_value, catalog, lang));
      }
      changes.push_back(ch);
    }
    rev.set("has_changes", !r->changes.empty());
    rev.set("changes", changes);
    list.push_back(rev);
  }
  return list;
}

View status_options(const Catalog& catalog, std::string_view lang, std::string_view selected) {
  View list{View::type::list};
  for (BreachStatus s : kStatuses) {
    View o{View::type::object};
    o.set("value", std::string(model::to_token(s)));
    o.set("label", status_label(catalog, lang, s));
    o.set("selected", model::to_token(s) == selected);
    list.push_back(o);
  }
  return list;
}

}  // namespace bd::pages
