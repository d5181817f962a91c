// /api/v1/organisations and /api/v1/users (admins), and the OpenAPI document.
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "http/error_mapping.h"
#include "http/handlers/api_json.h"
#include "http/handlers/session_pages.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;

bj::object organisation_object(const service::Organisation& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"kvk", o.kvk.empty() ? bj::value(nullptr) : bj::value(o.kvk)},
          {"kind", std::string(storage::to_token(o.kind))},
          {"created_at", pages::instant_to_iso(o.created_at)}};
}

bj::object user_object(const service::User& u) {
  return {{"id", u.id},
          {"organisation", u.organisation_id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", std::string(service::to_token(u.role))},
          {"locale", u.locale},
          {"disabled", u.disabled},
          {"created_at", pages::instant_to_iso(u.created_at)}};
}

Result<std::string> string_member(const bj::object& body, std::string_view name, bool required) {
  const bj::value* v = body.if_contains(name);
  if (v == nullptr) {
    if (required) return Error::invalid(std::string(name), std::string(name) + " is required");
    return std::string();
  }
  if (!v->is_string()) return Error::invalid(std::string(name), std::string(name) + " must be a string");
  return std::string(v->as_string());
}

Response list_organisations(const WebContext& ctx, Request& request) {
  auto orgs = ctx.services.organisations().list(api_actor(request));
  if (!orgs.ok()) return error_response(orgs.error(), ResponseFormat::kJson);
  bj::array items;
  for (const auto& o : *orgs) items.push_back(organisation_object(o));
  return json_response({{"items", std::move(items)}});
}

Response create_organisation(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return error_response(body.error(), ResponseFormat::kJson);
  auto name = string_member(*body, "name", true);
  if (!name.ok()) return error_response(name.error(), ResponseFormat::kJson);
  auto org = ctx.services.organisations().create(api_actor(request), *name);
  if (!org.ok()) return error_response(org.error(), ResponseFormat::kJson);
  return json_response(organisation_object(*org), 201);
}

Response list_users(const WebContext& ctx, Request& request) {
  auto org = request.query_param("organisation");
  auto users = ctx.services.users().list(api_actor(request), org ? *org : std::string_view());
  if (!users.ok()) return error_response(users.error(), ResponseFormat::kJson);
  bj::array items;
  for (const auto& u : *users) items.push_back(user_object(u));
  return json_response({{"items", std::move(items)}});
}

Result<service::NewUser> parse_new_user(const bj::object& body) {
  service::NewUser nu;
  BD_ASSIGN_OR_RETURN(nu.email, string_member(body, "email", true));
  BD_ASSIGN_OR_RETURN(nu.display_name, string_member(body, "display_name", false));
  BD_ASSIGN_OR_RETURN(nu.organisation_id, string_member(body, "organisation", false));
  BD_ASSIGN_OR_RETURN(nu.password, string_member(body, "password", false));
  BD_ASSIGN_OR_RETURN(std::string role, string_member(body, "role", true));
  auto r = service::role_from_token(role);
  if (!r) return Error::invalid("role", "role must be admin, privacy_officer, reporter or auditor");
  nu.role = *r;
  BD_ASSIGN_OR_RETURN(std::string locale, string_member(body, "locale", false));
  if (!locale.empty()) {
    if (locale != "nl" && locale != "en") return Error::invalid("locale", "locale must be nl or en");
    nu.locale = locale;
  }
  return nu;
}

Response create_user(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return error_response(body.error(), ResponseFormat::kJson);
  auto nu = parse_new_user(*body);
  if (!nu.ok()) return error_response(nu.error(), ResponseFormat::kJson);
  auto created = ctx.services.users().add(api_actor(request), std::move(nu).value());
  if (!created.ok()) return error_response(created.error(), ResponseFormat::kJson);
  bj::object o = user_object(created->user);
  if (!created->generated_password.empty()) o["generated_password"] = created->generated_password;
  return json_response(o, 201);
}

Response get_user(const WebContext& ctx, Request& request) {
  auto user = ctx.services.users().get(api_actor(request), request.path_param("id"));
  if (!user.ok()) return error_response(user.error(), ResponseFormat::kJson);
  return json_response(user_object(*user));
}

// PATCH body: {"role"?: token, "disabled"?: bool}. Both are checked before either is
// applied, so a bad value changes nothing.
Response update_user(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return error_response(body.error(), ResponseFormat::kJson);
  std::optional<service::Role> role;
  if (const bj::value* v = body->if_contains("role")) {
    if (v->is_string()) role = service::role_from_token(v->as_string());
    if (!role) {
      return error_response(Error::invalid("role", "role must be admin, privacy_officer, reporter or auditor"),
                            ResponseFormat::kJson);
    }
  }
  std::optional<bool> disabled;
  if (const bj::value* v = body->if_contains("disabled")) {
    if (!v->is_bool()) return error_response(Error::invalid("disabled", "disabled must be true or false"), ResponseFormat::kJson);
    disabled = v->as_bool();
  }
  const service::Actor actor = api_actor(request);
  const std::string id(request.path_param("id"));
  if (auto found = ctx.services.users().get(actor, id); !found.ok()) {
    return error_response(found.error(), ResponseFormat::kJson);
  }
  if (role) {
    if (auto changed = ctx.services.users().change_role(actor, id, *role); !changed.ok()) {
      return error_response(changed.error(), ResponseFormat::kJson);
    }
  }
  if (disabled) {
    if (auto changed = ctx.services.users().set_disabled(actor, id, *disabled); !changed.ok()) {
      return error_response(changed.error(), ResponseFormat::kJson);
    }
  }
  return get_user(ctx, request);
}

}  // namespace

void add_api_admin(RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  api.get("/organisations", [ctx](Request& r) { return list_organisations(*ctx, r); });
  api.post("/organisations", [ctx](Request& r) { return create_organisation(*ctx, r); });
  api.get("/users", [ctx](Request& r) { return list_users(*ctx, r); });
  api.post("/users", [ctx](Request& r) { return create_user(*ctx, r); });
  api.get("/users/{id}", [ctx](Request& r) { return get_user(*ctx, r); });
  api.add(Method::kPatch, "/users/{id}", [ctx](Request& r) { return update_user(*ctx, r); });
  const auto path = ctx->options.web_root / "docs" / "openapi.yaml";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the OpenAPI document " + path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  auto document = std::make_shared<const std::string>(buf.str());
  api.get("/openapi.yaml", [document](Request&) {
    Response r(200);
    r.header("Content-Type", "application/yaml; charset=utf-8");
    r.set_shared_body(document);
    return r;
  });
}

}  // namespace bd::http::handlers
