// View data for the breach page: the summary with its key answers, the chapters
// with how many of their questions are answered, and the history of revisions with
// old -> new values, all labelled in the page's language.
//
// Pure functions over model types; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/breach.h"
#include "pages/catalog.h"
#include "pages/renderer.h"

namespace bd::pages {

// "Vermoeden" / "Suspected": catalog key status.<token>.
std::string status_label(const Catalog& catalog, std::string_view lang, model::BreachStatus status);
// The label of an option token of a single/multi question, or the token itself.
std::string option_label(std::string_view question_id, std::string_view token, std::string_view lang);

// {reference, title, status, status_token, version, created_at, updated_at,
//  key_answers:[{label, value}], chapters:[{number, title, answered, total, href}]}
View breach_view(const model::Breach& breach, const Catalog& catalog, std::string_view lang);

// [{version, at, user_email, note, changes:[{label, old_value, new_value}]}], newest first.
View revisions_view(const std::vector<model::Revision>& revisions, const Catalog& catalog, std::string_view lang);

// The list of status options for a select: [{value, label, selected}].
View status_options(const Catalog& catalog, std::string_view lang, std::string_view selected);

}  // namespace bd::pages
