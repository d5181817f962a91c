// /api/v1 of the workflow: the stateless assessment (?config=VERSION), a breach's
// assessment, the officer's decision, lifecycle transitions, notification versions
// (prepare, file) and the deadlines. Bodies are JSON objects; bad input is 400 naming
// the field, a stale version 409.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/error_mapping.h"
#include "http/handlers/api_json.h"
#include "http/handlers/workflow_routes.h"
#include "json/answers_codec.h"
#include "json/assessment_codec.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;

Result<std::int64_t> version_member(const bj::object& body) {
  const bj::value* v = body.if_contains("version");
  if (v == nullptr || !v->is_int64() || v->as_int64() < 1) {
    return Error::invalid("version", "version must be the breach version the change is based on (a positive integer)");
  }
  return v->as_int64();
}

Result<std::string> string_member(const bj::object& body, std::string_view name, bool required) {
  const bj::value* v = body.if_contains(name);
  if (v == nullptr || v->is_null()) {
    if (required) return Error::invalid(std::string(name), std::string(name) + " is required");
    return std::string();
  }
  if (!v->is_string()) return Error::invalid(std::string(name), std::string(name) + " must be a string");
  return std::string(v->as_string());
}

Result<std::optional<bool>> bool_member(const bj::object& body, std::string_view name) {
  const bj::value* v = body.if_contains(name);
  if (v == nullptr || v->is_null()) return std::optional<bool>{};
  if (!v->is_bool()) return Error::invalid(std::string(name), std::string(name) + " must be true or false");
  return std::optional<bool>(v->as_bool());
}

bj::value deadline_object(const std::optional<model::DeadlineStatus>& d) {
  if (!d) return nullptr;
  bj::object o;
  o["awareness_id"] = std::string(d->awareness_id);
  o["awareness"] = pages::instant_to_iso(d->awareness);
  o["due"] = pages::instant_to_iso(d->due);
  o["hours"] = d->length.count();
  o["time_left_seconds"] = d->time_left.count();
  o["overdue"] = d->overdue;
  o["filed_at"] = d->filed_at ? bj::value(pages::instant_to_iso(*d->filed_at)) : bj::value(nullptr);
  o["filed_late"] = d->filed_late;
  o["needs_late_reason"] = d->needs_late_reason;
  return o;
}

bj::object breach_state(const model::Breach& b) {
  return {{"id", b.id}, {"reference", b.reference}, {"version", b.version},
          {"status", std::string(model::to_token(b.status))}};
}

bj::object notification_object(const storage::ApNotificationRecord& r) {
  bj::object o;
  o["id"] = r.id;
  o["breach_id"] = r.breach_id;
  o["version"] = r.version;
  o["kind"] = r.kind;
  o["status"] = r.status;
  o["meldnummer"] = r.meldnummer.empty() ? bj::value(nullptr) : bj::value(r.meldnummer);
  o["submitted_at"] = r.submitted_at ? bj::value(pages::instant_to_iso(*r.submitted_at)) : bj::value(nullptr);
  o["previous_id"] = r.previous_id.empty() ? bj::value(nullptr) : bj::value(r.previous_id);
  o["breach_version"] = r.breach_version;
  o["created_at"] = pages::instant_to_iso(r.created_at);
  return o;
}

Response fail(const Error& e) { return error_response(e, ResponseFormat::kJson); }

// ?config=VERSION: the server's configuration in force (the default) or a compiled-in one.
Result<model::assess::EngineConfig> requested_config(const WebContext& ctx, const Request& request) {
  const model::assess::EngineConfig& in_force = ctx.services.workflow().assessment_config();
  const auto version = request.query_param("config");
  if (!version || *version == in_force.version) return in_force;
  auto named = model::assess::config_by_version(*version);
  if (named.ok()) return named;
  std::string known = model::assess::compiled_in_versions();
  if (!model::assess::config_by_version(in_force.version).ok()) known = in_force.version + ", " + known;
  return Error::invalid("config", "config: unknown assessment configuration version (known: " + known + ")");
}

Response post_assess(const WebContext& ctx, Request& request) {
  auto config = requested_config(ctx, request);
  if (!config.ok()) return fail(config.error());
  auto body = json_body(request);
  if (!body.ok()) return fail(body.error());
  auto result = json::assess_document(request.body(), *config);
  if (!result.ok()) return fail(result.error());
  return json_response(*result);
}

Response get_assessment(const WebContext& ctx, Request& request) {
  auto av = ctx.services.workflow().assessment(api_actor(request), request.path_param("id"));
  if (!av.ok()) return fail(av.error());
  bj::object o;
  o["breach"] = breach_state(av->breach);
  o["assessment"] = json::assessment_to_object(av->proposal);
  o["deadline"] = deadline_object(av->deadline);
  if (av->decision) {
    bj::object d;
    d["outcome"] = std::string(model::to_token(av->decision->outcome));
    d["notify_ap"] = av->decision->notify_ap;
    d["inform_subjects"] = av->decision->inform_subjects;
    d["reason"] = av->decision->reason;
    d["user_id"] = av->decision->user_id;
    d["at"] = pages::instant_to_iso(av->decision->at);
    o["decision"] = std::move(d);
  } else {
    o["decision"] = nullptr;
  }
  bj::array next;
  for (auto s : av->next) next.emplace_back(std::string(model::to_token(s)));
  o["allowed_transitions"] = std::move(next);
  return json_response(o);
}

Result<service::DecideInput> decide_input(const bj::object& body) {
  service::DecideInput in;
  BD_ASSIGN_OR_RETURN(in.expected_version, version_member(body));
  BD_ASSIGN_OR_RETURN(std::string outcome, string_member(body, "outcome", false));
  if (!outcome.empty() && outcome != "accept" && outcome != "override") {
    return Error::invalid("outcome", "outcome must be accept or override");
  }
  in.accept = outcome != "override";
  BD_ASSIGN_OR_RETURN(auto notify, bool_member(body, "notify_ap"));
  BD_ASSIGN_OR_RETURN(auto inform, bool_member(body, "inform_subjects"));
  if (!in.accept && (!notify || !inform)) {
    return Error::invalid(notify ? "inform_subjects" : "notify_ap", "an override states notify_ap and inform_subjects");
  }
  in.notify_ap = notify.value_or(true);
  in.inform_subjects = inform.value_or(false);
  BD_ASSIGN_OR_RETURN(in.reason, string_member(body, "reason", false));
  return in;
}

Response post_decision(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return fail(body.error());
  auto in = decide_input(*body);
  if (!in.ok()) return fail(in.error());
  auto b = ctx.services.workflow().decide(api_actor(request), request.path_param("id"), *in);
  if (!b.ok()) return fail(b.error());
  return json_response(breach_state(*b));
}

Response post_transition(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return fail(body.error());
  auto version = version_member(*body);
  if (!version.ok()) return fail(version.error());
  auto to = string_member(*body, "to", true);
  if (!to.ok()) return fail(to.error());
  auto target = model::status_from_token(*to);
  if (!target) return fail(Error::invalid("to", "unknown status"));
  auto reason = string_member(*body, "reason", false);
  if (!reason.ok()) return fail(reason.error());
  service::TransitionInput in{*version, *target, *reason};
  auto b = ctx.services.workflow().transition(api_actor(request), request.path_param("id"), in);
  if (!b.ok()) return fail(b.error());
  return json_response(breach_state(*b));
}

// A decision as recorded with its move, with the proposal snapshot as JSON (null only
// for a snapshot that does not read as JSON, which json::assessment_to_json never writes).
bj::object recorded_decision(const storage::DecisionRecord& d) {
  boost::system::error_code ec;
  bj::value proposal = bj::parse(d.proposal_json, ec);
  return {{"outcome", std::string(model::to_token(d.outcome))},
          {"notify_ap", d.notify_ap},
          {"inform_subjects", d.inform_subjects},
          {"reason", d.reason},
          {"proposal", ec ? bj::value(nullptr) : std::move(proposal)}};
}

bj::object step_object(const service::HistoryStep& step) {
  const storage::TransitionRecord& t = step.transition;
  return {{"from", std::string(model::to_token(t.from))},
          {"to", std::string(model::to_token(t.to))},
          {"at", pages::instant_to_iso(t.at)},
          {"by", step.by.empty() ? bj::value(nullptr) : bj::value(step.by)},
          {"reason", t.reason},
          {"decision", t.decision ? bj::value(recorded_decision(*t.decision)) : bj::value(nullptr)}};
}

Response get_transitions(const WebContext& ctx, Request& request) {
  auto steps = ctx.services.workflow().status_history(api_actor(request), request.path_param("id"));
  if (!steps.ok()) return fail(steps.error());
  bj::array items;
  for (const service::HistoryStep& step : *steps) items.emplace_back(step_object(step));
  return json_response(bj::object{{"items", std::move(items)}});
}

Response get_notifications(const WebContext& ctx, Request& request) {
  auto list = ctx.services.workflow().notifications(api_actor(request), request.path_param("id"));
  if (!list.ok()) return fail(list.error());
  bj::array items;
  for (const auto& r : *list) items.emplace_back(notification_object(r));
  return json_response(bj::object{{"items", std::move(items)}});
}

Result<service::PrepareInput> prepare_input(const bj::object& body) {
  service::PrepareInput in;
  BD_ASSIGN_OR_RETURN(std::string kind, string_member(body, "kind", false));
  if (kind == "supplement") in.kind = notify::NotificationKind::kSupplement;
  else if (kind == "amendment") in.kind = notify::NotificationKind::kAmendment;
  else if (kind == "withdrawal") in.kind = notify::NotificationKind::kWithdrawal;
  else if (!kind.empty() && kind != "initial") return Error::invalid("kind", "kind must be initial, supplement, amendment or withdrawal");
  BD_ASSIGN_OR_RETURN(std::string status, string_member(body, "status", false));
  if (!status.empty() && status != "preliminary" && status != "final") {
    return Error::invalid("status", "status must be preliminary or final");
  }
  in.status = status == "final" ? notify::NotificationStatus::kFinal : notify::NotificationStatus::kPreliminary;
  return in;
}

Response post_notification(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return fail(body.error());
  auto in = prepare_input(*body);
  if (!in.ok()) return fail(in.error());
  auto r = ctx.services.workflow().prepare_notification(api_actor(request), request.path_param("id"), *in);
  if (!r.ok()) return fail(r.error());
  return json_response(notification_object(*r), 201);
}

Result<service::FilingInput> filing_input(const bj::object& body) {
  service::FilingInput in;
  BD_ASSIGN_OR_RETURN(in.expected_version, version_member(body));
  BD_ASSIGN_OR_RETURN(in.meldnummer, string_member(body, "meldnummer", true));
  BD_ASSIGN_OR_RETURN(std::string at, string_member(body, "submitted_at", true));
  auto instant = pages::iso_to_instant(at);
  if (!instant.ok()) return Error::invalid("submitted_at", "submitted_at must be an ISO 8601 date-time with offset");
  in.submitted_at = *instant;
  BD_ASSIGN_OR_RETURN(in.late_reason, string_member(body, "late_reason", false));
  return in;
}

Response post_filing(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return fail(body.error());
  auto in = filing_input(*body);
  if (!in.ok()) return fail(in.error());
  auto r = ctx.services.workflow().file_notification(api_actor(request), request.path_param("nid"), *in);
  if (!r.ok()) return fail(r.error());
  return json_response(notification_object(*r));
}

Response get_deadlines(const WebContext& ctx, Request& request) {
  auto list = ctx.services.workflow().deadlines(api_actor(request));
  if (!list.ok()) return fail(list.error());
  bj::array items;
  for (const auto& e : *list) {
    items.emplace_back(bj::object{{"breach_id", e.breach_id},
                                  {"reference", e.reference},
                                  {"title", e.title},
                                  {"status", std::string(model::to_token(e.status))},
                                  {"deadline", deadline_object(e.deadline)}});
  }
  return json_response(bj::object{{"items", std::move(items)}});
}

}  // namespace

void add_workflow_api(RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  api.post("/assess", [ctx](Request& r) { return post_assess(*ctx, r); });
  api.get("/breaches/{id}/assessment", [ctx](Request& r) { return get_assessment(*ctx, r); });
  api.post("/breaches/{id}/decision", [ctx](Request& r) { return post_decision(*ctx, r); });
  api.get("/breaches/{id}/transitions", [ctx](Request& r) { return get_transitions(*ctx, r); });
  api.post("/breaches/{id}/transitions", [ctx](Request& r) { return post_transition(*ctx, r); });
  api.get("/breaches/{id}/notifications", [ctx](Request& r) { return get_notifications(*ctx, r); });
  api.post("/breaches/{id}/notifications", [ctx](Request& r) { return post_notification(*ctx, r); });
  api.post("/notifications/{nid}/filing", [ctx](Request& r) { return post_filing(*ctx, r); });
  api.get("/deadlines", [ctx](Request& r) { return get_deadlines(*ctx, r); });
}

}  // namespace bd::http::handlers
