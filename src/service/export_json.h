// Internal to the export: breaches as a JSON array in the JSON contract
// ({"id","organisation","reference","title","status","version","created_at",
// "updated_at","answers":{flat id: value}}). Pure; thread-safe; cannot fail.
#pragma once

#include <string>
#include <vector>

#include "model/breach.h"

namespace bd::service {

std::string breaches_to_json(const std::vector<model::Breach>& breaches);

}  // namespace bd::service
