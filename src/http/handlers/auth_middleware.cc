#include "http/handlers/auth_middleware.h"

#include "http/error_mapping.h"

namespace bd::http::handlers {
namespace {

Response to_login(const Request& request) {
  std::string next = request.method() == Method::kGet ? request.path() : "/";
  if (next == "/") return Response::redirect_see_other("/login");
  return Response::redirect_see_other("/login?next=" + percent_encode(next));
}

bool csrf_ok(const Request& request, const service::SessionContext& session) {
  if (request.is_multipart()) {  // file uploads carry the token as a text part
    // The route's body limit already bounds the upload and its handler applies its own
    // file limits, so no file size is refused here: a large allowed document must still
    // reach its handler instead of failing the token check.
    MultipartLimits limits;
    limits.max_file_bytes = request.body().size();
    auto parts = request.multipart(limits);
    auto token = parts.ok() ? parts->fields.get(kCsrfField) : std::nullopt;
    return token && service::AuthService::check_csrf(session, *token);
  }
  auto form = request.form();
  if (!form.ok()) return false;
  auto token = form->get(kCsrfField);
  return token && service::AuthService::check_csrf(session, *token);
}

}  // namespace

Middleware session_middleware(std::shared_ptr<const WebContext> ctx) {
  return [ctx](Request& request, const Handler& next) -> Response {
    auto cookie = request.cookie(kSessionCookie);
    if (!cookie) return request.method() == Method::kGet ? to_login(request) : status_response(401, ResponseFormat::kHtml);
    auto session = ctx->services.auth().authenticate_session(*cookie);
    if (!session.ok()) {
      Response r = request.method() == Method::kGet ? to_login(request) : status_response(401, ResponseFormat::kHtml);
      r.clear_cookie(kSessionCookie, cookie_options(*ctx));
      return r;
    }
    if (request.method() == Method::kPost && !csrf_ok(request, *session)) {
      return error_response(Error::forbidden("Het formulier is verlopen of ongeldig; laad de pagina opnieuw. "
                                             "The form has expired or is invalid; reload the page."),
                            ResponseFormat::kHtml);
    }
    request.set_attribute(std::string(kActorAttr), session->actor);
    request.set_attribute(std::string(kSessionAttr), std::move(session).value());
    return next(request);
  };
}

Middleware bearer_middleware(std::shared_ptr<const WebContext> ctx) {
  return [ctx](Request& request, const Handler& next) -> Response {
    auto header = request.header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    Error missing = Error::unauthorized("a personal API token is required (Authorization: Bearer <token>)");
    if (!header || header->size() <= kScheme.size() || !iequals(header->substr(0, kScheme.size()), kScheme)) {
      return error_response(missing, ResponseFormat::kJson).header("WWW-Authenticate", "Bearer");
    }
    auto actor = ctx->services.auth().authenticate_bearer(header->substr(kScheme.size()));
    if (!actor.ok()) {
      return error_response(actor.error(), ResponseFormat::kJson).header("WWW-Authenticate", "Bearer");
    }
    request.set_attribute(std::string(kActorAttr), std::move(actor).value());
    return next(request);
  };
}

}  // namespace bd::http::handlers
