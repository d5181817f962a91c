// The answers a scan report suggests for a breach (scan::FormSuggestion, docs/scan-report.md),
// set against the breach's current answers, as the officer chooses them one by one.
//
// One suggestion per choice the breach page offers, keyed by a stable choice id:
//   data.general         current tokens plus the categories found ("unknown" dropped);
//                        offered when the scan found any
//   data.special         likewise (the scanner only detects health); offered when found —
//                        finding none is no evidence that there are none
//   data.records         the records counted; offered when the scan counted records
//   subjects.count       subjects.count_known with subjects.count, or count_min/count_max
//                        when some records had no person key; offered when people were found
//   protection.measures  the scanner's verdict (encrypted / hashed / none), replacing the answer
// Each lists the answer ids it changes with their value now and after applying, so the
// result is an ordinary breach edit (service/breach_service.h).
//
// Pure functions; thread-safe. Nothing here fails: suggestions the form would not
// accept are caught by BreachService's validation when applied.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"
#include "scan/report.h"

namespace bd::service {

struct ScanSuggestion {
  std::string id;           // choice id (see above)
  model::Answers current;   // the answer ids it changes, as they are (monostate = unknown)
  model::Answers proposed;  // the same ids after applying (monostate = cleared)
  bool changes = false;     // proposed differs from current
};

// The choice ids, in form order.
inline constexpr std::string_view kScanChoiceIds[] = {"data.general", "data.special", "data.records",
                                                      "subjects.count", "protection.measures"};

std::vector<ScanSuggestion> scan_suggestions(const scan::FormSuggestion& form, const model::Answers& current);

// The answer changes of the chosen suggestions (unknown ids are ignored; the caller
// checks them against kScanChoiceIds first).
model::Answers chosen_changes(const std::vector<ScanSuggestion>& suggestions, const std::vector<std::string>& ids);

}  // namespace bd::service
