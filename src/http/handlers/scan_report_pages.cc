// The "Scanrapporten" section of the breach page: attached reports with their
// headline figures, the upload form, and per report the suggested answers next to the
// current ones with a checkbox each and one "Antwoorden overnemen" button.
#include <algorithm>
#include <charconv>

#include "http/error_mapping.h"
#include "http/handlers/scan_report_routes.h"
#include "model/form_schema.h"
#include "pages/form_view.h"
#include "pages/local_time.h"
#include "service/text.h"

namespace bd::http::handlers {
namespace {

using pages::View;

// The upload is a report of at most 16 MiB (service::kMaxReportBytes, checked by the
// service with a clear message); the route and parser allow a little more so that
// message is what people see.
constexpr std::size_t kUploadBodyBytes = 17 * 1024 * 1024 + 64 * 1024;

MultipartLimits upload_limits() {
  MultipartLimits limits;
  limits.max_file_bytes = 17 * 1024 * 1024;
  return limits;
}

std::string breach_href(std::string_view id) { return "/breaches/" + std::string(id); }

std::string categories_text(const WebContext& ctx, const std::string& lang, const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + ctx.catalog().text(lang, "scan.category." + k);
  return out.empty() ? ctx.catalog().text(lang, "scan.no_categories") : out;
}

const model::Value* find_value(const model::Answers& a, std::string_view id) {
  auto it = a.find(id);
  return it == a.end() || model::is_unknown(it->second) ? nullptr : &it->second;
}

std::string count_text(const model::Value* v) {
  const auto* n = v == nullptr ? nullptr : std::get_if<std::int64_t>(v);
  return n == nullptr ? "?" : std::to_string(*n);
}

// The subjects suggestion as one line: "2 (exact)" or "900 – 950".
std::string subjects_text(const WebContext& ctx, const std::string& lang, const model::Answers& a) {
  const model::Value* known = find_value(a, "subjects.count_known");
  const model::Value* exact = find_value(a, "subjects.count");
  const model::Value* min = find_value(a, "subjects.count_min");
  const model::Value* max = find_value(a, "subjects.count_max");
  const bool is_known = known != nullptr && std::get_if<bool>(known) != nullptr && std::get<bool>(*known);
  if (is_known || (exact != nullptr && min == nullptr && max == nullptr)) {
    if (exact == nullptr) return ctx.catalog().text(lang, "form.not_known");
    return ctx.catalog().format(lang, "scan.subjects_exact", {{"count", count_text(exact)}});
  }
  if (min == nullptr && max == nullptr) return ctx.catalog().text(lang, "form.not_known");
  return ctx.catalog().format(lang, "scan.subjects_range", {{"min", count_text(min)}, {"max", count_text(max)}});
}

std::string answer_text(const WebContext& ctx, const std::string& lang, const std::string& id,
                        const model::Answers& a) {
  if (id == "subjects.count") return subjects_text(ctx, lang, a);
  const model::Value* v = find_value(a, id);
  const model::Question* q = model::find_question(id);
  if (v == nullptr || q == nullptr) return ctx.catalog().text(lang, "form.not_known");
  const std::string text = pages::display_value(*q, *v, ctx.catalog(), lang);
  return text.empty() ? ctx.catalog().text(lang, "scan.none_ticked") : text;
}

std::string choice_label(const WebContext& ctx, const std::string& lang, const std::string& id) {
  if (id == "subjects.count") return ctx.catalog().text(lang, "scan.choice_subjects");
  const model::Question* q = model::find_question(id);
  return q == nullptr ? id : std::string(q->label(pages::to_language(lang)));
}

// Ticked in advance: suggestions that only add (ticked data categories) or fill answers
// that are still unknown. Replacing an officer's answer is left for them to tick.
bool fills_gaps(const service::ScanSuggestion& s) {
  if (s.id == "data.general" || s.id == "data.special") return true;
  return std::all_of(s.current.begin(), s.current.end(), [](const auto& kv) { return model::is_unknown(kv.second); });
}

View suggestions_view(const WebContext& ctx, const std::string& lang, const service::ScanReportDetail& d) {
  View list{View::type::list};
  for (const auto& s : d.suggestions) {
    View item{View::type::object};
    item.set("id", s.id);
    item.set("input_id", "scan-" + d.record.id + "-" + s.id);
    item.set("label", choice_label(ctx, lang, s.id));
    item.set("current", answer_text(ctx, lang, s.id, s.current));
    item.set("proposed", answer_text(ctx, lang, s.id, s.proposed));
    item.set("changes", s.changes);
    item.set("checked", s.changes && fills_gaps(s));
    list.push_back(item);
  }
  return list;
}

View report_view(const WebContext& ctx, const std::string& lang, const service::ScanReportDetail& d) {
  const service::ScanReportRecord& r = d.record;
  View item{View::type::object};
  item.set("id", r.id);
  item.set("label", r.label);
  item.set("uploaded_at", pages::display_instant(r.uploaded_at, lang));
  item.set("uploaded_by", r.uploaded_by_email.empty() ? ctx.catalog().text(lang, "scan.operator") : r.uploaded_by_email);
  item.set("records", std::to_string(r.records));
  item.set("records_with_personal_data", std::to_string(r.records_with_personal_data));
  const std::int64_t max = r.persons_distinct + r.records_unidentified;
  item.set("persons", r.records_unidentified == 0 ? std::to_string(r.persons_distinct)
                                                   : std::to_string(r.persons_distinct) + " – " + std::to_string(max));
  item.set("categories", categories_text(ctx, lang, r.categories));
  item.set("encrypted", r.encrypted);
  item.set("apply_action", breach_href(r.breach_id) + "/scan-reports/" + r.id + "/apply");
  item.set("suggestions", suggestions_view(ctx, lang, d));
  item.set("has_suggestions", !d.suggestions.empty());
  return item;
}

std::optional<std::int64_t> version_field(const Params& form) {
  const std::string text = field(form, "version");
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 1) return {};
  return v;
}

// The upload's report and label, from a file input or the paste field.
Result<service::ScanReportUpload> read_upload(const Request& request) {
  service::ScanReportUpload upload;
  Params fields;
  if (request.is_multipart()) {
    BD_ASSIGN_OR_RETURN(MultipartForm form, request.multipart(upload_limits()));
    const MultipartPart* file = form.file("report_file");
    if (file != nullptr && !file->data.empty()) {
      upload.json = file->data;
      upload.label = file->filename.value_or("");
    }
    fields = std::move(form.fields);
  } else {
    BD_ASSIGN_OR_RETURN(fields, request.form());
  }
  if (upload.json.empty()) upload.json = field(fields, "report_text");
  if (const std::string label = service::trim(field(fields, "label")); !label.empty()) upload.label = label;
  return upload;
}

Response post_upload(const WebContext& ctx, Request& request) {
  const std::string id(request.path_param("id"));
  auto upload = read_upload(request);
  if (!upload.ok()) return error_page(ctx, request, upload.error());
  auto stored = ctx.services.scan_reports().attach(*actor_of(request), id, *upload);
  if (!stored.ok()) return error_page(ctx, request, stored.error());
  return Response::redirect_see_other(breach_href(stored->breach_id) + "?scan_added=1#scan-reports");
}

Response post_apply(const WebContext& ctx, Request& request) {
  auto form = request.form();
  if (!form.ok()) return error_page(ctx, request, form.error());
  const auto version = version_field(*form);
  if (!version) return error_page(ctx, request, Error::invalid("version", "version missing or invalid"));
  service::ApplyScanAnswers choice;
  choice.expected_version = *version;
  for (std::string_view id : form->all("answer")) choice.ids.emplace_back(id);
  const std::string id(request.path_param("id"));
  auto saved = ctx.services.scan_reports().apply(*actor_of(request), id, request.path_param("rid"), choice);
  if (!saved.ok()) return error_page(ctx, request, saved.error());
  return Response::redirect_see_other(breach_href(saved->id) + "?scan_applied=1#scan-reports");
}

}  // namespace

void add_scan_report_view(const WebContext& ctx, const Request& request, const model::Breach& breach,
                          pages::View& view) {
  const service::Actor& actor = *actor_of(request);
  const std::string lang = request_language(ctx, request);
  auto& reports = ctx.services.scan_reports();
  auto list = reports.list(actor, breach.id);
  if (!list.ok()) return;
  View items{View::type::list};
  for (const auto& record : *list) {
    auto detail = reports.get(actor, breach.id, record.id);
    if (detail.ok()) items.push_back(report_view(ctx, lang, *detail));
  }
  View section{View::type::object};
  section.set("items", items);
  section.set("has_items", !list->empty());
  section.set("can_edit", service::can_edit(actor));
  section.set("upload_action", breach_href(breach.id) + "/scan-reports");
  section.set("version", std::to_string(breach.version));
  section.set("flash_added", request.query_param("scan_added").has_value());
  section.set("flash_applied", request.query_param("scan_applied").has_value());
  view.set("scan_reports", section);
}

void add_scan_report_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  RouteOptions upload;
  upload.max_body_bytes = kUploadBodyBytes;
  pages.post("/breaches/{id}/scan-reports", [ctx](Request& r) { return post_upload(*ctx, r); }, upload);
  pages.post("/breaches/{id}/scan-reports/{rid}/apply", [ctx](Request& r) { return post_apply(*ctx, r); });
}

void add_scan_report_routes(RouteGroup& pages, RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  add_scan_report_pages(pages, ctx);
  add_scan_report_api(api, std::move(ctx));
}

}  // namespace bd::http::handlers
