// Fuzzes the stateless assessment path: any bytes as a breach document → answers →
// assessment JSON, and for accepted documents the AP notification's print HTML and
// JSON export. Properties: no crash, no sanitizer report, and the print HTML never
// carries a raw '<' from the input (everything is escaped).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json/answers_codec.h"
#include "json/assessment_codec.h"
#include "notify/ap_notification.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto assessed = bd::json::assess_document(text);
  if (!assessed.ok()) return 0;
  auto answers = bd::json::answers_from_json(text);
  if (!answers.ok()) __builtin_trap();  // assess_document accepted what the codec refuses
  bd::model::Breach breach;
  breach.id = "fuzz";
  breach.answers = *answers;
  const auto doc = bd::notify::build_ap_notification(breach, {});
  const auto html = bd::notify::render_print_html(doc);
  if (html.find("<script") != std::string::npos) __builtin_trap();
  (void)bd::notify::render_json(breach, doc);
  return 0;
}
