// User administration for admins: list, add, change role, disable / enable.
#include "http/error_mapping.h"
#include "http/handlers/session_pages.h"
#include "pages/form_view.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

constexpr service::Role kRoles[] = {service::Role::kAdmin, service::Role::kPrivacyOfficer, service::Role::kReporter,
                                    service::Role::kAuditor};

pages::View role_options(const WebContext& ctx, const std::string& lang, service::Role selected) {
  pages::View list{pages::View::type::list};
  for (service::Role r : kRoles) {
    pages::View o{pages::View::type::object};
    o.set("value", std::string(service::to_token(r)));
    o.set("label", ctx.catalog().text(lang, "role." + std::string(service::to_token(r))));
    o.set("selected", r == selected);
    list.push_back(o);
  }
  return list;
}

Response users_page(const WebContext& ctx, const Request& request, const Params* input, const pages::FieldErrors& errors,
                    const std::string& created_password, int status) {
  const std::string lang = request_language(ctx, request);
  const service::Actor& actor = *actor_of(request);
  if (!service::can_admin(actor)) return error_response(Error::forbidden("admins only"), ResponseFormat::kHtml);
  auto users = ctx.services.users().list(actor);
  if (!users.ok()) return error_response(users.error(), ResponseFormat::kHtml);
  pages::View v = base_view(ctx, request, "users.title", Nav::kUsers);
  pages::View rows{pages::View::type::list};
  for (const service::User& u : *users) {
    pages::View row{pages::View::type::object};
    row.set("id", u.id);
    row.set("email", u.email);
    row.set("display_name", u.display_name);
    row.set("roles", role_options(ctx, lang, u.role));
    row.set("role", ctx.catalog().text(lang, "role." + std::string(service::to_token(u.role))));
    row.set("disabled", u.disabled);
    row.set("is_self", u.id == actor.user_id);
    row.set("created_at", pages::display_instant(u.created_at, lang));
    rows.push_back(row);
  }
  v.set("users", rows);
  pages::View values{pages::View::type::object};
  service::Role role = service::Role::kReporter;
  if (input != nullptr) {
    values.set("email", field(*input, "email"));
    values.set("display_name", field(*input, "display_name"));
    if (auto r = service::role_from_token(field(*input, "role"))) role = *r;
  }
  v.set("values", values);
  v.set("new_roles", role_options(ctx, lang, role));
  pages::View errs{pages::View::type::object};
  for (const auto& [name, message] : errors) errs.set(name, message);
  v.set("errors", errs);
  if (!created_password.empty()) v.set("created_password", created_password);
  if (request.query_param("saved")) v.set("flash_saved", true);
  return render_page(ctx, request, "users", v, status);
}

Response post_user(const WebContext& ctx, Request& request) {
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  service::NewUser nu;
  nu.email = field(*form, "email");
  nu.display_name = field(*form, "display_name");
  nu.locale = request_language(ctx, request);
  auto role = service::role_from_token(field(*form, "role"));
  if (!role) return users_page(ctx, request, &*form, {{"role", "onbekende rol / unknown role"}}, "", 400);
  nu.role = *role;
  auto created = ctx.services.users().add(*actor_of(request), nu);
  if (!created.ok()) {
    const Error& e = created.error();
    if (e.kind != ErrorKind::kInvalidInput && e.kind != ErrorKind::kConflict) return error_response(e, ResponseFormat::kHtml);
    const std::string name = e.field.empty() ? "email" : e.field;
    return users_page(ctx, request, &*form, {{name, e.message}}, "", e.kind == ErrorKind::kConflict ? 409 : 400);
  }
  return users_page(ctx, request, nullptr, {}, created->generated_password, 201);
}

Response post_role(const WebContext& ctx, Request& request) {
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  auto role = service::role_from_token(field(*form, "role"));
  if (!role) return error_response(Error::invalid("role", "unknown role"), ResponseFormat::kHtml);
  Status s = ctx.services.users().change_role(*actor_of(request), request.path_param("id"), *role);
  if (!s.ok()) return error_response(s.error(), ResponseFormat::kHtml);
  return Response::redirect_see_other("/users?saved=1");
}

Response post_disabled(const WebContext& ctx, Request& request) {
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string value = field(*form, "disabled");
  if (value != "1" && value != "0") return error_response(Error::invalid("disabled", "expected 1 or 0"), ResponseFormat::kHtml);
  Status s = ctx.services.users().set_disabled(*actor_of(request), request.path_param("id"), value == "1");
  if (!s.ok()) return error_response(s.error(), ResponseFormat::kHtml);
  return Response::redirect_see_other("/users?saved=1");
}

}  // namespace

void add_user_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.get("/users", [ctx](Request& request) { return users_page(*ctx, request, nullptr, {}, "", 200); });
  pages.post("/users", [ctx](Request& request) { return post_user(*ctx, request); });
  pages.post("/users/{id}/role", [ctx](Request& request) { return post_role(*ctx, request); });
  pages.post("/users/{id}/disabled", [ctx](Request& request) { return post_disabled(*ctx, request); });
}

}  // namespace bd::http::handlers
