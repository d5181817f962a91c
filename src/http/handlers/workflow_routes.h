// Internal to src/http/handlers: the routes and views of the workflow — the
// assessment panel on the breach page, the officer's decision, lifecycle moves, the
// AP notification (print, PDF, JSON, completeness, filing, follow-ups, changes), the
// deadlines dashboard, the calendar feed and the JSON API of these.
//
//   pages   POST /breaches/{id}/decision, POST /breaches/{id}/transition,
//           GET  /breaches/{id}/notification, POST /breaches/{id}/notifications,
//           GET  /notifications/{nid} (copy view), GET /workflow/copy.js,
//           GET  /notifications/{nid}/print, GET /notifications/{nid}/pdf,
//           GET  /notifications/{nid}/json, POST /notifications/{nid}/filing,
//           GET  /deadlines, GET/POST /calendar
//   public  GET  /calendar/{token}.ics (the token is the secret; no session)
//   api     POST /api/v1/assess, GET /api/v1/breaches/{id}/assessment,
//           POST /api/v1/breaches/{id}/decision, GET/POST /api/v1/breaches/{id}/transitions,
//           GET/POST /api/v1/breaches/{id}/notifications, GET /api/v1/deadlines
//
// Thread-safety: handlers only read the shared WebContext. Failure: service errors
// become the mapped status (error_mapping.h); a stale version re-renders the form
// with the person's input and 409.
#pragma once

#include <memory>

#include "http/handlers/web_context.h"
#include "http/router.h"
#include "model/breach.h"

namespace bd::http::handlers {

// Adds every workflow route to the three groups of register_routes().
void add_workflow_routes(RouteGroup& open, RouteGroup& pages, RouteGroup& api, std::shared_ptr<const WebContext> ctx);

// Sets "workflow" (the assessment panel, decision and lifecycle forms) and
// "status_history" (decisions and status history) on the breach page's view; leaves
// them unset for people who may not see the assessment.
void add_workflow_view(const WebContext& ctx, const Request& request, const model::Breach& breach, pages::View& view);

// Internal pieces (one file each).
void add_workflow_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
void add_notification_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
void add_workflow_api(RouteGroup& api, std::shared_ptr<const WebContext> ctx);
void add_calendar_routes(RouteGroup& open, RouteGroup& pages, std::shared_ptr<const WebContext> ctx);

}  // namespace bd::http::handlers
