// check_value(): the checks on one answer by itself (model/validation.h).
#include <algorithm>
#include <cmath>
#include <set>

#include "model/datetime.h"
#include "model/text_checks.h"
#include "model/validation.h"

namespace bd::model {
namespace {

using Strings = std::vector<std::string>;

Problem problem(const Question& q, std::string nl, std::string en) {
  return {std::string(q.id), std::move(nl), std::move(en)};
}

std::optional<Problem> wrong_type(const Question& q) {
  static constexpr std::pair<QuestionType, std::pair<const char*, const char*>> kExpect[] = {
      {QuestionType::kBool, {"ja of nee (true/false)", "yes or no (true/false)"}},
      {QuestionType::kSingle, {"één keuze (tekst)", "one choice (a string)"}},
      {QuestionType::kMulti, {"een lijst van keuzes", "a list of choices"}},
      {QuestionType::kDate, {"een datum (tekst)", "a date (a string)"}},
      {QuestionType::kDateTime, {"een datum en tijd (tekst)", "a date and time (a string)"}},
      {QuestionType::kInt, {"een geheel getal", "a whole number"}},
      {QuestionType::kNumber, {"een getal", "a number"}},
      {QuestionType::kText, {"tekst", "text"}},
      {QuestionType::kTextList, {"een lijst van teksten", "a list of texts"}},
      {QuestionType::kFile, {"een lijst van bijlagen", "a list of attachments"}},
  };
  for (const auto& [type, words] : kExpect) {
    if (type == q.type) {
      return problem(q, std::string("Verwacht: ") + words.first + ".", std::string("Expected ") + words.second + ".");
    }
  }
  return problem(q, "Onjuist type.", "Wrong type.");
}

std::optional<Problem> check_text(const Question& q, const std::string& s) {
  if (!is_clean_text(s)) {
    return problem(q, "Tekst bevat ongeldige tekens (geen geldige UTF-8 of stuurtekens).",
                   "Text contains invalid characters (not valid UTF-8, or control characters).");
  }
  if (utf8_length(s) > q.max_length) {
    return problem(q, "Tekst is te lang (maximaal " + std::to_string(q.max_length) + " tekens).",
                   "Text is too long (at most " + std::to_string(q.max_length) + " characters).");
  }
  return std::nullopt;
}

std::optional<Problem> check_format(const Question& q, const std::string& s) {
  if (s.empty()) return std::nullopt;  // blank is "not filled in", not a format error
  if (q.id == "org.kvk" && !is_valid_kvk(s)) {
    return problem(q, "Een KvK-nummer bestaat uit 8 cijfers.", "A KvK number consists of 8 digits.");
  }
  if ((q.id == "reporter.email" || q.id == "contact.email") && !is_valid_email(s)) {
    return problem(q, "Dit is geen geldig e-mailadres.", "This is not a valid e-mail address.");
  }
  if ((q.id == "reporter.phone" || q.id == "contact.phone") && !is_plausible_phone(s)) {
    return problem(q, "Dit is geen geldig telefoonnummer (8 tot 15 cijfers).",
                   "This is not a valid phone number (8 to 15 digits).");
  }
  return std::nullopt;
}

std::optional<Problem> check_choices(const Question& q, const Strings& tokens) {
  std::set<std::string_view> seen;
  for (const std::string& t : tokens) {
    if (find_option(q, t) == nullptr) {
      return problem(q, "Onbekende keuze voor deze vraag.", "Unknown choice for this question.");
    }
    if (!seen.insert(t).second) {
      return problem(q, "Dezelfde keuze komt meer dan eens voor.", "A choice occurs more than once.");
    }
  }
  if (seen.count("none") != 0 && seen.size() > 1) {
    return problem(q, "'Nee' of 'geen' kan niet samen met andere keuzes.",
                   "'No' or 'none' cannot be combined with other choices.");
  }
  return std::nullopt;
}

std::optional<Problem> check_list(const Question& q, const Strings& items) {
  if (items.size() > kListMax) {
    return problem(q, "Te veel regels (maximaal " + std::to_string(kListMax) + ").",
                   "Too many items (at most " + std::to_string(kListMax) + ").");
  }
  for (const std::string& item : items) {
    if (auto p = check_text(q, item)) return p;
    if (q.type == QuestionType::kFile && item.empty()) {
      return problem(q, "Lege verwijzing naar een bijlage.", "Empty attachment reference.");
    }
  }
  return std::nullopt;
}

std::optional<Problem> check_moment(const Question& q, const std::string& s) {
  const bool ok = q.type == QuestionType::kDate ? parse_date(s).ok()
                  : q.time_optional             ? parse_date_or_datetime(s).ok()
                                                : parse_datetime(s).ok();
  if (ok) return std::nullopt;
  if (q.type == QuestionType::kDate) {
    return problem(q, "Geen geldige datum (JJJJ-MM-DD).", "Not a valid date (YYYY-MM-DD).");
  }
  return problem(q, "Geen geldige datum en tijd met tijdzone (JJJJ-MM-DDTUU:MM:SS+02:00).",
                 "Not a valid date and time with a time-zone offset (YYYY-MM-DDTHH:MM:SS+02:00).");
}

std::optional<Problem> negative(const Question& q) {
  return problem(q, "Het getal mag niet negatief zijn.", "The number must not be negative.");
}

}  // namespace

std::optional<Problem> check_value(const Question& q, const Value& value) {
  if (is_unknown(value)) return std::nullopt;
  const auto* s = std::get_if<std::string>(&value);
  const auto* list = std::get_if<Strings>(&value);
  switch (q.type) {
    case QuestionType::kBool:
      return std::holds_alternative<bool>(value) ? std::nullopt : wrong_type(q);
    case QuestionType::kSingle:
      if (!s) return wrong_type(q);
      return check_choices(q, Strings{*s});
    case QuestionType::kMulti:
      return list ? check_choices(q, *list) : wrong_type(q);
    case QuestionType::kDate:
    case QuestionType::kDateTime:
      return s ? check_moment(q, *s) : wrong_type(q);
    case QuestionType::kInt: {
      const auto* i = std::get_if<std::int64_t>(&value);
      if (!i) return wrong_type(q);
      return *i < 0 ? negative(q) : std::nullopt;
    }
    case QuestionType::kNumber: {
      const auto* i = std::get_if<std::int64_t>(&value);
      const auto* d = std::get_if<double>(&value);
      if (!i && !d) return wrong_type(q);
      if (d && !std::isfinite(*d)) return wrong_type(q);
      return (i ? *i < 0 : *d < 0) ? negative(q) : std::nullopt;
    }
    case QuestionType::kText:
      if (!s) return wrong_type(q);
      if (auto p = check_text(q, *s)) return p;
      return check_format(q, *s);
    case QuestionType::kTextList:
    case QuestionType::kFile:
      return list ? check_list(q, *list) : wrong_type(q);
  }
  return wrong_type(q);
}

std::optional<Problem> check_title(std::string_view title) {
  if (std::all_of(title.begin(), title.end(), [](char c) { return c == ' ' || c == '\t'; })) {
    return Problem{"meta.title", "Geef de inbreuk een titel.", "Give the breach a title."};
  }
  if (!is_clean_text(title) || title.find_first_of("\r\n") != std::string_view::npos) {
    return Problem{"meta.title", "De titel bevat ongeldige tekens.", "The title contains invalid characters."};
  }
  if (utf8_length(title) > kTitleMax) {
    return Problem{"meta.title", "De titel is te lang (maximaal " + std::to_string(kTitleMax) + " tekens).",
                   "The title is too long (at most " + std::to_string(kTitleMax) + " characters)."};
  }
  return std::nullopt;
}

}  // namespace bd::model
