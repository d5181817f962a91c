// /api/v1/breaches: list with filters, get, create, update (optimistic concurrency),
// revisions.
#include <charconv>

#include <boost/json/serialize.hpp>

#include "http/error_mapping.h"
#include "http/handlers/api_json.h"
#include "http/handlers/session_pages.h"
#include "http/handlers/register_sort.h"
#include "json/answers_codec.h"
#include "model/form_schema.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;

Result<int> int_param(const Request& request, std::string_view name, int fallback, int min, int max) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  int v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max) {
    return Error::invalid(std::string(name), std::string(name) + " must be a number from " + std::to_string(min) +
                                                 " to " + std::to_string(max));
  }
  return v;
}

// A query instant: ISO 8601 with offset, or a bare date (Amsterdam midnight).
Result<std::optional<TimePoint>> time_param(const Request& request, std::string_view name) {
  auto text = request.query_param(name);
  if (!text) return std::optional<TimePoint>{};
  auto t = text->size() == 10 ? pages::amsterdam_start_of_day(*text) : pages::iso_to_instant(*text);
  if (!t.ok()) return Error::invalid(std::string(name), std::string(name) + " must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset");
  return std::optional<TimePoint>(*t);
}

Result<service::RegisterQuery> api_query(const Request& request) {
  service::RegisterQuery q;
  for (std::string_view token : request.query().all("status")) {
    auto s = model::status_from_token(token);
    if (!s) return Error::invalid("status", "unknown status: use suspected, assessing, decided_notify, "
                                            "decided_register_only, notified, subjects_informed or closed");
    q.statuses.push_back(*s);
  }
  BD_ASSIGN_OR_RETURN(q.discovered_from, time_param(request, "discovered_from"));
  BD_ASSIGN_OR_RETURN(q.discovered_to, time_param(request, "discovered_to"));
  if (auto v = request.query_param("incident_type")) {
    const model::Question* type = model::find_question("breach.incident_type");
    if (type == nullptr || model::find_option(*type, *v) == nullptr) {
      return Error::invalid("incident_type", "unknown incident_type: use an option token of breach.incident_type");
    }
    q.incident_type = std::string(*v);
  }
  if (auto v = request.query_param("q")) q.text = std::string(*v);
  if (auto v = request.query_param("sort")) {
    auto sort = sort_from_token(*v);
    if (!sort) return Error::invalid("sort", "unknown sort: use updated_desc, updated_asc, discovered_desc, "
                                             "discovered_asc, reference_desc, reference_asc, title_asc or status_asc");
    q.sort = *sort;
  }
  BD_ASSIGN_OR_RETURN(q.page, int_param(request, "page", 1, 1, 1'000'000));
  BD_ASSIGN_OR_RETURN(q.page_size, int_param(request, "page_size", 25, 1, 500));
  return q;
}

bj::object summary_object(const service::BreachSummary& b) {
  bj::object o;
  o["id"] = b.id;
  o["reference"] = b.reference;
  o["title"] = b.title;
  o["status"] = std::string(model::to_token(b.status));
  o["incident_type"] = b.incident_type.empty() ? bj::value(nullptr) : bj::value(b.incident_type);
  o["discovered"] = b.discovered_at ? bj::value(pages::instant_to_iso(*b.discovered_at)) : bj::value(nullptr);
  o["version"] = b.version;
  o["created_at"] = pages::instant_to_iso(b.created_at);
  o["updated_at"] = pages::instant_to_iso(b.updated_at);
  return o;
}

Response list_breaches(const WebContext& ctx, Request& request) {
  auto q = api_query(request);
  if (!q.ok()) return error_response(q.error(), ResponseFormat::kJson);
  auto page = ctx.services.breaches().list(api_actor(request), *q);
  if (!page.ok()) return error_response(page.error(), ResponseFormat::kJson);
  bj::array items;
  for (const auto& b : page->items) items.push_back(summary_object(b));
  bj::object o;
  o["items"] = std::move(items);
  o["total"] = page->total;
  o["page"] = page->page;
  o["page_size"] = page->page_size;
  return json_response(o);
}

Response create_breach(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return error_response(body.error(), ResponseFormat::kJson);
  std::string title;
  if (auto* t = body->if_contains("title")) {
    if (!t->is_string()) return error_response(Error::invalid("title", "title must be a string"), ResponseFormat::kJson);
    title = std::string(t->as_string());
  }
  model::Answers answers;
  if (auto* a = body->if_contains("answers")) {
    if (!a->is_object()) return error_response(Error::invalid("answers", "answers must be an object"), ResponseFormat::kJson);
    auto parsed = json::answers_from_object(a->as_object());
    if (!parsed.ok()) return error_response(parsed.error(), ResponseFormat::kJson);
    answers = std::move(parsed).value();
  }
  auto breach = ctx.services.breaches().create(api_actor(request), title, std::move(answers));
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kJson);
  Response r = Response::json(json::breach_to_json(*breach), 201);
  r.header("Location", "/api/v1/breaches/" + breach->id);
  return r;
}

Response get_breach_json(const WebContext& ctx, Request& request) {
  auto breach = ctx.services.breaches().get(api_actor(request), request.path_param("id"));
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kJson);
  return Response::json(json::breach_to_json(*breach));
}

// PATCH body: {"version": n, "answers": {id: value|null}, "title"?, "status"?, "note"?}.
// null clears an answer.
Result<service::BreachUpdate> parse_update(const bj::object& body) {
  service::BreachUpdate u;
  const bj::value* version = body.if_contains("version");
  if (version == nullptr || !version->is_int64() || version->as_int64() < 1) {
    return Error::invalid("version", "version (the version your change is based on) is required as a positive integer");
  }
  u.expected_version = version->as_int64();
  if (const bj::value* a = body.if_contains("answers")) {
    if (!a->is_object()) return Error::invalid("answers", "answers must be an object");
    bj::object present;
    for (const auto& member : a->as_object()) {
      if (member.value().is_null()) u.changes.insert_or_assign(std::string(member.key()), model::Value{});
      else present.emplace(member.key(), member.value());
    }
    BD_ASSIGN_OR_RETURN(model::Answers values, json::answers_from_object(present));
    for (auto& [id, v] : values) u.changes.insert_or_assign(id, std::move(v));
  }
  if (const bj::value* t = body.if_contains("title")) {
    if (!t->is_string()) return Error::invalid("title", "title must be a string");
    u.title = std::string(t->as_string());
  }
  if (const bj::value* s = body.if_contains("status")) {
    auto status = s->is_string() ? model::status_from_token(std::string(s->as_string())) : std::nullopt;
    if (!status) return Error::invalid("status", "status must be one of the status tokens");
    u.status = *status;
  }
  if (const bj::value* n = body.if_contains("note")) {
    if (!n->is_string()) return Error::invalid("note", "note must be a string");
    u.note = std::string(n->as_string());
  }
  return u;
}

Response update_breach(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return error_response(body.error(), ResponseFormat::kJson);
  auto update = parse_update(*body);
  if (!update.ok()) return error_response(update.error(), ResponseFormat::kJson);
  auto breach = ctx.services.breaches().update(api_actor(request), request.path_param("id"), *update);
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kJson);
  return Response::json(json::breach_to_json(*breach));
}

Response list_revisions(const WebContext& ctx, Request& request) {
  auto revisions = ctx.services.breaches().revisions(api_actor(request), request.path_param("id"));
  if (!revisions.ok()) return error_response(revisions.error(), ResponseFormat::kJson);
  bj::array items;
  for (const auto& r : *revisions) items.push_back(json::revision_to_object(r));
  bj::object o;
  o["items"] = std::move(items);
  return json_response(o);
}

}  // namespace

void add_api_breaches(RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  api.get("/breaches", [ctx](Request& r) { return list_breaches(*ctx, r); });
  api.post("/breaches", [ctx](Request& r) { return create_breach(*ctx, r); });
  api.get("/breaches/{id}", [ctx](Request& r) { return get_breach_json(*ctx, r); });
  api.add(Method::kPatch, "/breaches/{id}", [ctx](Request& r) { return update_breach(*ctx, r); });
  api.get("/breaches/{id}/revisions", [ctx](Request& r) { return list_revisions(*ctx, r); });
}

}  // namespace bd::http::handlers
