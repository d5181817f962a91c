// Internal to the json layer: parses a JSON text with the codec's limits (size, depth,
// valid UTF-8, no key repeated within an object) without throwing. Failure: Error kInvalidInput naming the problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include "base/result.h"

namespace bd::json::detail {

Result<boost::json::value> parse_text(std::string_view text);

// The first key that occurs twice in one object of `text` (a document the parser has
// accepted with `options`), or nullopt.
std::optional<std::string> first_duplicate_key(std::string_view text, const boost::json::parse_options& options);

// `value` rounded to 15 significant digits (DBL_DIG). Boost.JSON 1.81 converts long or
// far-exponent numbers imprecisely (off by an ulp or so), so a double would not survive
// serialise → parse; every double the codec reads passes through here so that it does.
// Fails (nullopt) for values that are not finite.
std::optional<double> canonical_number(double value);

// Error kInvalidInput for `field` with the message "<field>: <message>".
Error invalid(std::string_view field, std::string_view message);

}  // namespace bd::json::detail
