// The deadline calendar feed: a page to create or rotate the personal feed URL, and
// the feed itself at /calendar/{token}.ics (public: calendar clients have no session,
// so the unguessable token is the secret; unknown tokens are a plain 404).
#include "http/error_mapping.h"
#include "http/handlers/workflow_routes.h"

namespace bd::http::handlers {
namespace {

constexpr std::string_view kIcs = ".ics";

std::string origin(const Request& request) {
  auto host = request.header("Host");
  if (!host || host->empty()) return {};
  return std::string(request.tls() ? "https://" : "http://") + std::string(*host);
}

Response calendar_page(const WebContext& ctx, const Request& request, const std::string& fresh_url) {
  auto has = ctx.services.workflow().has_calendar_token(*actor_of(request));
  if (!has.ok()) return error_response(has.error(), ResponseFormat::kHtml);
  pages::View v = base_view(ctx, request, "workflow.calendar_title", Nav::kNone);
  v.set("nav_deadlines", true);
  v.set("has_token", *has);
  if (!fresh_url.empty()) v.set("feed_url", fresh_url);
  return render_page(ctx, request, "workflow/calendar", v);
}

Response post_calendar(const WebContext& ctx, Request& request) {
  auto token = ctx.services.workflow().calendar_token(*actor_of(request));
  if (!token.ok()) return error_response(token.error(), ResponseFormat::kHtml);
  Response r = calendar_page(ctx, request, origin(request) + "/calendar/" + *token + std::string(kIcs));
  r.no_store();
  return r;
}

Response get_feed(const WebContext& ctx, Request& request) {
  std::string_view file = request.path_param("file");
  if (file.size() <= kIcs.size() || !file.ends_with(kIcs)) {
    return error_response(Error::not_found("unknown calendar feed"), ResponseFormat::kJson);
  }
  file.remove_suffix(kIcs.size());
  auto feed = ctx.services.workflow().calendar_feed(file, origin(request));
  if (!feed.ok()) {
    const Error& e = feed.error();
    return error_response(e.kind == ErrorKind::kForbidden ? Error::not_found("unknown calendar feed") : e,
                          ResponseFormat::kJson);
  }
  Response r(200);
  r.header("Content-Type", "text/calendar; charset=utf-8");
  r.header("Cache-Control", "private, max-age=300");
  r.set_body(std::move(*feed));
  return r;
}

}  // namespace

void add_calendar_routes(RouteGroup& open, RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.get("/calendar", [ctx](Request& request) { return calendar_page(*ctx, request, ""); });
  pages.post("/calendar", [ctx](Request& request) { return post_calendar(*ctx, request); });
  open.get("/calendar/{file}", [ctx](Request& request) { return get_feed(*ctx, request); });
}

}  // namespace bd::http::handlers
