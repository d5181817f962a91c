// The scan report as JSON (schema: docs/scan-report.md) and back, so a report can be
// stored with a breach (service) and its `form` suggestions offered on the breach page.
//
// Thread-safe (pure functions). report_from_json fails with kInvalidInput on JSON
// that is not a scan report; it never throws.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "scan/report.h"

namespace bd::scan {

std::string report_to_json(const ScanReport& report);
Result<ScanReport> report_from_json(std::string_view json);

}  // namespace bd::scan
