// Internal to src/http/handlers: scan reports attached to a breach
// (service/scan_report_service.h) — the "Scanrapporten" section of the breach page,
// its upload and "Antwoorden overnemen" forms, and the JSON API.
//
//   pages   POST /breaches/{id}/scan-reports              upload: multipart/form-data with
//                                                         a `report_file` file input, or the
//                                                         `report_text` paste field; `label`
//           POST /breaches/{id}/scan-reports/{rid}/apply  `version` and one `answer` per
//                                                         chosen suggestion
//   api     POST /api/v1/breaches/{id}/scan-reports       body: the report JSON; ?label=
//           GET  /api/v1/breaches/{id}/scan-reports
//           GET  /api/v1/breaches/{id}/scan-reports/{rid}
//           POST /api/v1/breaches/{id}/scan-reports/{rid}/apply  {"version", "ids"}
//
// Thread-safety: handlers only read the shared WebContext. Failure: service errors
// become the mapped status (error_mapping.h) as a page or JSON; nothing is written.
#pragma once

#include <memory>

#include "http/handlers/web_context.h"
#include "http/router.h"
#include "model/breach.h"

namespace bd::http::handlers {

void add_scan_report_routes(RouteGroup& pages, RouteGroup& api, std::shared_ptr<const WebContext> ctx);

// Sets "scan_reports" (the list, the suggestions with checkboxes, the upload form) on
// the breach page's view. Leaves it unset when the reports cannot be read.
void add_scan_report_view(const WebContext& ctx, const Request& request, const model::Breach& breach,
                          pages::View& view);

// Internal pieces (one file each).
void add_scan_report_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
void add_scan_report_api(RouteGroup& api, std::shared_ptr<const WebContext> ctx);

}  // namespace bd::http::handlers
