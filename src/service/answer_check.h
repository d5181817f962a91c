// The service's gate for answers before they are stored: every id must be a question
// of the catalogue (model/form_schema.h) and every value of the alternative its type
// allows (option tokens known, text within its length and clean UTF-8). Conditions
// and completeness are not checked here: a register entry may be partial.
//
// Pure; thread-safe. Failure: kInvalidInput naming the offending id in Error::field.
#pragma once

#include "base/result.h"
#include "model/value.h"

namespace bd::service {

Status check_answers(const model::Answers& answers);

}  // namespace bd::service
