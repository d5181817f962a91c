// The scan report as human-readable text (English), as printed by `breachdesk scan`.
// Thread-safe (pure function); never fails.
#pragma once

#include <string>

#include "scan/report.h"

namespace bd::scan {

// stats: also print the time spent per pass.
std::string report_to_text(const ScanReport& report, bool stats);

}  // namespace bd::scan
