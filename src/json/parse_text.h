// Internal to the json layer: parses a JSON text with the codec's limits (size, depth,
// valid UTF-8) without throwing. Failure: Error kInvalidInput naming the problem.
#pragma once

#include <string_view>

#include <boost/json/value.hpp>

#include "base/result.h"

namespace bd::json::detail {

Result<boost::json::value> parse_text(std::string_view text);

// Error kInvalidInput for `field` with the message "<field>: <message>".
Error invalid(std::string_view field, std::string_view message);

}  // namespace bd::json::detail
