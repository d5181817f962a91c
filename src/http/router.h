// Router: maps (method, path) to a handler through route patterns such as
// "/breaches/{id}" or "/static/{path*}", wrapping handlers in middleware.
//
// Patterns: literal segments, "{name}" (one non-empty segment) and a trailing
// "{name*}" (the rest of the path, possibly several segments). Literal segments win
// over parameters when several routes match. Captured values are the decoded
// segments (Request::path_param).
//
// Dispatch (handle()): a match runs global middleware, then the route's group
// middleware (outermost first), then the handler. No route matching the path gives
// 404; a path matched only for other methods gives 405 with an Allow header. HEAD
// is answered by the GET handler (the server drops the body). 404/405 responses go
// through the global middleware too, not through group middleware.
//
// Errors: a handler that throws gets its exception turned into a 500 error response
// by the server, never a stack trace; handlers should return
// error_response(error, format) for expected failures (http/error_mapping.h).
//
// Thread-safety: set up (add/use/group) before Server::run(); handle() is const and
// safe to call from many threads at once afterwards. Handlers must be thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace bd::http {

using Handler = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Handler& next)>;

struct RouteOptions {
  // Largest body this route accepts; 0 means the server default (ServerOptions).
  // Raise it for uploads; the server answers 413 before reading a larger body.
  std::size_t max_body_bytes = 0;
  // Run the handler on the I/O thread instead of the worker pool. Only for handlers
  // that never block (the in-memory static-file store); saves a thread hop.
  bool inline_handler = false;
};

class Router;

// A set of routes under a path prefix sharing middleware ("/api/v1" with token
// authentication). Cheap handle onto the router; the router must outlive it.
class RouteGroup {
 public:
  // Middleware for the routes added to this group (and its subgroups) from now on.
  RouteGroup& use(Middleware middleware);
  RouteGroup& add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  RouteGroup& get(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    return add(Method::kGet, pattern, std::move(handler), options);
  }
  RouteGroup& post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    return add(Method::kPost, pattern, std::move(handler), options);
  }
  // A subgroup: prefix appended, this group's middleware inherited.
  RouteGroup group(std::string_view prefix) const;

 private:
  friend class Router;
  RouteGroup(Router* router, std::string prefix, std::vector<Middleware> middleware)
      : router_(router), prefix_(std::move(prefix)), middleware_(std::move(middleware)) {}

  Router* router_;
  std::string prefix_;
  std::vector<Middleware> middleware_;
};

// What the server needs to know about a request before reading its body.
struct RouteInfo {
  std::size_t max_body_bytes = 0;  // 0: server default
  bool inline_handler = false;
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Global middleware: wraps every request, matched or not, in the order added.
  void use(Middleware middleware);

  // Adds a route. A duplicate (same method and pattern) replaces the earlier one.
  // An invalid pattern (not starting with '/', "{name*}" not last, empty "{}") is
  // a programming error: it throws std::invalid_argument at setup time.
  void add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  void get(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::kGet, pattern, std::move(handler), options);
  }
  void post(std::string_view pattern, Handler handler, RouteOptions options = {}) {
    add(Method::kPost, pattern, std::move(handler), options);
  }

  // A group of routes under prefix ("" for none) with its own middleware.
  RouteGroup group(std::string_view prefix);

  // Body limit and threading of the route that would serve (method, path).
  RouteInfo route_info(Method method, std::string_view path) const;

  // Runs the request through middleware and the matched handler (or 404/405).
  Response handle(Request& request) const;

 private:
  friend class RouteGroup;
  void add_with(Method method, std::string_view pattern, Handler handler, RouteOptions options,
                const std::vector<Middleware>& group_middleware);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bd::http
