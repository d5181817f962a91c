// The service's gate for answers before they are stored, on top of model/validation.h:
//  - check_answers: every id is a catalogue question and every value passes
//    model::check_value (type, option tokens, dates, formats, lengths);
//  - check_changed: the cross-field rules of model::validate_answers on the answers as
//    they would be saved, reported only for the ids this change touches, so an edit
//    cannot introduce a problem, while an older draft's open issues do not block it.
// Completeness is not checked: a register entry may be partial.
//
// Pure; thread-safe. Failure: kInvalidInput naming the id in Error::field, with the
// Dutch message (the English one goes to Error::detail).
#pragma once

#include <set>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "model/value.h"

namespace bd::service {

Status check_answers(const model::Answers& answers);
Status check_changed(const model::Answers& merged, const std::set<std::string, std::less<>>& changed_ids,
                     TimePoint now);

}  // namespace bd::service
