// The headers every response leaves the server with, and the access-log line.
//
// Kept apart from server.cc (Beast) so that both are unit-tested as plain
// functions. Thread-safe: pure functions.
#pragma once

#include <chrono>
#include <cstddef>
#include <span>
#include <utility>
#include <string>
#include <string_view>

#include "http/response.h"

namespace bd::http {

// The Content-Security-Policy every response carries unless a handler set its own.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

// The headers apply_response_policy() adds when absent, in order (HSTS only with tls).
std::span<const std::pair<std::string_view, std::string_view>> default_headers(bool tls);

// Adds, where the handler did not set them: the security headers (CSP, nosniff,
// Referrer-Policy no-referrer, COOP same-origin, CORP same-origin, X-Frame-Options
// DENY, Permissions-Policy; Strict-Transport-Security when tls) and Cache-Control:
// no-store. Appends one Set-Cookie per Response::cookies() (Secure when tls unless
// the cookie says otherwise).
void apply_response_policy(Response& response, bool tls);

// One access-log line: `GET /breaches/42 200 1532B 3.1ms`. The path is the target
// without its query string or fragment, at most 200 bytes, with anything outside
// printable ASCII escaped, so a crafted target cannot forge log lines. No query,
// cookies, headers or peer address: those may carry personal data or secrets.
std::string access_log_line(std::string_view method, std::string_view target, int status, std::size_t bytes,
                            std::chrono::microseconds elapsed);

}  // namespace bd::http
