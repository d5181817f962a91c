// Internal to src/http/handlers: view data of the workflow pages (assessment panel,
// status history, deadlines rows, notification versions) built from the
// WorkflowService's results, with every text from the catalogs or the engine's own
// nl/en sentences.
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/handlers/web_context.h"
#include "http/request.h"
#include "service/workflow_service.h"

namespace bd::http::handlers {

// The "version" form field as a positive number.
std::optional<std::int64_t> version_of(const Params& form);

// The assessment panel: proposal, severity, reasons, exemptions, unknowns, the
// deadline, the last decision and the forms the actor may use.
pages::View workflow_panel(const WebContext& ctx, const std::string& lang, const service::AssessmentView& av);

// The clock for people: due (Amsterdam), the sentence, overdue/filed flags.
pages::View deadline_view(const std::string& lang, const model::DeadlineStatus& status);

// One row of the deadlines dashboard.
pages::View deadline_row(const WebContext& ctx, const std::string& lang, const service::DeadlineEntry& entry);

// The breach page's decisions and status history: every move oldest first with when
// (Europe/Amsterdam), who, the status labels and the reason, and for a decision the
// outcome next to the proposal it was made on (workflow_history_view.cc).
pages::View status_history_view(const WebContext& ctx, const std::string& lang,
                                const std::vector<service::HistoryStep>& steps);

// One notification version for the notification page.
pages::View notification_row(const WebContext& ctx, const std::string& lang,
                             const storage::ApNotificationRecord& record);

}  // namespace bd::http::handlers
