// The form editor of one chapter of the AP form (or of chapter 11, the assessment
// facts), as view data for
// templates/pages/chapter.mustache, and the reverse: the submitted fields of that
// page turned into answer changes.
//
// Inputs are generated from model/form_schema.h: bool -> radios Ja/Nee/Onbekend,
// single -> radios (up to 5 options) or a select, multi -> checkboxes, "+other" ->
// the `<id>_other` text question right after it, date -> a date input,
// datetime -> a date and a time input in Europe/Amsterdam time, int/number -> a
// numeric text input, text -> an input or a textarea, text list -> a textarea with
// one item per line. File questions are not edited here (attachments are uploaded
// separately) and are skipped.
//
// Field names are the question ids; a datetime's time part is "<id>__time", and every
// multi and bool question sends "<id>__present" so that "nothing ticked" is seen.
// Questions whose condition does not hold are rendered with the `hidden` attribute
// and their condition in data-* attributes, so static/app.js can reveal them live;
// without JavaScript they appear once the answer they depend on has been saved.
//
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/form_schema.h"
#include "model/value.h"
#include "pages/renderer.h"

namespace bd::pages {

// Submitted form fields in order (name, value); repeated names for checkboxes.
using FormFields = std::vector<std::pair<std::string, std::string>>;
// Field id -> message shown next to it.
using FieldErrors = std::map<std::string, std::string, std::less<>>;

model::Language to_language(std::string_view lang);

// Chapters 1-10 are the AP form's; chapter 11 holds the assessment facts (assess.*),
// which are breachdesk's own and never part of the notification.
inline constexpr int kAssessmentChapter = 11;

// A chapter's title for the page: the form schema's for the AP's chapters, the message
// catalog's (chapter.assess_title) for the assessment chapter.
std::string chapter_title(int chapter, const Catalog& catalog, std::string_view lang);

// The fragment id of a question's block on its chapter page ("q-f-assess-backup"), so a
// link can jump to it: /breaches/{id}/chapters/{n}#<anchor>.
std::string question_anchor(std::string_view question_id);

// The chapter's questions as view data: {chapter_number, chapter_title, questions:[…]}.
// `input`, when given, is what the person just submitted (shown instead of the saved
// answers, so nothing typed is lost after an error or a conflict).
View chapter_view(int chapter, const model::Answers& saved, const Catalog& catalog, std::string_view lang,
                  const FieldErrors& errors, const FormFields* input);

struct ChapterInput {
  model::Answers changes;  // ids to set; monostate clears an answer
  FieldErrors errors;      // per field id, in the page's language
};

// Reads the chapter's fields. Values of questions that do not apply (given the saved
// answers merged with the submitted ones) are cleared or ignored. Error texts come
// from `catalog` in `lang`.
ChapterInput parse_chapter(int chapter, const FormFields& fields, const model::Answers& saved,
                           const Catalog& catalog, std::string_view lang);

// An answer as display text: option labels for single/multi, Ja/Nee for bool, local
// time for datetimes, "" for unknown.
std::string display_value(const model::Question& question, const model::Value& value, const Catalog& catalog,
                          std::string_view lang);

}  // namespace bd::pages
