// Validation of a breach's answers against the question catalogue (model/form_schema.h),
// and the completeness check for a notification to the AP (GDPR Art. 33(3)).
//
// validate_answers() accepts partial answers: anything may still be unknown (a
// preliminary notification is allowed). It reports every problem at once, so a form can
// show them all:
//   - an id that is not in the catalogue;
//   - a value of the wrong type, an unknown option token, a duplicate token, "none"
//     combined with other choices, an impossible date or time, a negative count;
//   - text that is not clean UTF-8 or is longer than the question allows; the format of
//     e-mail addresses, phone numbers and the KvK number;
//   - subjects.count_min > subjects.count_max, time.end before time.start, and
//     time.discovered / time.processor_informed / meta.submitted_at in the future;
//   - an answer to a question that does not apply given the other answers (for example
//     `<id>_other` text without "other" chosen, time.end while time.ongoing is true).
// Decision: such inapplicable answers are REPORTED, not silently dropped, so a client
// never loses text without being told. A form that wants to drop them after the user
// changed a controlling answer calls without_inapplicable() first.
//
// Text is stored as given: script tags, quotes and SQL metacharacters are not problems.
//
// Pure functions; thread-safe; they never fail (problems are the result).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/form_schema.h"
#include "model/value.h"

namespace bd::model {

struct Problem {
  std::string field;  // the question id ("subjects.count_max"), or the id that is unknown
  std::string message_nl;
  std::string message_en;

  std::string_view message(Language lang) const { return lang == Language::kNl ? message_nl : message_en; }
};

// Every problem of `answers`, in form order (unknown ids last, in id order).
// `now` bounds the moments that cannot lie in the future.
std::vector<Problem> validate_answers(const Answers& answers, TimePoint now);

// The checks on one value by itself: type, options, format, length, range.
// Unknown (monostate) is always fine.
std::optional<Problem> check_value(const Question& question, const Value& value);

// The register title of a breach (Breach::title, field "meta.title"): not blank, clean
// text, at most kTitleMax characters.
inline constexpr std::size_t kTitleMax = 200;
std::optional<Problem> check_title(std::string_view title);

// The first problem as an Error (kInvalidInput, field = the id, English message);
// ok when there is none.
Status first_problem(const std::vector<Problem>& problems);
Error to_error(const Problem& problem);

// `answers` without the answers to questions that do not apply given the others.
Answers without_inapplicable(const Answers& answers);

struct MissingAnswer {
  std::string_view id;           // a catalogue id
  std::string_view required_by;  // "Art. 33(3)(a)", "AP", "Art. 33(1)", …
};

// The required answers that are still missing for a complete notification, in form
// order: required questions that apply and are unknown, empty or blank (a multi needs
// at least one choice, except data.special, where "none ticked" is an answer), and
// time.late_reason when the notification is (or, unsubmitted, would now be) made more
// than `deadline` after time.discovered. The submission moment is meta.submitted_at if
// set, otherwise `now`.
std::vector<MissingAnswer> missing_for_notification(const Answers& answers, TimePoint now,
                                                    std::chrono::hours deadline = std::chrono::hours{72});

}  // namespace bd::model
