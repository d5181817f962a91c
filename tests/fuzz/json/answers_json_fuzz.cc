// libFuzzer target for the JSON contract codec (json/answers_codec.h): any input is
// parsed as answers, as a breach and as a revision; whatever parses must serialise
// and parse back to the same value and the same text, and validation must not crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "json/answers_codec.h"
#include "model/validation.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void answers_round_trip(std::string_view input) {
  auto answers = bd::json::answers_from_json(input);
  if (!answers.ok()) {
    require(answers.error().kind == bd::ErrorKind::kInvalidInput);
    return;
  }
  const std::string text = bd::json::answers_to_json(*answers);
  auto again = bd::json::answers_from_json(text);
  require(again.ok());
  require(*again == *answers);
  require(bd::json::answers_to_json(*again) == text);
  const bd::TimePoint now{std::chrono::seconds{1'800'000'000}};
  (void)bd::model::validate_answers(*answers, now);
  (void)bd::model::missing_for_notification(*answers, now);
}

void breach_round_trip(std::string_view input) {
  auto breach = bd::json::breach_from_json(input);
  if (!breach.ok()) return;
  const std::string text = bd::json::breach_to_json(*breach);
  auto again = bd::json::breach_from_json(text);
  require(again.ok());
  require(again->answers == breach->answers && again->title == breach->title && again->status == breach->status);
  require(bd::json::breach_to_json(*again) == text);
}

void revision_round_trip(std::string_view input) {
  auto revision = bd::json::revision_from_json(input);
  if (!revision.ok()) return;
  const std::string text = bd::json::revision_to_json(*revision);
  auto again = bd::json::revision_from_json(text);
  require(again.ok());
  require(bd::json::revision_to_json(*again) == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  answers_round_trip(input);
  breach_round_trip(input);
  revision_round_trip(input);
  return 0;
}
