// Internal: how a breach's answers and revision changes are stored (the JSON contract
// text, personal answers sealed by the FieldCipher), the register columns derived
// from the answers. Values use the JSON contract codec (json/answers_codec.h); reading is
// schema-free so rows written under an older catalogue stay readable. Pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/breach.h"
#include "storage/field_cipher.h"

namespace bd::storage::detail {

std::string answers_to_text(const model::Answers& answers, const FieldCipher& cipher);
Result<model::Answers> answers_from_text(std::string_view text, const FieldCipher& cipher);

std::string changes_to_text(const std::vector<model::AnswerChange>& changes, const FieldCipher& cipher);
Result<std::vector<model::AnswerChange>> changes_from_text(std::string_view text, const FieldCipher& cipher);

// The register columns of a breach.
struct RegisterColumns {
  std::string incident_type;
  std::optional<TimePoint> discovered_at;
  std::string search_text;  // folded "reference\ntitle\nsummary"
};
RegisterColumns register_columns(const model::Breach& breach);

}  // namespace bd::storage::detail
