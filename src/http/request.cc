#include "http/request.h"

#include <array>

namespace bd::http {
namespace {

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethods = {{
    {Method::kGet, "GET"},
    {Method::kHead, "HEAD"},
    {Method::kPost, "POST"},
    {Method::kPut, "PUT"},
    {Method::kPatch, "PATCH"},
    {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
}};

// The media type of a Content-Type value, without parameters, lower-cased.
std::string media_type(std::string_view content_type) {
  const auto semi = content_type.find(';');
  std::string_view type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  std::string out(type);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view to_string(Method method) {
  for (const auto& [m, name] : kMethods) {
    if (m == method) return name;
  }
  return "OTHER";
}

Method method_from_string(std::string_view name) {
  for (const auto& [m, text] : kMethods) {
    if (text == name) return m;
  }
  return Method::kOther;
}

Result<Request> Request::create(RequestInit init) {
  Request request;
  const auto [raw_path, raw_query] = split_target(init.target);
  BD_ASSIGN_OR_RETURN(request.path_, normalize_path(raw_path));
  FormLimits query_limits;
  query_limits.max_fields = 200;
  query_limits.max_value_bytes = 8 * 1024;
  BD_ASSIGN_OR_RETURN(request.query_, parse_urlencoded(raw_query, query_limits));
  for (const auto cookie_header : init.headers.all("Cookie")) {
    const Params parsed = parse_cookie_header(cookie_header);  // named: entries() must not dangle
    for (const auto& [name, value] : parsed.entries()) request.cookies_.add(name, value);
  }
  request.method_ = method_from_string(init.method);
  request.init_ = std::move(init);
  return request;
}

std::string_view Request::path_param(std::string_view name) const {
  const auto it = path_params_.find(name);
  return it == path_params_.end() ? std::string_view() : std::string_view(it->second);
}

Result<Params> Request::form(const FormLimits& limits) const {
  const auto content_type = header("Content-Type");
  if (!content_type || media_type(*content_type) != "application/x-www-form-urlencoded") {
    return Error::invalid("", "expected a form (application/x-www-form-urlencoded)");
  }
  return parse_urlencoded(init_.body, limits);
}

Result<MultipartForm> Request::multipart(const MultipartLimits& limits) const {
  const auto content_type = header("Content-Type");
  if (!content_type) return Error::invalid("", "expected a form (multipart/form-data)");
  BD_ASSIGN_OR_RETURN(std::string boundary, multipart_boundary(*content_type));
  return parse_multipart(init_.body, boundary, limits);
}

bool Request::is_multipart() const {
  const auto content_type = header("Content-Type");
  return content_type && media_type(*content_type) == "multipart/form-data";
}

bool Request::wants_json() const {
  if (path_ == "/api" || path_.starts_with("/api/")) return true;
  const auto accept = header("Accept");
  if (!accept) return false;
  const auto json = accept->find("application/json");
  if (json == std::string_view::npos) return false;
  const auto html = accept->find("text/html");
  return html == std::string_view::npos || json < html;
}

}  // namespace bd::http
