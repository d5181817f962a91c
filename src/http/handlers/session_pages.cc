#include "http/handlers/session_pages.h"

#include "http/error_mapping.h"

namespace bd::http::handlers {
namespace {

// Only local paths are followed after login (no open redirect).
std::string safe_next(std::string_view next) {
  if (next.empty() || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/breaches";
  return std::string(next);
}

Response login_form(const WebContext& ctx, const Request& request, const std::string& email,
                    const std::string& error, const std::string& next, int status) {
  pages::View v = base_view(ctx, request, "login.title", Nav::kNone);
  const std::string token = random_token();
  v.set("csrf", token);
  v.set("email", email);
  v.set("next", next);
  if (!error.empty()) v.set("error", error);
  Response r = render_page(ctx, request, "login", v, status);
  r.set_cookie(kLoginCsrfCookie, token, cookie_options(ctx));
  return r;
}

Response post_login(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string email = field(*form, "email");
  const std::string next = safe_next(field(*form, "next"));
  auto cookie = request.cookie(kLoginCsrfCookie);
  if (!cookie || !secrets_equal(*cookie, field(*form, kCsrfField))) {
    return login_form(ctx, request, email, ctx.catalog().text(lang, "login.expired"), next, 403);
  }
  auto login = ctx.services.auth().login(email, field(*form, "password"), request.remote_address());
  if (!login.ok()) {
    const bool throttled = login.error().kind == ErrorKind::kUnavailable;
    const std::string message = throttled ? login.error().message : ctx.catalog().text(lang, "login.failed");
    return login_form(ctx, request, email, message, next, throttled ? 429 : 401);
  }
  Response r = Response::redirect_see_other(next);
  r.set_cookie(kSessionCookie, login->session_token, cookie_options(ctx));
  r.clear_cookie(kLoginCsrfCookie, cookie_options(ctx));
  return r;
}

}  // namespace

void add_login_pages(RouteGroup& routes, std::shared_ptr<const WebContext> ctx) {
  routes.get("/login", [ctx](Request& request) {
    if (auto cookie = request.cookie(kSessionCookie); cookie && ctx->services.auth().authenticate_session(*cookie).ok()) {
      return Response::redirect_see_other("/breaches");
    }
    auto next = request.query_param("next");
    return login_form(*ctx, request, "", "", safe_next(next ? *next : ""), 200);
  });
  routes.post("/login", [ctx](Request& request) { return post_login(*ctx, request); });
}

void add_logout(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.post("/logout", [ctx](Request& request) {
    if (auto cookie = request.cookie(kSessionCookie)) (void)ctx->services.auth().logout(*cookie);
    Response r = Response::redirect_see_other("/login");
    r.clear_cookie(kSessionCookie, cookie_options(*ctx));
    return r;
  });
}

}  // namespace bd::http::handlers
