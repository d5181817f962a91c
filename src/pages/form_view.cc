#include "pages/form_view.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>

#include "model/text_checks.h"
#include "pages/local_time.h"

namespace bd::pages {
namespace {

using model::Question;
using model::QuestionType;
using model::Value;

constexpr std::size_t kRadioMaxOptions = 5;

std::vector<std::string> field_values(const FormFields& fields, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [n, v] : fields) {
    if (n == name) out.push_back(v);
  }
  return out;
}

std::string first_value(const FormFields& fields, std::string_view name) {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return {};
}

bool has_field(const FormFields& fields, std::string_view name) {
  return std::any_of(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; });
}


std::string normalise_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string dom_id(std::string_view id) {
  std::string out = "f-";
  for (char c : id) out.push_back(c == '.' ? '-' : c);
  return out;
}

std::string_view condition_token(model::ConditionKind kind) {
  switch (kind) {
    case model::ConditionKind::kAlways: return "";
    case model::ConditionKind::kIsTrue: return "is_true";
    case model::ConditionKind::kNotTrue: return "not_true";
    case model::ConditionKind::kEquals: return "equals";
    case model::ConditionKind::kIncludes: return "includes";
    case model::ConditionKind::kIncludesOtherThan: return "includes_other_than";
  }
  return "";
}

std::string number_text(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

// The saved value as the strings the inputs hold.
std::vector<std::string> saved_strings(const Question& q, const Value& v) {
  if (const auto* b = std::get_if<bool>(&v)) return {*b ? "true" : "false"};
  if (const auto* i = std::get_if<std::int64_t>(&v)) return {std::to_string(*i)};
  if (const auto* d = std::get_if<double>(&v)) return {number_text(*d)};
  if (const auto* s = std::get_if<std::string>(&v)) return {*s};
  if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
    if (q.type != QuestionType::kTextList) return *list;
    std::string joined;
    for (const auto& item : *list) joined += (joined.empty() ? "" : "\n") + item;
    return {joined};
  }
  return {};
}

View option_list(const Question& q, const std::vector<std::string>& chosen, const Catalog& catalog,
                 std::string_view lang) {
  View list{View::type::list};
  const model::Language l = to_language(lang);
  auto add = [&](std::string value, std::string label) {
    View o{View::type::object};
    const bool on = std::find(chosen.begin(), chosen.end(), value) != chosen.end();
    o.set("value", value);
    o.set("label", label);
    o.set("dom_id", dom_id(q.id) + "-" + (value.empty() ? std::string("unknown") : value));
    o.set("checked", on);
    list.push_back(o);
  };
  if (q.type == QuestionType::kBool) {
    add("true", catalog.text(lang, "form.yes"));
    add("false", catalog.text(lang, "form.no"));
    add("", catalog.text(lang, "form.unknown"));
    return list;
  }
  for (const auto& option : q.options) add(std::string(option.token), std::string(model::label(option, l)));
  return list;
}

void set_input_kind(View& v, const Question& q) {
  switch (q.type) {
    case QuestionType::kBool: v.set("is_radio", true); break;
    case QuestionType::kSingle:
      v.set(q.options.size() <= kRadioMaxOptions ? "is_radio" : "is_select", true);
      break;
    case QuestionType::kMulti: v.set("is_checkboxes", true); break;
    case QuestionType::kDate: v.set("is_date", true); break;
    case QuestionType::kDateTime: v.set("is_datetime", true); break;
    case QuestionType::kInt: v.set("is_int", true); break;
    case QuestionType::kNumber: v.set("is_number", true); break;
    case QuestionType::kTextList: v.set("is_textarea", true); v.set("is_list", true); break;
    case QuestionType::kText:
      v.set(q.max_length > model::kShortTextMax ? "is_textarea" : "is_text", true);
      break;
    case QuestionType::kFile: break;
  }
}

View question_view(const Question& q, const model::Answers& saved, std::string_view lang, const FieldErrors& errors,
                   const FormFields* input, const Catalog& catalog) {
  const model::Language l = to_language(lang);
  View v{View::type::object};
  v.set("id", std::string(q.id));
  v.set("dom_id", dom_id(q.id));
  v.set("label", std::string(q.label(l)));
  const std::string_view help = l == model::Language::kNl ? q.help_nl : q.help_en;
  if (!help.empty()) v.set("help", std::string(help));
  v.set("required", q.required());
  v.set("hidden", !model::applies(q, saved));
  if (q.condition.kind != model::ConditionKind::kAlways) {
    v.set("cond_kind", std::string(condition_token(q.condition.kind)));
    v.set("cond_id", std::string(q.condition.id));
    v.set("cond_token", std::string(q.condition.token));
  }
  if (auto e = errors.find(q.id); e != errors.end()) v.set("error", e->second);
  set_input_kind(v, q);

  std::vector<std::string> values;
  std::string time_value;
  if (input != nullptr) {
    values = field_values(*input, q.id);
    time_value = first_value(*input, std::string(q.id) + "__time");
  } else if (auto it = saved.find(q.id); it != saved.end()) {
    values = saved_strings(q, it->second);
    if (q.type == QuestionType::kDateTime && !values.empty()) {
      LocalDateTime local = iso_to_amsterdam(values.front());
      values = {local.date};
      time_value = local.time;
    }
  }
  if (q.type == QuestionType::kBool && values.empty()) values.push_back("");
  v.set("value", values.empty() ? std::string() : values.front());
  v.set("time_value", time_value);
  v.set("time_optional", q.time_optional);
  v.set("maxlength", std::to_string(q.max_length));
  if (q.type == QuestionType::kBool || q.type == QuestionType::kSingle || q.type == QuestionType::kMulti) {
    v.set("options", option_list(q, values, catalog, lang));
  }
  return v;
}

// One question's submitted value; sets `error` (a catalog key) when it is not valid.
Value parse_value(const Question& q, const FormFields& fields, std::string& error) {
  const std::string raw = first_value(fields, q.id);
  const std::string text = model::trim(raw);
  switch (q.type) {
    case QuestionType::kBool:
      if (text.empty()) return {};
      if (text == "true" || text == "false") return text == "true";
      error = "form.error.option";
      return {};
    case QuestionType::kSingle:
      if (text.empty()) return {};
      if (model::find_option(q, text) == nullptr) error = "form.error.option";
      return text;
    case QuestionType::kMulti: {
      std::vector<std::string> chosen;
      for (const std::string& token : field_values(fields, q.id)) {
        if (token.empty()) continue;
        if (model::find_option(q, token) == nullptr) error = "form.error.option";
        if (std::find(chosen.begin(), chosen.end(), token) == chosen.end()) chosen.push_back(token);
      }
      if (chosen.empty()) return {};
      return chosen;
    }
    case QuestionType::kDate:
      if (text.empty()) return {};
      if (!is_valid_date(text)) error = "form.error.date";
      return text;
    case QuestionType::kDateTime: {
      const std::string time = model::trim(first_value(fields, std::string(q.id) + "__time"));
      if (text.empty()) {
        if (!time.empty()) error = "form.error.date";
        return {};
      }
      if (!is_valid_date(text)) {
        error = "form.error.date";
        return {};
      }
      if (time.empty()) {
        if (!q.time_optional) error = "form.error.time_required";
        return text;
      }
      auto iso = amsterdam_to_iso(text, time);
      if (!iso.ok()) {
        error = "form.error.time";
        return {};
      }
      return std::move(iso).value();
    }
    case QuestionType::kInt: {
      if (text.empty()) return {};
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec != std::errc() || end != text.data() + text.size() || n < 0) error = "form.error.int";
      return n;
    }
    case QuestionType::kNumber: {
      if (text.empty()) return {};
      std::string dotted = text;
      std::replace(dotted.begin(), dotted.end(), ',', '.');
      double d = 0;
      auto [end, ec] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), d);
      if (ec != std::errc() || end != dotted.data() + dotted.size() || d < 0) error = "form.error.number";
      return d;
    }
    case QuestionType::kText: {
      std::string value = normalise_newlines(raw);
      if (model::trim(value).empty()) return {};
      if (value.size() > q.max_length) error = "form.error.too_long";
      return value;
    }
    case QuestionType::kTextList: {
      std::vector<std::string> items;
      const std::string all = normalise_newlines(raw);
      std::size_t start = 0;
      while (start <= all.size()) {
        std::size_t nl = all.find('\n', start);
        if (nl == std::string::npos) nl = all.size();
        std::string item = model::trim(std::string_view(all).substr(start, nl - start));
        if (!item.empty()) items.push_back(std::move(item));
        start = nl + 1;
      }
      if (items.size() > model::kListMax) error = "form.error.too_many";
      if (items.empty()) return {};
      return items;
    }
    case QuestionType::kFile: return {};
  }
  return {};
}

bool same_value(const model::Answers& answers, std::string_view id, const Value& v) {
  auto it = answers.find(id);
  if (it == answers.end()) return model::is_unknown(v);
  return it->second == v;
}

}  // namespace

model::Language to_language(std::string_view lang) { return lang == "en" ? model::Language::kEn : model::Language::kNl; }

std::string chapter_title(int chapter, const Catalog& catalog, std::string_view lang) {
  if (chapter == kAssessmentChapter) return catalog.text(lang, "chapter.assess_title");
  const model::Chapter* ch = model::find_chapter(chapter);
  return ch == nullptr ? std::string() : std::string(ch->title(to_language(lang)));
}

std::string question_anchor(std::string_view question_id) { return "q-" + dom_id(question_id); }

View chapter_view(int chapter, const model::Answers& saved, const Catalog& catalog, std::string_view lang,
                  const FieldErrors& errors, const FormFields* input) {
  View v{View::type::object};
  v.set("chapter_number", std::to_string(chapter));
  v.set("chapter_title", chapter_title(chapter, catalog, lang));
  v.set("is_assessment", chapter == kAssessmentChapter);
  View list{View::type::list};
  for (const Question& q : model::questions()) {
    if (q.chapter != chapter || q.type == QuestionType::kFile) continue;
    list.push_back(question_view(q, saved, lang, errors, input, catalog));
  }
  v.set("questions", list);
  return v;
}

ChapterInput parse_chapter(int chapter, const FormFields& fields, const model::Answers& saved,
                           const Catalog& catalog, std::string_view lang) {
  ChapterInput out;
  model::Answers merged = saved;
  std::vector<const Question*> submitted;
  for (const Question& q : model::questions()) {
    if (q.chapter != chapter || q.type == QuestionType::kFile) continue;
    const std::string present = std::string(q.id) + "__present";
    if (!has_field(fields, q.id) && !has_field(fields, present)) continue;
    std::string error;
    Value v = parse_value(q, fields, error);
    if (!error.empty()) out.errors.emplace(std::string(q.id), catalog.text(lang, error));
    merged.insert_or_assign(std::string(q.id), std::move(v));
    submitted.push_back(&q);
  }
  for (const Question* q : submitted) {
    const auto it = merged.find(q->id);
    if (!model::applies(*q, merged)) {
      out.errors.erase(std::string(q->id));  // a hidden question's input does not count
      if (!same_value(saved, q->id, Value{})) out.changes.insert_or_assign(std::string(q->id), Value{});
      continue;
    }
    if (!same_value(saved, q->id, it->second)) out.changes.insert_or_assign(std::string(q->id), it->second);
  }
  return out;
}

std::string display_value(const Question& q, const Value& value, const Catalog& catalog, std::string_view lang) {
  const model::Language l = to_language(lang);
  if (const auto* b = std::get_if<bool>(&value)) return catalog.text(lang, *b ? "form.yes" : "form.no");
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return number_text(*d);
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (q.type == QuestionType::kSingle) {
      const model::Option* o = model::find_option(q, *s);
      return o == nullptr ? *s : std::string(model::label(*o, l));
    }
    if (q.type == QuestionType::kDate || q.type == QuestionType::kDateTime) return display_datetime(*s, lang);
    return *s;
  }
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::string out;
    for (const std::string& item : *list) {
      const model::Option* o = q.type == QuestionType::kMulti ? model::find_option(q, item) : nullptr;
      out += (out.empty() ? "" : "; ") + (o == nullptr ? item : std::string(model::label(*o, l)));
    }
    return out;
  }
  return {};
}

}  // namespace bd::pages
