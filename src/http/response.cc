#include "http/response.h"

#include <array>
#include <utility>

#include "http/form.h"

namespace bd::http {

std::string Cookie::to_header(bool tls) const {
  std::string out = name + "=" + value;
  if (!options.path.empty()) out += "; Path=" + options.path;
  if (options.max_age) out += "; Max-Age=" + std::to_string(std::max<long long>(0, options.max_age->count()));
  if (options.http_only) out += "; HttpOnly";
  switch (options.same_site) {
    case SameSite::kStrict: out += "; SameSite=Strict"; break;
    case SameSite::kLax: out += "; SameSite=Lax"; break;
    case SameSite::kNone: out += "; SameSite=None"; break;
  }
  // Browsers refuse SameSite=None without Secure.
  const bool secure = options.secure.value_or(tls) || options.same_site == SameSite::kNone;
  if (secure) out += "; Secure";
  return out;
}

namespace {

Response with_body(std::string body, int status, std::string_view content_type) {
  Response r(status);
  r.headers().set("Content-Type", content_type);
  r.set_body(std::move(body));
  return r;
}

}  // namespace

Response Response::html(std::string body, int status) {
  return with_body(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::json(std::string body, int status) {
  return with_body(std::move(body), status, "application/json");
}

Response Response::text(std::string body, int status) {
  return with_body(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::redirect_see_other(std::string_view location) {
  Response r(303);
  r.headers().set("Location", location);
  return r;
}

Response& Response::set_cookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  if (!is_valid_cookie_name(name) || !is_valid_cookie_value(value)) return *this;
  if (options.path.find_first_of(";\r\n") != std::string::npos) return *this;
  std::erase_if(cookies_, [&](const Cookie& c) { return c.name == name && c.options.path == options.path; });
  cookies_.push_back(Cookie{std::string(name), std::string(value), options});
  return *this;
}

Response& Response::clear_cookie(std::string_view name, const CookieOptions& options) {
  CookieOptions expired = options;
  expired.max_age = std::chrono::seconds(0);
  return set_cookie(name, "", expired);
}

std::string_view reason_phrase(int status) {
  static constexpr std::array<std::pair<int, std::string_view>, 24> kReasons = {{
      {200, "OK"}, {201, "Created"}, {202, "Accepted"}, {204, "No Content"},
      {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"}, {304, "Not Modified"},
      {307, "Temporary Redirect"}, {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
      {404, "Not Found"}, {405, "Method Not Allowed"}, {408, "Request Timeout"}, {409, "Conflict"},
      {413, "Content Too Large"}, {415, "Unsupported Media Type"}, {422, "Unprocessable Content"},
      {429, "Too Many Requests"}, {431, "Request Header Fields Too Large"}, {500, "Internal Server Error"},
      {503, "Service Unavailable"}, {501, "Not Implemented"},
  }};
  for (const auto& [code, text] : kReasons) {
    if (code == status) return text;
  }
  return "";
}

}  // namespace bd::http
