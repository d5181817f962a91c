// Internal to src/http/handlers: the middleware that guards pages and the API.
//
// session_middleware: the `bd_session` cookie must name a live session; the session
// and its actor become request attributes. Without one, a GET is redirected (303)
// to /login?next=<path>, anything else answered 401. Every POST must carry the
// session's CSRF token in the `csrf` form field (urlencoded, or a text part of a
// multipart/form-data upload; constant-time comparison), else 403 and the handler
// does not run.
//
// bearer_middleware: `Authorization: Bearer <token>` must name a personal API token;
// else 401 JSON with WWW-Authenticate. Cookies are ignored on the API, so a browser
// session cannot be ridden by a cross-site request.
//
// Thread-safe; both only read the WebContext.
#pragma once

#include <memory>

#include "http/handlers/web_context.h"
#include "http/router.h"

namespace bd::http::handlers {

Middleware session_middleware(std::shared_ptr<const WebContext> ctx);
Middleware bearer_middleware(std::shared_ptr<const WebContext> ctx);

}  // namespace bd::http::handlers
