// The breach register: list/search with filters, sorting, paging and a total count.
// The filters become placeholders (never spliced into the SQL); only the ORDER BY
// clause and the integer LIMIT/OFFSET are chosen from fixed, validated values.
#include <soci/soci.h>

#include "storage/breach_codec.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::from_column;

struct Param {
  bool is_int = false;
  std::string text;
  long long number = 0;
};

struct Filter {
  std::string where;  // " WHERE …" with placeholders :p0, :p1, …
  std::vector<Param> params;

  std::string add(std::string text) {
    params.push_back({false, std::move(text), 0});
    return ":p" + std::to_string(params.size() - 1);
  }
  std::string add(long long number) {
    params.push_back({true, {}, number});
    return ":p" + std::to_string(params.size() - 1);
  }
};

Filter build_filter(const BreachQuery& q) {
  Filter f;
  f.where = " WHERE organisation_id = " + f.add(q.organisation_id);
  if (!q.statuses.empty()) {
    std::string list;
    for (auto status : q.statuses) {
      list += (list.empty() ? "" : ", ") + f.add(std::string(model::to_token(status)));
    }
    f.where += " AND status IN (" + list + ")";
  }
  if (!q.incident_type.empty()) f.where += " AND incident_type = " + f.add(q.incident_type);
  if (q.discovered_from) f.where += " AND discovered_at >= " + f.add(detail::to_column(*q.discovered_from));
  if (q.discovered_to) f.where += " AND discovered_at < " + f.add(detail::to_column(*q.discovered_to));
  if (!q.reported_by.empty()) f.where += " AND reported_by = " + f.add(q.reported_by);
  if (!q.text.empty()) {
    std::string pattern(1, '%');  // built by appending: g++ 12 -O2 misreports "%" + string (-Wrestrict)
    pattern += detail::escape_like(detail::fold_case(q.text));
    pattern += '%';
    f.where += " AND search_text LIKE " + f.add(std::move(pattern)) + " ESCAPE '\\'";
  }
  return f;
}

std::string_view order_by(BreachSort sort) {
  switch (sort) {
    case BreachSort::kUpdatedAsc: return "updated_at ASC, id ASC";
    case BreachSort::kDiscoveredDesc: return "discovered_at IS NOT NULL DESC, discovered_at DESC, id DESC";
    case BreachSort::kDiscoveredAsc: return "discovered_at IS NULL, discovered_at ASC, id ASC";
    case BreachSort::kReferenceDesc: return "reference DESC";
    case BreachSort::kReferenceAsc: return "reference ASC";
    case BreachSort::kTitleAsc: return "title ASC, id ASC";
    case BreachSort::kStatusAsc: return "status ASC, updated_at DESC, id DESC";
    case BreachSort::kUpdatedDesc: break;
  }
  return "updated_at DESC, id DESC";
}

void bind_params(soci::statement& st, Filter& f) {
  for (Param& p : f.params) {
    if (p.is_int) {
      st.exchange(soci::use(p.number));
    } else {
      st.exchange(soci::use(p.text));
    }
  }
}

// Counts matches, stopping after `cap` + 1 of them when cap > 0 (an exact count of a
// six-figure register costs more than the page itself).
long long count_rows(soci::session& s, Filter& f, std::int64_t cap) {
  long long total = 0;
  soci::statement st(s);
  st.exchange(soci::into(total));
  bind_params(st, f);
  st.alloc();
  if (cap > 0) {
    st.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM breaches" + f.where + " LIMIT " + std::to_string(cap + 1) +
               ") AS matches");
  } else {
    st.prepare("SELECT COUNT(*) FROM breaches" + f.where);
  }
  st.define_and_bind();
  st.execute(true);
  return total;
}

struct SummaryRow {
  std::string id, organisation_id, reference, title, status, incident_type, reported_by;
  long long version = 0, discovered_at = 0, created_at = 0, updated_at = 0;
  soci::indicator discovered_ind = soci::i_null;
};

Result<BreachSummary> to_summary(const SummaryRow& r) {
  auto status = model::status_from_token(r.status);
  if (!status) return Error::internal("stored breach has an unknown status: " + r.status);
  BreachSummary out{r.id, r.organisation_id, r.reference, r.title, *status, r.version, r.incident_type,
                    std::nullopt, r.reported_by, from_column(r.created_at), from_column(r.updated_at)};
  if (r.discovered_ind == soci::i_ok) out.discovered_at = from_column(r.discovered_at);
  return out;
}

Result<std::vector<BreachSummary>> fetch_page(soci::session& s, Filter& f, const BreachQuery& q) {
  SummaryRow r;
  soci::statement st(s);
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.organisation_id));
  st.exchange(soci::into(r.reference));
  st.exchange(soci::into(r.title));
  st.exchange(soci::into(r.status));
  st.exchange(soci::into(r.version));
  st.exchange(soci::into(r.incident_type));
  st.exchange(soci::into(r.discovered_at, r.discovered_ind));
  st.exchange(soci::into(r.reported_by));
  st.exchange(soci::into(r.created_at));
  st.exchange(soci::into(r.updated_at));
  bind_params(st, f);
  st.alloc();
  st.prepare("SELECT id, organisation_id, reference, title, status, version, incident_type, discovered_at, "
             "reported_by, created_at, updated_at FROM breaches" +
             f.where + " ORDER BY " + std::string(order_by(q.sort)) + " LIMIT " + std::to_string(q.limit) +
             " OFFSET " + std::to_string(q.offset));
  st.define_and_bind();
  st.execute();
  std::vector<BreachSummary> out;
  while (st.fetch()) {
    BD_ASSIGN_OR_RETURN(BreachSummary summary, to_summary(r));
    out.push_back(std::move(summary));
  }
  return out;
}

}  // namespace

Result<BreachPage> BreachRepository::list(const BreachQuery& query) {
  if (query.organisation_id.empty()) return Error::invalid("organisation_id", "the register needs an organisation");
  if (query.limit < 1 || query.limit > 1000) return Error::invalid("limit", "limit must be between 1 and 1000");
  if (query.offset < 0) return Error::invalid("offset", "offset must not be negative");
  if (query.count_cap < 0) return Error::invalid("count_cap", "count_cap must not be negative");
  if (query.text.size() > 200) return Error::invalid("q", "the search text is too long (200 characters at most)");
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return detail::guarded("list breaches", [&]() -> Result<BreachPage> {
    Filter filter = build_filter(query);
    BreachPage page;
    page.total = count_rows(lease.session(), filter, query.count_cap);
    if (query.count_cap > 0 && page.total > query.count_cap) {
      page.total = query.count_cap;
      page.total_capped = true;
    }
    if (page.total_capped || page.total > query.offset) {
      BD_ASSIGN_OR_RETURN(page.items, fetch_page(lease.session(), filter, query));
    }
    return page;
  });
}

}  // namespace bd::storage
