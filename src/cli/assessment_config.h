// The assessment configuration a command is told to use (`serve --assessment-config`,
// `mail send --assessment-config`, `assess --config`): either the version of a
// compiled-in configuration ("2026.1", "omnibus-2025"; a name wins over a file of the
// same name) or the path of a JSON configuration file (json/assessment_config_codec.h,
// examples under config/assessment/). Reading the file happens here, parsing in json/.
//
// A file may not reuse a compiled-in version for other values: a stored assessment
// names its config_version, and that name must keep meaning one set of rules.
//
// Failure: kInvalidInput naming the option (unknown version, unreadable file) or the
// offending member of the file (with the option and path in the message). Main thread.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/assess/assessment.h"

namespace bd::cli {

Result<model::assess::EngineConfig> resolve_assessment_config(std::string_view option, const std::string& value);

// One line for the start-up log: version, where it came from and the values that matter
// most (no secrets: a configuration holds none).
std::string describe_assessment_config(const model::assess::EngineConfig& config, const std::string& value);

}  // namespace bd::cli
