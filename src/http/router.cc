#include "http/router.h"

#include <stdexcept>

#include "http/error_mapping.h"

namespace bd::http {
namespace {

struct Segment {
  enum class Kind { kLiteral, kParam, kRest } kind;
  std::string text;  // the literal, or the parameter name
};

struct Route {
  Method method;
  std::string pattern;
  std::vector<Segment> segments;
  Handler handler;  // already wrapped in its group middleware
  RouteOptions options;
};

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (!path.empty()) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
    if (path.empty()) out.emplace_back();  // trailing slash: an empty last segment
  }
  return out;
}

std::vector<Segment> parse_pattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/'");
  std::vector<Segment> out;
  const auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      std::string_view name = part.substr(1, part.size() - 2);
      const bool rest = !name.empty() && name.back() == '*';
      if (rest) name.remove_suffix(1);
      if (name.empty()) throw std::invalid_argument("empty parameter name in route pattern");
      if (rest && i + 1 != parts.size()) throw std::invalid_argument("{name*} must be the last segment");
      out.push_back({rest ? Segment::Kind::kRest : Segment::Kind::kParam, std::string(name)});
    } else {
      out.push_back({Segment::Kind::kLiteral, std::string(part)});
    }
  }
  return out;
}

// Matches path segments against a route; on success returns a score (higher is
// more specific) and fills params.
int match(const Route& route, const std::vector<std::string_view>& parts,
          std::map<std::string, std::string, std::less<>>* params) {
  int score = 0;
  const auto& segs = route.segments;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const Segment& seg = segs[i];
    if (seg.kind == Segment::Kind::kRest) {
      std::string rest;
      for (std::size_t k = i; k < parts.size(); ++k) {
        if (k > i) rest.push_back('/');
        rest.append(parts[k]);
      }
      if (params) (*params)[seg.text] = std::move(rest);
      return score;
    }
    if (i >= parts.size()) return -1;
    if (seg.kind == Segment::Kind::kLiteral) {
      if (seg.text != parts[i]) return -1;
      score += 2;
    } else {
      if (parts[i].empty()) return -1;
      if (params) (*params)[seg.text] = std::string(parts[i]);
      score += 1;
    }
  }
  return segs.size() == parts.size() ? score + 1 : -1;
}

Response run_chain(const std::vector<Middleware>& chain, std::size_t index, Request& request, const Handler& last) {
  if (index == chain.size()) return last(request);
  const Handler next = [&chain, index, &last](Request& r) { return run_chain(chain, index + 1, r, last); };
  return chain[index](request, next);
}

Handler wrap(const std::vector<Middleware>& middleware, Handler handler) {
  if (middleware.empty()) return handler;
  return [middleware, handler = std::move(handler)](Request& r) { return run_chain(middleware, 0, r, handler); };
}

}  // namespace

struct Router::Impl {
  std::vector<Middleware> global;
  std::vector<Route> routes;

  // The best route for (method, path); HEAD falls back to GET. allow collects the
  // methods of routes matching the path when none matches the method.
  const Route* find(Method method, std::string_view path, std::string* allow,
                    std::map<std::string, std::string, std::less<>>* params) const {
    const auto parts = split_path(path);
    const Route* best = nullptr;
    int best_score = -1;
    for (int pass = 0; pass < 2 && best == nullptr; ++pass) {
      const Method wanted = pass == 0 ? method : Method::kGet;
      if (pass == 1 && method != Method::kHead) break;
      for (const Route& route : routes) {
        if (route.method != wanted) continue;
        const int score = match(route, parts, nullptr);
        if (score > best_score) {
          best = &route;
          best_score = score;
        }
      }
    }
    if (best != nullptr) {
      if (params) match(*best, parts, params);
      return best;
    }
    if (allow) collect_allow(parts, *allow);
    return nullptr;
  }

  void collect_allow(const std::vector<std::string_view>& parts, std::string& allow) const {
    std::vector<Method> methods;
    for (const Route& route : routes) {
      if (match(route, parts, nullptr) < 0) continue;
      if (std::find(methods.begin(), methods.end(), route.method) == methods.end()) methods.push_back(route.method);
      if (route.method == Method::kGet &&
          std::find(methods.begin(), methods.end(), Method::kHead) == methods.end()) {
        methods.push_back(Method::kHead);
      }
    }
    for (const Method m : methods) {
      if (!allow.empty()) allow += ", ";
      allow += to_string(m);
    }
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;

void Router::use(Middleware middleware) { impl_->global.push_back(std::move(middleware)); }

void Router::add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  add_with(method, pattern, std::move(handler), options, {});
}

void Router::add_with(Method method, std::string_view pattern, Handler handler, RouteOptions options,
                      const std::vector<Middleware>& group_middleware) {
  if (!handler) throw std::invalid_argument("route without a handler");
  Route route{method, std::string(pattern), parse_pattern(pattern), wrap(group_middleware, std::move(handler)),
              options};
  for (Route& existing : impl_->routes) {
    if (existing.method == method && existing.pattern == pattern) {
      existing = std::move(route);
      return;
    }
  }
  impl_->routes.push_back(std::move(route));
}

RouteGroup Router::group(std::string_view prefix) { return RouteGroup(this, std::string(prefix), {}); }

RouteInfo Router::route_info(Method method, std::string_view path) const {
  const Route* route = impl_->find(method, path, nullptr, nullptr);
  if (route == nullptr) return {};
  return RouteInfo{route->options.max_body_bytes, route->options.inline_handler};
}

Response Router::handle(Request& request) const {
  const Handler last = [this](Request& r) -> Response {
    std::string allow;
    std::map<std::string, std::string, std::less<>> params;
    const Route* route = impl_->find(r.method(), r.path(), &allow, &params);
    const ResponseFormat format = r.wants_json() ? ResponseFormat::kJson : ResponseFormat::kHtml;
    if (route == nullptr && allow.empty()) return status_response(404, format);
    if (route == nullptr) {
      Response response = status_response(405, format);
      response.headers().set("Allow", allow);
      return response;
    }
    r.set_path_params(std::move(params));
    return route->handler(r);
  };
  return run_chain(impl_->global, 0, request, last);
}

RouteGroup& RouteGroup::use(Middleware middleware) {
  middleware_.push_back(std::move(middleware));
  return *this;
}

RouteGroup& RouteGroup::add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  router_->add_with(method, prefix_ + std::string(pattern), std::move(handler), options, middleware_);
  return *this;
}

RouteGroup RouteGroup::group(std::string_view prefix) const {
  return RouteGroup(router_, prefix_ + std::string(prefix), middleware_);
}

}  // namespace bd::http
