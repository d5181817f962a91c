// The web front door's routes: every page and /api/v1 endpoint, with the
// authentication and CSRF middleware in front of them. Called by the `serve` command.
//
//   public        GET/POST /login, GET /healthz, GET /static/*, and
//                 GET /calendar/{token}.ics (the secret token is the guard)
//   pages         everything else; session cookie `bd_session` (HttpOnly,
//                 SameSite=Strict, Secure over TLS); no session -> 303 to /login;
//                 every POST must carry the session's CSRF token in the `csrf` field
//   /api/v1       `Authorization: Bearer <personal token>`; no token -> 401 JSON
//
// Pages are Dutch by default; `?lang=en` switches (and is remembered in a `lang`
// cookie). Templates, static files and catalogs are read once from the web root.
//
// Ownership: register_routes() keeps a reference to `services` (which must outlive
// the router) and owns the loaded templates through the handlers it adds.
// Thread-safety: the handlers are safe to run concurrently on the server's workers.
// Failure: register_routes() throws std::runtime_error naming the problem when the
// web root's templates, catalogs or static files cannot be loaded (a setup error,
// like an invalid route pattern); nothing is served in that case.
#pragma once

#include <filesystem>

#include "http/router.h"
#include "pages/web_root.h"
#include "service/services.h"

namespace bd::http {

struct WebOptions {
  // Holds templates/, static/ and i18n/ (serve --web-root).
  std::filesystem::path web_root = pages::default_web_root();
  // Mark cookies Secure even on plain HTTP (the server sits behind a TLS proxy).
  bool force_secure_cookies = false;
};

void register_routes(Router& router, service::Services& services, const WebOptions& options);

}  // namespace bd::http
