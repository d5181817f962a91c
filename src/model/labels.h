// Display text of an answer for people: the print/PDF view of the AP notification,
// the register export and the breach page. Dutch first, English second.
//
//   unknown → "Nog niet bekend" / "Not yet known"
//   bool    → "Ja" / "Nee", "Yes" / "No"
//   single  → the option's label; multi → the labels joined by "; " ([] → "Geen" / "None")
//   date    → "19-04-2021" / "19 April 2021"
//   datetime→ "28-03-2018 10:00 (UTC+02:00)" / "28 March 2018 10:00 (UTC+02:00)", in the
//             local time the value was written in
//   int     → "1.500" / "1,500"; number → "1,5" / "1.5"
//   text    → as given; text list and files → items joined by "; "
// A value that does not fit its question (a stored draft from an older catalogue) is
// shown as its raw text rather than hidden, so nothing recorded disappears from a print.
//
// Pure functions; thread-safe; they never fail. The output is plain text: the caller
// escapes it for HTML (pages/ renders through auto-escaping templates).
#pragma once

#include <string>
#include <string_view>

#include "model/form_schema.h"
#include "model/value.h"

namespace bd::model {

std::string display_value(const Question& question, const Value& value, Language lang);

// By id; an id outside the catalogue is shown by the value's alternative alone.
std::string display_value(std::string_view id, const Value& value, Language lang);

std::string_view unknown_text(Language lang);
std::string_view yes_no(bool value, Language lang);

// The label of `token` among the options of question `id`, or the token itself.
std::string_view option_label(std::string_view id, std::string_view token, Language lang);

}  // namespace bd::model
