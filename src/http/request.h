// Request: one parsed HTTP request as handlers see it. Handlers never see Beast;
// the server (http/server.cc) builds a Request with Request::create() from what it
// read, the router fills in the path parameters, middleware may attach attributes
// (the logged-in actor, the CSRF token) for the handlers after it.
//
// Ownership: a Request owns all its data. Thread-safety: one Request belongs to one
// request in flight and is used by one thread at a time.
// Failure: create() returns InvalidInput for a target that is not an absolute path
// with a well-formed query; form() returns InvalidInput for a malformed body.
#pragma once

#include <any>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "http/form.h"
#include "http/multipart.h"
#include "http/headers.h"

namespace bd::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view to_string(Method method);  // "GET", …, "OTHER"
Method method_from_string(std::string_view name);  // exact, upper case; else kOther

// What the server knows about a request before handing it over.
struct RequestInit {
  std::string method;          // as sent, e.g. "GET"
  std::string target;          // as sent, e.g. "/breaches?page=2"
  Headers headers;
  std::string body;
  std::string remote_address;  // peer IP, for throttling; never log it
  bool tls = false;            // arrived over TLS (Secure cookies, HSTS)
};

class Request {
 public:
  // Parses the target into a normalised path and query parameters.
  static Result<Request> create(RequestInit init);

  Method method() const { return method_; }
  const std::string& method_name() const { return init_.method; }
  const std::string& target() const { return init_.target; }  // raw, undecoded
  // Decoded, normalised, never contains a ".." segment (see normalize_path).
  const std::string& path() const { return path_; }
  const Params& query() const { return query_; }
  std::optional<std::string_view> query_param(std::string_view name) const { return query_.get(name); }

  const Headers& headers() const { return init_.headers; }
  std::optional<std::string_view> header(std::string_view name) const { return init_.headers.get(name); }
  const Params& cookies() const { return cookies_; }
  std::optional<std::string_view> cookie(std::string_view name) const { return cookies_.get(name); }

  const std::string& body() const { return init_.body; }
  const std::string& remote_address() const { return init_.remote_address; }
  bool tls() const { return init_.tls; }

  // The value a "{name}" segment of the matched route pattern captured (decoded),
  // or "" when the pattern has no such parameter.
  std::string_view path_param(std::string_view name) const;
  const std::map<std::string, std::string, std::less<>>& path_params() const { return path_params_; }
  void set_path_params(std::map<std::string, std::string, std::less<>> params) { path_params_ = std::move(params); }

  // The body as application/x-www-form-urlencoded fields. InvalidInput when the
  // Content-Type is not urlencoded or the body is malformed or exceeds the limits.
  Result<Params> form(const FormLimits& limits = {}) const;
  // The body as multipart/form-data (http/multipart.h): file uploads. InvalidInput when
  // the Content-Type is not multipart/form-data with a valid boundary, or the body is
  // malformed or exceeds the limits.
  Result<MultipartForm> multipart(const MultipartLimits& limits = {}) const;
  // True when the Content-Type names multipart/form-data.
  bool is_multipart() const;

  // True when the client prefers JSON: path under /api/ or Accept names
  // application/json before text/html. Picks the error format.
  bool wants_json() const;

  // Per-request attributes for middleware → handler hand-over, keyed by name.
  // attribute<T>() returns nullptr when absent or of another type.
  template <typename T>
  void set_attribute(std::string name, T value) { attributes_[std::move(name)] = std::move(value); }
  template <typename T>
  const T* attribute(std::string_view name) const {
    auto it = attributes_.find(name);
    return it == attributes_.end() ? nullptr : std::any_cast<T>(&it->second);
  }
  template <typename T>
  T* attribute(std::string_view name) {
    auto it = attributes_.find(name);
    return it == attributes_.end() ? nullptr : std::any_cast<T>(&it->second);
  }

 private:
  Request() = default;

  RequestInit init_;
  Method method_ = Method::kOther;
  std::string path_;
  Params query_;
  Params cookies_;
  std::map<std::string, std::string, std::less<>> path_params_;
  std::map<std::string, std::any, std::less<>> attributes_;
};

}  // namespace bd::http
