// The person's own API tokens (GET/POST /account/tokens, POST /account/tokens/{id}/revoke):
// a token is shown once when created; only its hash is kept.
#include "http/error_mapping.h"
#include "http/handlers/session_pages.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

Response tokens_page(const WebContext& ctx, const Request& request, const std::string& created,
                     const std::string& error, int status) {
  const std::string lang = request_language(ctx, request);
  auto tokens = ctx.services.auth().list_api_tokens(*actor_of(request));
  if (!tokens.ok()) return error_response(tokens.error(), ResponseFormat::kHtml);
  pages::View v = base_view(ctx, request, "tokens.title", Nav::kNone);
  pages::View rows{pages::View::type::list};
  for (const service::ApiTokenInfo& t : *tokens) {
    pages::View row{pages::View::type::object};
    row.set("id", t.id);
    row.set("name", t.name);
    row.set("created_at", pages::display_instant(t.created_at, lang));
    row.set("last_used_at", t.last_used_at == TimePoint{} ? ctx.catalog().text(lang, "tokens.never")
                                                          : pages::display_instant(t.last_used_at, lang));
    rows.push_back(row);
  }
  v.set("tokens", rows);
  v.set("empty", tokens->empty());
  if (!created.empty()) v.set("created_token", created);
  if (!error.empty()) v.set("error", error);
  if (request.query_param("revoked")) v.set("flash_revoked", true);
  return render_page(ctx, request, "tokens", v, status);
}

Response post_token(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string name = field(*form, "name");
  if (name.find_first_not_of(" \t") == std::string::npos) {
    return tokens_page(ctx, request, "", ctx.catalog().text(lang, "tokens.name_required"), 400);
  }
  auto created = ctx.services.auth().create_api_token(*actor_of(request), name);
  if (!created.ok()) {
    if (created.error().kind != ErrorKind::kInvalidInput) return error_response(created.error(), ResponseFormat::kHtml);
    return tokens_page(ctx, request, "", created.error().message, 400);
  }
  return tokens_page(ctx, request, created->plaintext, "", 201);
}

}  // namespace

void add_token_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.get("/account/tokens", [ctx](Request& r) { return tokens_page(*ctx, r, "", "", 200); });
  pages.post("/account/tokens", [ctx](Request& r) { return post_token(*ctx, r); });
  pages.post("/account/tokens/{id}/revoke", [ctx](Request& r) {
    Status s = ctx->services.auth().revoke_api_token(*actor_of(r), r.path_param("id"));
    if (!s.ok()) return error_response(s.error(), ResponseFormat::kHtml);
    return Response::redirect_see_other("/account/tokens?revoked=1");
  });
}

}  // namespace bd::http::handlers
