// Internal to src/http/handlers: what every handler shares (the services, the
// renderer with its catalogs, the options) and the helpers that turn view data into
// responses with the common layout data (user, navigation, language switch, CSRF).
//
// Thread-safety: a WebContext is immutable after register_routes() and shared by all
// handlers. Failure: rendering errors become a 500 response (details logged only).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/handlers/routes.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/renderer.h"
#include "service/actor.h"
#include "service/auth_service.h"
#include "service/services.h"

namespace bd::http::handlers {

inline constexpr std::string_view kSessionCookie = "bd_session";
inline constexpr std::string_view kLoginCsrfCookie = "bd_login_csrf";
inline constexpr std::string_view kLangCookie = "lang";
inline constexpr std::string_view kCsrfField = "csrf";
// Request attributes set by the auth middleware.
inline constexpr std::string_view kSessionAttr = "session";  // service::SessionContext
inline constexpr std::string_view kActorAttr = "actor";      // service::Actor

struct WebContext {
  service::Services& services;
  std::unique_ptr<pages::Renderer> renderer;
  WebOptions options;

  const pages::Catalog& catalog() const { return renderer->catalog(); }
};

// Which navigation entry is current.
enum class Nav { kNone, kRegister, kReport, kUsers };

// The request's language: ?lang=, else the `lang` cookie, else the user's locale, else nl.
std::string request_language(const WebContext& ctx, const Request& request);

// The logged-in actor / session (set by the middleware), or nullptr on public routes.
const service::Actor* actor_of(const Request& request);
const service::SessionContext* session_of(const Request& request);

// Layout data: page_title (from the catalog key), user, csrf, nav, lang_switch.
pages::View base_view(const WebContext& ctx, const Request& request, std::string_view title_key, Nav nav);

// Renders templates/pages/<page> in the layout; 500 on a rendering failure.
Response render_page(const WebContext& ctx, const Request& request, std::string_view page,
                     const pages::View& view, int status = 200);

// An error as a page (HTML) or JSON, whichever the request wants.
Response error_page(const WebContext& ctx, const Request& request, const Error& error);

// Cookie options for our cookies (Secure when forced by the options).
CookieOptions cookie_options(const WebContext& ctx);

// Random URL-safe token (32 bytes of entropy), for the login form's CSRF cookie.
std::string random_token();
// Constant-time equality of two secrets.
bool secrets_equal(std::string_view a, std::string_view b);

// The value of a form field, or "".
std::string field(const Params& form, std::string_view name);

// A breach version as sent by a form or query ("3"): a whole number of at least 1,
// nothing else; nullopt otherwise.
std::optional<std::int64_t> parse_version(std::string_view text);

}  // namespace bd::http::handlers
