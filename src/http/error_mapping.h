// The one place that turns a bd::Error into an HTTP response.
//
//   kNotFound      404  not_found
//   kInvalidInput  400  invalid_input   (validation errors too: one status, the
//                                        offending form id goes in "field")
//   kConflict      409  conflict
//   kUnauthorized  401  unauthorized
//   kForbidden     403  forbidden
//   kUnavailable   503  unavailable     (+ Retry-After: 30)
//   kInternal      500  internal
//
// JSON: {"error":{"code":"not_found","message":"…","field":"…"}} ("field" only when
// set). HTML: a minimal self-contained page (no external resources) in Dutch and
// English with the message. Error::detail is never put in a response: it is
// logged here (spdlog, warn for 5xx, debug otherwise) for kInternal/kUnavailable.
//
// Thread-safe (pure apart from logging). Responses carry Cache-Control: no-store.
#pragma once

#include <string_view>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"

namespace bd::http {

enum class ResponseFormat { kJson, kHtml };

int status_for(ErrorKind kind);
std::string_view error_code(ErrorKind kind);  // "not_found", "invalid_input", …

// The error as a response in the given format.
Response error_response(const Error& error, ResponseFormat format);
// The same, in the format the request prefers (Request::wants_json()).
Response error_response(const Error& error, const Request& request);

// A response for a bare status the server or router produces itself (404, 405, 408,
// 413, 431, 400 for unparsable requests), with code/message derived from the status.
Response status_response(int status, ResponseFormat format);

}  // namespace bd::http
