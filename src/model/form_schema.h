// The question catalogue: every id of the AP notification form (spec ap-form.md,
// August-2022 chapters 1–10), the notification metadata (meta.*, chapter 0) and the
// assessment facts of risk.md (assess.*, chapter 11). For each id: its type, its
// options with Dutch and English labels, its labels and help, the condition under
// which it is shown (and may be answered), whether the law or the AP requires it,
// and whether it holds personal data (so storage can encrypt it).
//
// A question whose list has "Anders, namelijk" (has_other) includes the option token
// "other", and the catalogue holds a companion text question `<id>_other` that applies
// only while "other" is chosen.
//
// Ownership: the catalogue is static, built once on first use and never changed;
// every pointer, span and string_view it hands out lives for the whole program.
// Thread-safety: all functions are safe to call from any thread.
// Failure: lookups of unknown ids return nullptr; nothing here fails otherwise.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "model/value.h"

namespace bd::model {

// The catalogue's version: the AP questionnaire it follows (August 2022) and our own
// revision of it. Exports and stored assessments record it, so answers given under
// an older catalogue can be recognised when the form changes.
inline constexpr std::string_view kCatalogueVersion = "ap-2022-08.1";

enum class Language { kNl, kEn };

enum class QuestionType {
  kBool,      // Value: bool
  kSingle,    // Value: string (one option token)
  kMulti,     // Value: vector<string> (option tokens, no duplicates); [] means "none of these"
  kDate,      // Value: string "YYYY-MM-DD"
  kDateTime,  // Value: string ISO 8601 with offset; date-only too when time_optional
  kInt,       // Value: int64_t
  kNumber,    // Value: double (an int64_t is accepted as well)
  kText,      // Value: string
  kTextList,  // Value: vector<string>
  kFile,      // Value: vector<string>, the names of the stored documents (service/attachment_service.h)
};

// Stable lower-case name of a type ("single", "text_list"), for docs and the API.
std::string_view to_token(QuestionType type);

struct Option {
  std::string_view token;  // lower_snake (country codes: ISO 3166-1 alpha-2, "NL")
  std::string_view label_nl;
  std::string_view label_en;
};

// When a question applies. A question that does not apply is hidden in forms, is
// not required, and an answer to it is reported by validation (model/validation.h).
enum class ConditionKind {
  kAlways,
  kIsTrue,             // bool `id` is true
  kNotTrue,            // bool `id` is false or unknown (e.g. time.end while not ongoing)
  kEquals,             // single `id` equals `token`; `token` may list several as "a|b"
  kIncludes,           // multi `id` contains `token`
  kIncludesOtherThan,  // multi `id` contains some token other than `token`
};

struct Condition {
  ConditionKind kind = ConditionKind::kAlways;
  std::string_view id;     // the controlling question
  std::string_view token;  // for kEquals / kIncludes / kIncludesOtherThan
};

inline constexpr std::size_t kShortTextMax = 200;    // names, phone numbers, references
inline constexpr std::size_t kLongTextMax = 10000;   // descriptions and explanations
inline constexpr std::size_t kListMax = 500;         // items in a multi / text list / file list

struct Question {
  std::string_view id;
  int chapter = 0;  // 0 meta, 1–10 the AP form (2022 numbering), 11 assessment facts
  QuestionType type = QuestionType::kText;
  std::string_view label_nl;
  std::string_view label_en;
  std::span<const Option> options{};  // kSingle / kMulti only, in the form's order
  Condition condition{};
  // Non-empty when an answer is required for a complete notification: the ground,
  // e.g. "Art. 33(3)(a)" (GDPR minimum content) or "AP" (the AP's form requires it).
  std::string_view required_by{};
  bool personal_data = false;  // holds a person's name or contact details
  std::size_t max_length = kLongTextMax;  // for text values, in characters (code points)
  bool time_optional = false;  // kDateTime: a bare date "YYYY-MM-DD" is accepted too
  std::string_view help_nl{};
  std::string_view help_en{};
  bool has_other = false;  // options include "other" and `<id>_other` exists
  int order = 0;           // position in form order (set by the catalogue)

  bool required() const { return !required_by.empty(); }
  std::string_view label(Language lang) const { return lang == Language::kNl ? label_nl : label_en; }
};

struct Chapter {
  int number = 0;
  std::string_view title_nl;
  std::string_view title_en;
  std::string_view title(Language lang) const { return lang == Language::kNl ? title_nl : title_en; }
};

inline std::string_view label(const Option& option, Language lang) {
  return lang == Language::kNl ? option.label_nl : option.label_en;
}

// Every question (form, meta and assess ids, plus the `<id>_other` companions right
// after their question) in form order: chapter 0, 1, …, 11.
std::span<const Question> questions();

// The question with this id, or nullptr. O(1) on average.
const Question* find_question(std::string_view id);

// Chapters 0–11 in order; find_chapter returns nullptr for other numbers.
std::span<const Chapter> chapters();
const Chapter* find_chapter(int number);

// The option of `question` with this token, or nullptr.
const Option* find_option(const Question& question, std::string_view token);

// Whether `question` applies given the other answers: its own condition holds and
// the question that controls it applies too (conditions chain).
bool applies(const Question& question, const Answers& answers);

}  // namespace bd::model
