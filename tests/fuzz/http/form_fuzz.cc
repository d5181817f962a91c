// Fuzzes the request-target, form-body and cookie parsers (src/http/form.h) with
// the properties the server relies on: a normalised path is absolute, valid UTF-8
// and never contains a ".." segment; decoded form fields are valid UTF-8 without
// NUL and within the limits; percent_encode/percent_decode round-trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/form.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

void check_path(std::string_view target) {
  const auto [raw_path, raw_query] = bd::http::split_target(target);
  check(raw_path.size() + raw_query.size() <= target.size());
  auto path = bd::http::normalize_path(raw_path);
  if (!path.ok()) return;
  const std::string& p = *path;
  check(!p.empty() && p.front() == '/');
  check(bd::http::is_valid_utf8(p));
  check(p.find("/../") == std::string::npos && !p.ends_with("/..") && p.find("//") == std::string::npos);
  for (const char c : p) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f);
  // Normalising again changes nothing once the result is re-encoded.
  std::string encoded;
  std::string_view rest = std::string_view(p).substr(1);
  while (true) {
    const auto slash = rest.find('/');
    encoded += "/" + bd::http::percent_encode(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  auto again = bd::http::normalize_path(encoded);
  check(again.ok() && *again == p);
}

void check_form(std::string_view body) {
  bd::http::FormLimits limits;
  limits.max_fields = 64;
  limits.max_name_bytes = 64;
  limits.max_value_bytes = 1024;
  auto form = bd::http::parse_urlencoded(body, limits);
  if (!form.ok()) return;
  check(form->size() <= limits.max_fields);
  for (const auto& [name, value] : form->entries()) {
    check(name.size() <= limits.max_name_bytes && value.size() <= limits.max_value_bytes);
    check(bd::http::is_valid_utf8(name) && bd::http::is_valid_utf8(value));
    check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
    check(form->get(name).has_value());
  }
}

void check_cookies(std::string_view header) {
  const bd::http::Params cookies = bd::http::parse_cookie_header(header);
  for (const auto& [name, value] : cookies.entries()) {
    check(bd::http::is_valid_cookie_name(name) && bd::http::is_valid_cookie_value(value));
  }
}

void check_round_trip(std::string_view data) {
  auto decoded = bd::http::percent_decode(bd::http::percent_encode(data), false);
  check(decoded.ok() && *decoded == data);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_path(input);
  check_form(input);
  check_cookies(input);
  check_round_trip(input);
  return 0;
}
