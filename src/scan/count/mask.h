// mask_value: how a found value appears in a report without --show-values. Digits and
// letters after a short visible prefix become '*'; separators stay so the shape is
// recognisable ("1234*****", "NL91********", "j***@example.nl").
//
// Pure, thread-safe, never fails.
#pragma once

#include <string>
#include <string_view>

#include "scan/report.h"

namespace bd::scan::count {

std::string mask_value(Category category, std::string_view raw);

}  // namespace bd::scan::count
