// Headers: the HTTP header fields of a request or a response, with case-insensitive
// names (RFC 9110), kept in the order they were added.
//
// A plain value type; not thread-safe for concurrent mutation. Values are stored
// as given; set()/add() refuse (return false, change nothing) names or values
// containing CR, LF or NUL so that no handler can inject a header line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bd::http {

// ASCII case-insensitive equality, as header names and tokens need.
bool iequals(std::string_view a, std::string_view b);

class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  // The first value of name, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  std::vector<std::string_view> all(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }

  // Replaces every field called name by one field. False on an invalid name/value.
  bool set(std::string_view name, std::string_view value);
  // Appends a field (Set-Cookie, Vary may repeat). False on an invalid name/value.
  bool add(std::string_view name, std::string_view value);
  // Sets name only when it is not present yet (defaults such as security headers).
  bool set_default(std::string_view name, std::string_view value);
  void remove(std::string_view name);

  const std::vector<Field>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
};

}  // namespace bd::http
