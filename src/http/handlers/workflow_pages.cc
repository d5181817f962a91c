// The assessment panel and the status history on the breach page, the officer's
// decision, lifecycle moves and the deadlines dashboard.
#include <charconv>
#include <cstdio>

#include "base/time_zone.h"
#include "http/error_mapping.h"
#include "http/handlers/workflow_routes.h"
#include "http/handlers/workflow_views.h"
#include "pages/breach_view.h"
#include "pages/form_view.h"

namespace bd::http::handlers {
namespace {

using model::BreachStatus;

Response decision_page(const WebContext& ctx, const Request& request, const service::AssessmentView& av,
                       const Params& input, const std::string& notice, int status) {
  const std::string lang = request_language(ctx, request);
  pages::View v = base_view(ctx, request, "workflow.decide_title", Nav::kRegister);
  v.set("page_title", av.breach.reference + " " + av.breach.title);
  v.set("breach", pages::breach_view(av.breach, ctx.catalog(), lang));
  pages::View panel = workflow_panel(ctx, lang, av);
  pages::View kept{pages::View::type::object};
  kept.set("reason", field(input, "reason"));
  const std::string choice = field(input, "choice");
  kept.set("choice_" + (choice.empty() ? std::string("accept") : choice), true);
  kept.set("inform_" + field(input, "inform_subjects"), true);
  panel.set("input", kept);
  v.set("workflow", panel);
  v.set("notice", notice);
  return render_page(ctx, request, "workflow/decide", v, status);
}

Response post_decision(const WebContext& ctx, Request& request) {
  const service::Actor& actor = *actor_of(request);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string id(request.path_param("id"));
  auto version = version_of(*form);
  if (!version) return error_response(Error::invalid("version", "version missing or invalid"), ResponseFormat::kHtml);
  service::DecideInput in;
  in.expected_version = *version;
  const std::string choice = field(*form, "choice");
  in.accept = choice.empty() || choice == "accept";
  in.notify_ap = choice != "register_only";
  in.inform_subjects = field(*form, "inform_subjects") == "yes";
  in.reason = field(*form, "reason");
  auto decided = ctx.services.workflow().decide(actor, id, in);
  if (decided.ok()) return Response::redirect_see_other("/breaches/" + id + "?decided=1#workflow");
  const Error& e = decided.error();
  if (e.kind != ErrorKind::kConflict && e.kind != ErrorKind::kInvalidInput) {
    return error_response(e, ResponseFormat::kHtml);
  }
  auto av = ctx.services.workflow().assessment(actor, id);
  if (!av.ok()) return error_response(av.error(), ResponseFormat::kHtml);
  const int status = e.kind == ErrorKind::kConflict ? 409 : 400;
  return decision_page(ctx, request, *av, *form, e.message, status);
}

Response post_transition(const WebContext& ctx, Request& request) {
  const service::Actor& actor = *actor_of(request);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string id(request.path_param("id"));
  auto version = version_of(*form);
  auto target = model::status_from_token(field(*form, "to"));
  if (!version) return error_response(Error::invalid("version", "version missing or invalid"), ResponseFormat::kHtml);
  if (!target) return error_response(Error::invalid("to", "unknown status"), ResponseFormat::kHtml);
  service::TransitionInput in{*version, *target, field(*form, "reason")};
  auto moved = ctx.services.workflow().transition(actor, id, in);
  if (moved.ok()) return Response::redirect_see_other("/breaches/" + id + "?saved=1#workflow");
  const Error& e = moved.error();
  if (e.kind != ErrorKind::kConflict && e.kind != ErrorKind::kInvalidInput) {
    return error_response(e, ResponseFormat::kHtml);
  }
  auto av = ctx.services.workflow().assessment(actor, id);
  if (!av.ok()) return error_response(av.error(), ResponseFormat::kHtml);
  return decision_page(ctx, request, *av, *form, e.message, e.kind == ErrorKind::kConflict ? 409 : 400);
}

Response get_deadlines(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  auto list = ctx.services.workflow().deadlines(*actor_of(request));
  if (!list.ok()) return error_response(list.error(), ResponseFormat::kHtml);
  pages::View v = base_view(ctx, request, "workflow.deadlines_title", Nav::kNone);
  v.set("nav_deadlines", true);
  pages::View rows{pages::View::type::list};
  for (const service::DeadlineEntry& e : *list) rows.push_back(deadline_row(ctx, lang, e));
  v.set("rows", rows);
  v.set("empty", list->empty());
  return render_page(ctx, request, "workflow/deadlines", v);
}

}  // namespace

void add_workflow_view(const WebContext& ctx, const Request& request, const model::Breach& breach, pages::View& view) {
  const service::Actor& actor = *actor_of(request);
  const std::string lang = request_language(ctx, request);
  // The history is shown to the same people as the panel (reporters are refused
  // both), also when the engine cannot read the answers.
  auto steps = ctx.services.workflow().status_history(actor, breach.id);
  if (steps.ok()) view.set("status_history", status_history_view(ctx, lang, *steps));
  auto av = ctx.services.workflow().assessment(actor, breach.id);
  if (!av.ok()) return;  // reporters, or answers the engine cannot read: no panel
  view.set("workflow", workflow_panel(ctx, lang, *av));
  if (request.query_param("decided")) view.set("flash_saved", true);
}

void add_workflow_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.post("/breaches/{id}/decision", [ctx](Request& request) { return post_decision(*ctx, request); });
  pages.post("/breaches/{id}/transition", [ctx](Request& request) { return post_transition(*ctx, request); });
  pages.get("/deadlines", [ctx](Request& request) { return get_deadlines(*ctx, request); });
}

void add_workflow_routes(RouteGroup& open, RouteGroup& pages, RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  add_workflow_pages(pages, ctx);
  add_notification_pages(pages, ctx);
  add_calendar_routes(open, pages, ctx);
  add_workflow_api(api, ctx);
}

}  // namespace bd::http::handlers
