// Internal to the export: breaches as a JSON array, each in the JSON contract of
// json/answers_codec.h (breach_to_object). Pure; thread-safe; cannot fail.
#pragma once

#include <string>
#include <vector>

#include "model/breach.h"

namespace bd::service {

std::string breaches_to_json(const std::vector<model::Breach>& breaches);

}  // namespace bd::service
