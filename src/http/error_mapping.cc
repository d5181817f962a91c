#include "http/error_mapping.h"

#include <array>
#include <string>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

namespace bd::http {
namespace {

struct KindRow {
  ErrorKind kind;
  int status;
  std::string_view code;
};

constexpr std::array<KindRow, 7> kKinds = {{
    {ErrorKind::kNotFound, 404, "not_found"},
    {ErrorKind::kInvalidInput, 400, "invalid_input"},
    {ErrorKind::kConflict, 409, "conflict"},
    {ErrorKind::kUnauthorized, 401, "unauthorized"},
    {ErrorKind::kForbidden, 403, "forbidden"},
    {ErrorKind::kUnavailable, 503, "unavailable"},
    {ErrorKind::kInternal, 500, "internal"},
}};

// Codes and client messages (nl / en) for statuses the server produces itself.
struct StatusRow {
  int status;
  std::string_view code;
  std::string_view nl;
  std::string_view en;
};

constexpr std::array<StatusRow, 12> kStatuses = {{
    {400, "bad_request", "Het verzoek is ongeldig.", "The request is malformed."},
    {401, "unauthorized", "U bent niet ingelogd.", "You are not logged in."},
    {403, "forbidden", "U heeft geen toegang.", "You do not have access."},
    {404, "not_found", "Deze pagina bestaat niet.", "This page does not exist."},
    {405, "method_not_allowed", "Deze methode is hier niet toegestaan.", "This method is not allowed here."},
    {408, "request_timeout", "Het verzoek duurde te lang.", "The request took too long."},
    {409, "conflict", "Er is een conflict met de huidige stand.", "The request conflicts with the current state."},
    {413, "body_too_large", "Het verzoek is te groot.", "The request body is too large."},
    {415, "unsupported_media_type", "Dit type inhoud wordt niet ondersteund.", "Unsupported content type."},
    {431, "headers_too_large", "De headers van het verzoek zijn te groot.", "The request headers are too large."},
    {500, "internal", "Er ging iets mis aan onze kant.", "Something went wrong on our side."},
    {503, "unavailable", "De dienst is tijdelijk niet beschikbaar.", "The service is temporarily unavailable."},
}};

const StatusRow* status_row(int status) {
  for (const auto& row : kStatuses) {
    if (row.status == status) return &row;
  }
  return nullptr;
}

std::string html_escape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (const char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string json_body(std::string_view code, std::string_view message, std::string_view field) {
  boost::json::object error;
  error["code"] = code;
  error["message"] = message;
  if (!field.empty()) error["field"] = field;
  boost::json::object root;
  root["error"] = std::move(error);
  return boost::json::serialize(root);
}

// A self-contained page: no scripts, no external resources, so it passes the CSP
// and works when static files are unavailable.
std::string html_body(int status, std::string_view nl, std::string_view en) {
  std::string title = std::to_string(status) + " " + std::string(reason_phrase(status));
  return "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) +
         "</title></head><body><main><h1>" + html_escape(title) + "</h1><p>" + html_escape(nl) +
         "</p><p lang=\"en\">" + html_escape(en) + "</p><p><a href=\"/\">Naar de startpagina / Home</a></p>" +
         "</main></body></html>\n";
}

Response make(int status, std::string_view code, std::string_view nl, std::string_view en, std::string_view field,
              ResponseFormat format) {
  Response response = format == ResponseFormat::kJson ? Response::json(json_body(code, en.empty() ? nl : en, field), status)
                                                      : Response::html(html_body(status, nl, en), status);
  response.no_store();
  if (status == 503) response.headers().set("Retry-After", "30");
  return response;
}

}  // namespace

int status_for(ErrorKind kind) {
  for (const auto& row : kKinds) {
    if (row.kind == kind) return row.status;
  }
  return 500;
}

std::string_view error_code(ErrorKind kind) {
  for (const auto& row : kKinds) {
    if (row.kind == kind) return row.code;
  }
  return "internal";
}

Response error_response(const Error& error, ResponseFormat format) {
  const int status = status_for(error.kind);
  if (error.kind == ErrorKind::kInternal || error.kind == ErrorKind::kUnavailable) {
    spdlog::warn("request failed: {} ({})", error_code(error.kind), error.detail.empty() ? "no detail" : error.detail);
  }
  // Internal errors never show their message: it may describe internals.
  const StatusRow* row = status_row(status);
  std::string_view message = error.message;
  if (error.kind == ErrorKind::kInternal || message.empty()) message = row != nullptr ? row->en : "error";
  if (format == ResponseFormat::kJson) return make(status, error_code(error.kind), message, message, error.field, format);
  const bool generic = message.data() != error.message.data();
  return make(status, error_code(error.kind), generic && row ? row->nl : message, generic && row ? row->en : "",
              error.field, format);
}

Response error_response(const Error& error, const Request& request) {
  return error_response(error, request.wants_json() ? ResponseFormat::kJson : ResponseFormat::kHtml);
}

Response status_response(int status, ResponseFormat format) {
  const StatusRow* row = status_row(status);
  if (row == nullptr) row = status_row(status >= 500 ? 500 : 400);
  return make(status, row->code, row->nl, row->en, "", format);
}

}  // namespace bd::http
