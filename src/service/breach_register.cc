// BreachService: the register list (filters, paging) and the unpaged walk for exports.
#include <algorithm>

#include "service/breach_service.h"
#include "storage/breach_repository.h"
#include "storage/database.h"

namespace bd::service {
namespace {

constexpr int kMaxPageSize = 500;
constexpr std::int64_t kBatch = 500;
constexpr std::size_t kMaxSearchChars = 200;

storage::BreachQuery to_storage(const Actor& actor, const RegisterQuery& query) {
  storage::BreachQuery q;
  q.organisation_id = actor.organisation_id;
  q.statuses = query.statuses;
  q.incident_type = query.incident_type;
  q.discovered_from = query.discovered_from;
  q.discovered_to = query.discovered_to;
  q.text = query.text.substr(0, kMaxSearchChars);
  q.sort = query.sort;
  if (!can_read_all(actor)) q.reported_by = actor.user_id.empty() ? "-" : actor.user_id;
  return q;
}

}  // namespace

Result<Page<BreachSummary>> BreachService::list(const Actor& actor, const RegisterQuery& query) {
  Page<BreachSummary> page;
  page.page_size = std::clamp(query.page_size, 1, kMaxPageSize);
  page.page = std::max(query.page, 1);
  auto q = to_storage(actor, query);
  q.limit = page.page_size;
  q.offset = static_cast<std::int64_t>(page.page - 1) * page.page_size;
  BD_ASSIGN_OR_RETURN(auto found, db_.breaches().list(q));
  page.items = std::move(found.items);
  page.total = found.total;
  return page;
}

Result<std::vector<model::Breach>> BreachService::all(const Actor& actor, const RegisterQuery& query) {
  auto q = to_storage(actor, query);
  q.sort = storage::BreachSort::kReferenceAsc;
  q.limit = kBatch;
  std::vector<model::Breach> out;
  for (q.offset = 0;; q.offset += kBatch) {
    BD_ASSIGN_OR_RETURN(auto found, db_.breaches().list(q));
    for (const auto& row : found.items) {
      BD_ASSIGN_OR_RETURN(auto breach, db_.breaches().get(actor.organisation_id, row.id));
      out.push_back(std::move(breach));
    }
    if (static_cast<std::int64_t>(found.items.size()) < kBatch) break;
  }
  return out;
}

}  // namespace bd::service
