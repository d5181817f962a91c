#include "model/labels.h"

#include <cmath>
#include <cstdio>

#include "model/datetime.h"

namespace bd::model {
namespace {

using Strings = std::vector<std::string>;

constexpr std::string_view kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

std::string join(const Strings& items, std::string_view separator = "; ") {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string date_text(std::chrono::year_month_day d, Language lang) {
  char buf[48];
  const unsigned month = static_cast<unsigned>(d.month());
  if (lang == Language::kNl) {
    std::snprintf(buf, sizeof buf, "%02u-%02u-%04d", static_cast<unsigned>(d.day()), month, static_cast<int>(d.year()));
  } else {
    std::snprintf(buf, sizeof buf, "%u %s %04d", static_cast<unsigned>(d.day()), kMonthsEn[month - 1].data(),
                  static_cast<int>(d.year()));
  }
  return buf;
}

std::string datetime_text(const std::string& raw, Language lang) {
  auto parsed = parse_datetime(raw);
  if (!parsed.ok()) {
    auto date = parse_date(raw);
    return date.ok() ? date_text(*date, lang) : raw;
  }
  const TimePoint local = parsed->instant + parsed->offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  const long off = parsed->offset.count();
  const long abs_off = off < 0 ? -off : off;
  char buf[48];
  std::snprintf(buf, sizeof buf, " %02d:%02d (UTC%c%02ld:%02ld)", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), off < 0 ? '-' : '+', abs_off / 60, abs_off % 60);
  return date_text(std::chrono::year_month_day{day}, lang) + buf;
}

std::string grouped(std::int64_t n, char separator) {
  const bool negative = n < 0;
  // Unsigned arithmetic, so INT64_MIN has a magnitude too.
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  const std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string number_text(double d, Language lang) {
  if (!std::isfinite(d)) return unknown_text(lang).data();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  std::string out = buf;
  if (lang == Language::kNl) {
    for (char& c : out) {
      if (c == '.') c = ',';
    }
  }
  return out;
}

std::string choices_text(const Question& q, const Strings& tokens, Language lang) {
  if (tokens.empty()) return lang == Language::kNl ? "Geen" : "None";
  Strings labels;
  for (const std::string& t : tokens) {
    const Option* o = find_option(q, t);
    labels.emplace_back(o ? label(*o, lang) : std::string_view(t));
  }
  return join(labels);
}

// By alternative alone, for values that do not match their question.
std::string raw_text(const Value& value, Language lang) {
  if (const auto* b = std::get_if<bool>(&value)) return std::string(yes_no(*b, lang));
  if (const auto* i = std::get_if<std::int64_t>(&value)) return grouped(*i, lang == Language::kNl ? '.' : ',');
  if (const auto* d = std::get_if<double>(&value)) return number_text(*d, lang);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* list = std::get_if<Strings>(&value)) return join(*list);
  return std::string(unknown_text(lang));
}

}  // namespace

std::string_view unknown_text(Language lang) { return lang == Language::kNl ? "Nog niet bekend" : "Not yet known"; }

std::string_view yes_no(bool value, Language lang) {
  if (lang == Language::kNl) return value ? "Ja" : "Nee";
  return value ? "Yes" : "No";
}

std::string display_value(const Question& q, const Value& value, Language lang) {
  if (is_unknown(value)) return std::string(unknown_text(lang));
  const auto* s = std::get_if<std::string>(&value);
  const auto* list = std::get_if<Strings>(&value);
  switch (q.type) {
    case QuestionType::kSingle:
      if (s) return choices_text(q, Strings{*s}, lang);
      break;
    case QuestionType::kMulti:
      if (list) return choices_text(q, *list, lang);
      break;
    case QuestionType::kDate:
    case QuestionType::kDateTime:
      if (s) return datetime_text(*s, lang);
      break;
    default: break;
  }
  return raw_text(value, lang);
}

std::string display_value(std::string_view id, const Value& value, Language lang) {
  const Question* q = find_question(id);
  return q ? display_value(*q, value, lang) : raw_text(value, lang);
}

std::string_view option_label(std::string_view id, std::string_view token, Language lang) {
  const Question* q = find_question(id);
  const Option* o = q ? find_option(*q, token) : nullptr;
  return o ? label(*o, lang) : token;
}

}  // namespace bd::model
