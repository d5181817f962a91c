// Response: what a handler returns. A status, header fields, cookies to set and a
// body (owned, or shared with a cache such as the static-file store).
//
// The server adds on the way out: the security headers (unless a handler set its
// own value of one), Cache-Control: no-store when the handler set no Cache-Control,
// Content-Length, the Secure attribute on cookies when the request came over TLS,
// and it drops the body of a HEAD response.
//
// A plain value type. Header setters ignore values with CR/LF/NUL (see Headers);
// set_cookie() ignores a name or value that is not a valid cookie token/octets, so
// encode (e.g. base64url) anything else first.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/headers.h"

namespace bd::http {

enum class SameSite { kStrict, kLax, kNone };

struct CookieOptions {
  std::string path = "/";
  std::optional<std::chrono::seconds> max_age;  // absent: a session cookie
  bool http_only = true;
  SameSite same_site = SameSite::kStrict;
  // Absent: Secure exactly when the request arrived over TLS.
  std::optional<bool> secure;
};

struct Cookie {
  std::string name;
  std::string value;
  CookieOptions options;

  // The Set-Cookie header value. tls decides Secure when options.secure is unset.
  std::string to_header(bool tls) const;
};

class Response {
 public:
  Response() = default;
  explicit Response(int status) : status_(status) {}

  static Response html(std::string body, int status = 200);   // text/html; charset=utf-8
  static Response json(std::string body, int status = 200);   // application/json
  static Response text(std::string body, int status = 200);   // text/plain; charset=utf-8
  static Response redirect_see_other(std::string_view location);  // 303 (after a POST)
  static Response no_content() { return Response(204); }

  int status() const { return status_; }
  void set_status(int status) { status_ = status; }

  Headers& headers() { return headers_; }
  const Headers& headers() const { return headers_; }
  Response& header(std::string_view name, std::string_view value) {
    headers_.set(name, value);
    return *this;
  }

  // The body: owned text, or a buffer shared with a cache (static files).
  std::string_view body() const { return shared_body_ ? std::string_view(*shared_body_) : std::string_view(body_); }
  void set_body(std::string body) {
    body_ = std::move(body);
    shared_body_.reset();
  }
  void set_shared_body(std::shared_ptr<const std::string> body) {
    body_.clear();
    shared_body_ = std::move(body);
  }

  // Adds a Set-Cookie (HttpOnly, SameSite=Strict by default). Ignored when the name
  // or value is not valid in a cookie.
  Response& set_cookie(std::string_view name, std::string_view value, const CookieOptions& options = {});
  // Expires a cookie in the browser (empty value, Max-Age=0).
  Response& clear_cookie(std::string_view name, const CookieOptions& options = {});
  const std::vector<Cookie>& cookies() const { return cookies_; }

  // Cache-Control: no-store (pages with personal data; also the server default).
  Response& no_store() { return header("Cache-Control", "no-store"); }

 private:
  int status_ = 200;
  Headers headers_;
  std::string body_;
  std::shared_ptr<const std::string> shared_body_;
  std::vector<Cookie> cookies_;
};

// The standard reason phrase for a status ("Not Found"), "" when unknown.
std::string_view reason_phrase(int status);

}  // namespace bd::http
