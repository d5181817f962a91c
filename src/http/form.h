// URL and form parsing for the HTTP layer: percent-decoding, path normalisation,
// application/x-www-form-urlencoded bodies and query strings, Cookie headers.
//
// Pure functions over strings: no Beast, no sockets, no allocation beyond the
// returned values. They are what the fuzz target tests/fuzz/http/form_fuzz.cc
// exercises, so this file is compiled by clang too.
//
// Thread-safety: every function is reentrant; Params is a value type.
// Failure: malformed input returns Error::invalid (ErrorKind::kInvalidInput) with a
// client-safe message and never a partial result.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace bd::http {

// An ordered multimap of decoded name/value pairs (query parameters, form fields,
// cookies). Keys are case-sensitive; order and duplicates are kept as received.
class Params {
 public:
  using Entry = std::pair<std::string, std::string>;

  void add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }

  // The first value for name, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  // Every value for name, in order (empty when absent). Multi-value checkboxes.
  std::vector<std::string_view> all(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<Entry> entries_;
};

// Limits applied while parsing urlencoded data; exceeding one is InvalidInput.
struct FormLimits {
  std::size_t max_fields = 1000;         // pairs
  std::size_t max_name_bytes = 256;      // decoded name
  std::size_t max_value_bytes = 1 << 20; // decoded value
};

// Decodes %XX escapes (and '+' as space when plus_as_space). Rejects a truncated or
// non-hex escape. The result is not checked for UTF-8 validity here.
Result<std::string> percent_decode(std::string_view in, bool plus_as_space);

// Encodes everything but unreserved characters (RFC 3986 ALPHA / DIGIT / "-._~").
std::string percent_encode(std::string_view in);

// Parses "a=1&b=2&b=3" (query strings and form bodies): '+' is a space, empty pairs
// are skipped, a name without '=' has an empty value. Names and values must be valid
// UTF-8 without NUL after decoding.
Result<Params> parse_urlencoded(std::string_view in, const FormLimits& limits = {});

// Turns the path part of a request target ("/a/b%20c/./d") into a decoded, normalised
// absolute path ("/a/b c/d"): '.' segments and repeated slashes are dropped, a
// trailing slash is kept. Refuses a backslash (raw or encoded), '..' segments, encoded '/' or '\\', NUL and other
// control characters, invalid UTF-8, and anything not starting with '/'.
Result<std::string> normalize_path(std::string_view raw_path);

// Splits a request target into its raw path and raw query (without the '?').
// The fragment, if a client sent one, is dropped.
std::pair<std::string_view, std::string_view> split_target(std::string_view target);

// Parses a Cookie request header ("a=1; b=2"). Lenient like browsers: malformed
// pairs are skipped, surrounding quotes of a value are removed; values are not
// percent-decoded. The first occurrence of a name wins in Params::get.
Params parse_cookie_header(std::string_view header);

// True when name is an RFC 6265 token and value contains only cookie-octets, i.e.
// the pair can be placed in a Set-Cookie header without quoting or injection.
bool is_valid_cookie_name(std::string_view name);
bool is_valid_cookie_value(std::string_view value);

// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

}  // namespace bd::http
