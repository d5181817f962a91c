// The JSON contract of the AP form (spec ap-form.md) for the model types: answers,
// breaches and revisions, with Boost.JSON. Used by the API, the CLI (`assess`,
// `export`), the store and the fuzzers, so every copy of a breach reads and writes alike.
//
//   answers  {"breach.nature": ["confidentiality"], "subjects.count_known": false,
//             "time.discovered": "2018-03-28T10:00:00+02:00", "assess.malicious": null}
//   breach   {"id", "organisation", "version", "reference", "status", "title",
//             "reported_by", "created_at", "updated_at", "answers": {…}}
//   revision {"breach_id", "version", "user_id", "user_email", "at", "note",
//             "changes": [{"id", "old", "new"}]}
//
// Parsing: answers keyed by exactly the catalogue ids (model/form_schema.h); each value
// must have the JSON shape of its type (single → string, multi/text_list/file → array of
// strings, bool → true/false, int → integer, number → integer or fraction, date and
// datetime → ISO 8601 string, text → string) and pass model::check_value (options,
// dates, formats, lengths). null means unknown and is dropped (absent == unknown).
// Cross-field rules are not applied here: that is model::validate_answers, because a
// stored draft may legitimately be inconsistent while it is being filled in.
// Limits: documents up to kMaxDocumentBytes, nesting up to kMaxDepth. Comments,
// trailing commas, invalid UTF-8 and a key repeated within one object are refused.
//
// Serialising: answers in form order (stable, whatever the map order), unknowns left
// out; parse(serialise(x)) == x for every x that parse produced. Numbers with a fraction
// keep 15 significant digits (what survives Boost.JSON 1.81's number conversion).
//
// Thread-safety: pure functions. Failure: parsing returns Error kInvalidInput whose
// `field` names the offending id or member and whose message names it too; nothing
// here throws (library exceptions are caught and returned as errors).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "base/result.h"
#include "model/breach.h"
#include "model/value.h"

namespace bd::json {

inline constexpr std::size_t kMaxDocumentBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxDepth = 8;

// The contract document as sent by a client: the envelope members it had, and the
// answers. `version` is the version the client based its change on, if any.
struct BreachDocument {
  std::optional<std::string> id;
  std::optional<std::string> organisation;
  std::optional<std::int64_t> version;
  std::optional<std::string> title;
  model::Answers answers;
};

// Either a contract document ({"id", …, "answers": {…}}) or a bare answers object.
Result<model::Answers> answers_from_json(std::string_view text);
Result<BreachDocument> breach_document_from_json(std::string_view text);

// A whole breach as breach_to_json writes it (status token, timestamps).
Result<model::Breach> breach_from_json(std::string_view text);

// Answers from an already parsed JSON object (for handlers that parse a larger body).
Result<model::Answers> answers_from_object(const boost::json::object& object);

std::string answers_to_json(const model::Answers& answers);
boost::json::object answers_to_object(const model::Answers& answers);

std::string breach_to_json(const model::Breach& breach);
boost::json::object breach_to_object(const model::Breach& breach);

std::string revision_to_json(const model::Revision& revision);
boost::json::object revision_to_object(const model::Revision& revision);
Result<model::Revision> revision_from_json(std::string_view text);

// One value by its alternative, without a schema: null, bool, integer, number, string,
// array of strings (used for revision changes, which include register fields).
boost::json::value value_to_json(const model::Value& value);
Result<model::Value> value_from_json(const boost::json::value& json);

}  // namespace bd::json
