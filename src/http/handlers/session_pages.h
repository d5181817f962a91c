// Internal to src/http/handlers: handlers of the pages, one add_* per area. Each
// adds its routes to the given group (public or session-guarded) and keeps the
// shared WebContext alive through its handlers.
#pragma once

#include <memory>

#include "http/handlers/web_context.h"
#include "http/router.h"

namespace bd::http::handlers {

// GET/POST /login on the public group.
void add_login_pages(RouteGroup& public_routes, std::shared_ptr<const WebContext> ctx);
// POST /logout on the session group.
void add_logout(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
// GET / , GET /breaches (the register), GET/POST /report (the intake).
void add_register_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
// GET /breaches/{id}, GET/POST /breaches/{id}/chapters/{n}.
void add_breach_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
// GET/POST /users, POST /users/{id}/role, POST /users/{id}/disabled (admins).
void add_user_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
// GET/POST /account/tokens, POST /account/tokens/{id}/revoke (the person's API tokens).
void add_token_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
// /api/v1 (on the bearer-guarded group).
void add_api_breaches(RouteGroup& api, std::shared_ptr<const WebContext> ctx);
void add_api_admin(RouteGroup& api, std::shared_ptr<const WebContext> ctx);

}  // namespace bd::http::handlers
