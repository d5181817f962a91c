// libFuzzer target for the assessment configuration document
// (json/assessment_config_codec.h): any input is parsed as a configuration. A refusal
// must be kInvalidInput with a message; whatever is accepted must pass the engine's own
// range check, serialise and parse back to the same configuration and the same text,
// and drive the engine over a few breaches without a crash or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "json/assessment_config_codec.h"

namespace {

namespace a = bd::model::assess;

void require(bool condition) {
  if (!condition) std::abort();
}

// A few breaches around the thresholds a configuration moves: nothing known, a plain
// risk, a high risk with many people, and an outage restored from backup.
void assess_with(const a::EngineConfig& config) {
  a::Facts nothing;
  a::Facts mail;
  mail.nature = a::bits_of(a::Nature::kConfidentiality);
  mail.general = a::bits_of(a::General::kName);
  mail.recipients = a::Recipients::kKnownUntrusted;
  a::Facts bsn = mail;
  bsn.general.add(a::General::kBsn);
  bsn.subjects_max = 5000;
  a::Facts outage;
  outage.nature = a::bits_of(a::Nature::kAvailabilityTemporary);
  outage.backup = a::Tri::kYes;
  outage.restore_hours = 12;
  for (const a::Facts& facts : {nothing, mail, bsn, outage}) {
    const a::Assessment result = a::assess(facts, config);
    require(result.config_version == config.version);
    require(result.deadline_hours == config.deadline_hours);
    require(result.notify_ap == (result.risk >= config.notify_ap_from));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto config = bd::json::assessment_config_from_json(input);
  if (!config.ok()) {
    require(config.error().kind == bd::ErrorKind::kInvalidInput && !config.error().message.empty());
    return 0;
  }
  require(a::check_config(*config).ok());
  const std::string text = bd::json::assessment_config_to_json(*config);
  auto again = bd::json::assessment_config_from_json(text);
  require(again.ok());
  require(*again == *config);
  require(bd::json::assessment_config_to_json(*again) == text);
  assess_with(*config);
  return 0;
}
