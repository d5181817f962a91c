// The register (GET /breaches) and the intake "Meld een (mogelijk) datalek" (/report).
#include <charconv>

#include "http/error_mapping.h"
#include "http/handlers/session_pages.h"
#include "model/form_schema.h"
#include "pages/breach_view.h"
#include "pages/form_view.h"
#include "http/handlers/register_sort.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

constexpr int kPageSize = 25;

int parse_page(std::optional<std::string_view> text) {
  if (!text) return 1;
  int page = 1;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), page);
  return ec == std::errc() && end == text->data() + text->size() && page >= 1 && page <= 100000 ? page : 1;
}

std::string query_value(const Request& request, std::string_view name) {
  auto v = request.query_param(name);
  return v ? std::string(*v) : std::string();
}

// Reads the filters; a malformed date is reported in `errors` and ignored.
service::RegisterQuery register_query(const Request& request, pages::View& filters, std::vector<std::string>& errors,
                                      const WebContext& ctx, const std::string& lang) {
  service::RegisterQuery q;
  q.page_size = kPageSize;
  q.page = parse_page(request.query_param("page"));
  const std::string status = query_value(request, "status");
  if (auto s = model::status_from_token(status)) q.statuses.push_back(*s);
  q.incident_type = query_value(request, "incident_type");
  if (!q.incident_type.empty() && pages::option_label("breach.incident_type", q.incident_type, lang) == q.incident_type) {
    q.incident_type.clear();  // not one of the options
  }
  q.text = query_value(request, "q");
  const std::string from = query_value(request, "from");
  const std::string to = query_value(request, "to");
  if (!from.empty()) {
    if (auto t = pages::amsterdam_start_of_day(from); t.ok()) q.discovered_from = *t;
    else errors.push_back(ctx.catalog().text(lang, "register.bad_from"));
  }
  if (!to.empty()) {
    if (auto t = pages::amsterdam_start_of_day(to); t.ok()) q.discovered_to = *t + std::chrono::hours(24);
    else errors.push_back(ctx.catalog().text(lang, "register.bad_to"));
  }
  const std::string sort = query_value(request, "sort");
  if (auto s = sort_from_token(sort)) q.sort = *s;
  pages::View sorts{pages::View::type::list};
  for (const auto& [token, value] : kSortTokens) {
    pages::View opt{pages::View::type::object};
    opt.set("value", std::string(token));
    opt.set("label", ctx.catalog().text(lang, "register.sort_" + std::string(token)));
    opt.set("selected", value == q.sort);
    sorts.push_back(opt);
  }
  filters.set("sorts", sorts);
  filters.set("q", q.text);
  filters.set("from", from);
  filters.set("to", to);
  filters.set("statuses", pages::status_options(ctx.catalog(), lang, status));
  pages::View types{pages::View::type::list};
  const model::Question* it = model::find_question("breach.incident_type");
  for (const model::Option& o : it->options) {
    pages::View opt{pages::View::type::object};
    opt.set("value", std::string(o.token));
    opt.set("label", std::string(model::label(o, pages::to_language(lang))));
    opt.set("selected", o.token == q.incident_type);
    types.push_back(opt);
  }
  filters.set("incident_types", types);
  return q;
}

std::string page_href(const Request& request, int page) {
  std::string href = "/breaches?";
  for (const auto& [name, value] : request.query().entries()) {
    if (name == "page" || name == "lang") continue;
    href += percent_encode(name) + "=" + percent_encode(value) + "&";
  }
  return href + "page=" + std::to_string(page);
}

pages::View register_rows(const service::Page<service::BreachSummary>& page, const WebContext& ctx,
                          const std::string& lang) {
  pages::View rows{pages::View::type::list};
  for (const auto& b : page.items) {
    pages::View row{pages::View::type::object};
    row.set("href", "/breaches/" + b.id);
    row.set("reference", b.reference);
    row.set("title", b.title);
    row.set("status", pages::status_label(ctx.catalog(), lang, b.status));
    row.set("status_token", std::string(model::to_token(b.status)));
    row.set("incident_type", b.incident_type.empty() ? "" : pages::option_label("breach.incident_type", b.incident_type, lang));
    row.set("discovered", b.discovered_at ? pages::display_instant(*b.discovered_at, lang) : std::string());
    rows.push_back(row);
  }
  return rows;
}

Response get_register(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  const service::Actor& actor = *actor_of(request);
  pages::View v = base_view(ctx, request, "register.title", Nav::kRegister);
  pages::View filters{pages::View::type::object};
  std::vector<std::string> errors;
  service::RegisterQuery q = register_query(request, filters, errors, ctx, lang);
  auto page = ctx.services.breaches().list(actor, q);
  if (!page.ok()) return error_response(page.error(), ResponseFormat::kHtml);
  v.set("filters", filters);
  pages::View error_list{pages::View::type::list};
  for (const auto& e : errors) error_list.push_back(pages::View(e));
  v.set("filter_errors", error_list);
  v.set("rows", register_rows(*page, ctx, lang));
  v.set("empty", page->items.empty());
  v.set("total", ctx.catalog().format(lang, "register.total", {{"count", std::to_string(page->total)}}));
  v.set("page_info", ctx.catalog().format(lang, "register.page_info",
                                          {{"page", std::to_string(page->page)},
                                           {"pages", std::to_string(page->page_count())}}));
  if (page->page > 1) v.set("prev_href", page_href(request, page->page - 1));
  if (page->page < page->page_count()) v.set("next_href", page_href(request, page->page + 1));
  if (request.query_param("created")) v.set("flash_created", true);
  return render_page(ctx, request, "register", v);
}

}  // namespace

Response intake_form(const WebContext& ctx, const Request& request, const Params* input,
                     const pages::FieldErrors& errors, int status);
Response post_intake(const WebContext& ctx, Request& request);

void add_register_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.get("/", [](Request&) { return Response::redirect_see_other("/breaches"); });
  pages.get("/breaches", [ctx](Request& request) { return get_register(*ctx, request); });
  pages.get("/report", [ctx](Request& request) { return intake_form(*ctx, request, nullptr, {}, 200); });
  pages.post("/report", [ctx](Request& request) { return post_intake(*ctx, request); });
}

}  // namespace bd::http::handlers
