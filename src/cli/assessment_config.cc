#include "cli/assessment_config.h"

#include <filesystem>
#include <fstream>

#include "json/assessment_config_codec.h"

namespace bd::cli {
namespace {

Result<std::string> read_config_file(std::string_view option, const std::string& path) {
  const std::string opt(option);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error::invalid(opt, opt + ": '" + path + "' is neither a compiled-in version (" +
                                   model::assess::compiled_in_versions() + ") nor a readable file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid(opt, opt + ": cannot read " + path);
  // One byte more than the codec accepts, so that it reports a file that is too large.
  std::string text(json::kMaxConfigBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

}  // namespace

Result<model::assess::EngineConfig> resolve_assessment_config(std::string_view option, const std::string& value) {
  if (auto named = model::assess::config_by_version(value); named.ok()) return named;
  BD_ASSIGN_OR_RETURN(const std::string text, read_config_file(option, value));
  auto parsed = json::assessment_config_from_json(text);
  if (!parsed.ok()) {
    Error error = parsed.error();
    error.message = std::string(option) + " " + value + ": " + error.message;
    return error;
  }
  if (auto same_name = model::assess::config_by_version(parsed->version); same_name.ok() && !(*same_name == *parsed)) {
    return Error::invalid("version", std::string(option) + " " + value + ": version: " + parsed->version +
                                         " is a compiled-in configuration with other values; changed values need a "
                                         "new version");
  }
  return parsed;
}

std::string describe_assessment_config(const model::assess::EngineConfig& c, const std::string& value) {
  const bool compiled_in = model::assess::config_by_version(value).ok();
  return "assessment configuration " + c.version + (compiled_in ? " (compiled in)" : " (from " + value + ")") +
         ": engine " + std::string(model::assess::kEngineVersion) + ", AP deadline " +
         std::to_string(c.deadline_hours) + " h, notify the AP from " +
         std::string(to_token(c.notify_ap_from)) + ", inform people from " +
         std::string(to_token(c.inform_subjects_from));
}

}  // namespace bd::cli
