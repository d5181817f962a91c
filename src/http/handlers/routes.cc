#include "http/handlers/routes.h"

#include <sodium.h>

#include <stdexcept>

#include "http/handlers/attachment_routes.h"
#include "http/handlers/auth_middleware.h"
#include "http/handlers/scan_report_routes.h"
#include "http/handlers/session_pages.h"
#include "http/handlers/workflow_routes.h"
#include "http/static_files.h"

namespace bd::http {

namespace {

std::shared_ptr<const handlers::WebContext> load_context(service::Services& services, const WebOptions& options) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  auto catalog = pages::Catalog::load(pages::i18n_dir(options.web_root));
  if (!catalog.ok()) throw std::runtime_error("message catalogs: " + catalog.error().message + " " + catalog.error().detail);
  auto renderer = pages::Renderer::load(pages::templates_dir(options.web_root), std::move(catalog).value());
  if (!renderer.ok()) throw std::runtime_error("templates: " + renderer.error().message + " " + renderer.error().detail);
  return std::make_shared<const handlers::WebContext>(
      handlers::WebContext{services, std::move(renderer).value(), options});
}

}  // namespace

void register_routes(Router& router, service::Services& services, const WebOptions& options) {
  auto ctx = load_context(services, options);
  auto files = StaticFiles::load(pages::static_dir(options.web_root));
  if (!files.ok()) throw std::runtime_error("static files: " + files.error().message + " " + files.error().detail);
  StaticFiles::mount(router, "/static/", std::move(files).value());
  router.get("/healthz", [](Request&) { return Response::text("ok\n"); });

  RouteGroup open = router.group("");
  handlers::add_login_pages(open, ctx);

  RouteGroup pages = router.group("");
  pages.use(handlers::session_middleware(ctx));
  handlers::add_logout(pages, ctx);
  handlers::add_register_pages(pages, ctx);
  handlers::add_breach_pages(pages, ctx);
  handlers::add_user_pages(pages, ctx);
  handlers::add_token_pages(pages, ctx);

  RouteGroup api = router.group("/api/v1");
  api.use(handlers::bearer_middleware(ctx));
  handlers::add_api_breaches(api, ctx);
  handlers::add_api_admin(api, ctx);
  handlers::add_workflow_routes(open, pages, api, ctx);
  handlers::add_scan_report_routes(pages, api, ctx);
  handlers::add_attachment_routes(pages, api, ctx);
}

}  // namespace bd::http
