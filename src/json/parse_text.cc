#include "json/parse_text.h"

#include <charconv>
#include <cmath>
#include <exception>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>

#include "json/answers_codec.h"

namespace bd::json::detail {

Error invalid(std::string_view field, std::string_view message) {
  std::string text = field.empty() ? std::string(message) : std::string(field) + ": " + std::string(message);
  return Error::invalid(std::string(field), std::move(text));
}

std::optional<double> canonical_number(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  char buffer[64];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  double out = 0;
  const auto read = std::from_chars(buffer, written.ptr, out);
  if (written.ec != std::errc() || read.ec != std::errc() || !std::isfinite(out)) return std::nullopt;
  return out;
}

Result<boost::json::value> parse_text(std::string_view text) {
  if (text.size() > kMaxDocumentBytes) {
    return invalid({}, "JSON document too large (at most " + std::to_string(kMaxDocumentBytes / 1024) + " KiB)");
  }
  boost::json::parse_options options;
  options.max_depth = kMaxDepth;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  try {
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec,
                                                  boost::json::storage_ptr(), options);
    if (ec) return invalid({}, "malformed JSON: " + ec.message());
    if (auto key = first_duplicate_key(text, options)) return invalid(*key, "given more than once");
    return value;
  } catch (const std::exception& e) {
    Error error = invalid({}, "JSON document could not be read");
    error.detail = e.what();
    return error;
  }
}

}  // namespace bd::json::detail
