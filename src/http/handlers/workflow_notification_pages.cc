// The AP notification of a breach: versions, completeness before filing, the filing
// form, follow-ups, "changed since the last notification", and the print view, PDF
// and JSON export of each version.
#include <sodium.h>

#include <cctype>

#include "http/error_mapping.h"
#include "http/handlers/workflow_routes.h"
#include "http/handlers/workflow_views.h"
#include "pages/breach_view.h"
#include "pages/form_view.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

using pages::View;

// What the person typed into a filing form, kept on a 400/409.
struct FilingForm {
  std::string notification_id;
  const Params* input = nullptr;
};

View changes_view(const service::ChangesView& changes, const std::string& lang) {
  View v{View::type::object};
  if (changes.baseline) {
    v.set("baseline_version", std::to_string(changes.baseline->version));
    v.set("baseline_meldnummer", changes.baseline->meldnummer);
  }
  v.set("has_baseline", changes.baseline.has_value());
  View list{View::type::list};
  for (const auto& c : changes.changes) {
    View item{View::type::object};
    item.set("label", std::string(c.label));
    item.set("before", c.before);
    item.set("after", c.after);
    list.push_back(item);
  }
  v.set("items", list);
  v.set("none", changes.changes.empty());
  (void)lang;
  return v;
}

View missing_view(const std::vector<notify::MissingItem>& missing, const std::string& breach_id) {
  View list{View::type::list};
  for (const auto& m : missing) {
    View item{View::type::object};
    item.set("label", std::string(m.label));
    item.set("required_by", std::string(m.required_by));
    const model::Question* q = model::find_question(m.id);
    if (q != nullptr && q->chapter >= 1 && q->chapter <= 10) {
      item.set("href", "/breaches/" + breach_id + "/chapters/" + std::to_string(q->chapter));
    }
    list.push_back(item);
  }
  return list;
}

Result<View> notification_view(const WebContext& ctx, const Request& request, const std::string& breach_id,
                               const FilingForm& kept) {
  const std::string lang = request_language(ctx, request);
  const model::Language language = pages::to_language(lang);
  const service::Actor& actor = *actor_of(request);
  auto& wf = ctx.services.workflow();
  BD_ASSIGN_OR_RETURN(service::AssessmentView av, wf.assessment(actor, breach_id));
  BD_ASSIGN_OR_RETURN(auto records, wf.notifications(actor, breach_id));
  BD_ASSIGN_OR_RETURN(auto missing, wf.completeness(actor, breach_id, language));
  BD_ASSIGN_OR_RETURN(auto changes, wf.changes_since_last_notification(actor, breach_id, language));
  View v = base_view(ctx, request, "workflow.notification_title", Nav::kRegister);
  v.set("page_title", av.breach.reference + " · " + ctx.catalog().text(lang, "workflow.notification_title"));
  v.set("breach", pages::breach_view(av.breach, ctx.catalog(), lang));
  v.set("version_breach", std::to_string(av.breach.version));
  v.set("can_edit", service::can_edit(actor));
  if (av.deadline) v.set("deadline", deadline_view(lang, *av.deadline));
  v.set("missing", missing_view(missing, av.breach.id));
  v.set("complete", missing.empty());
  View rows{View::type::list};
  bool any_filed = false;
  for (const auto& r : records) {
    View row = notification_row(ctx, lang, r);
    if (r.id == kept.notification_id && kept.input != nullptr) {
      row.set("kept_meldnummer", field(*kept.input, "meldnummer"));
      row.set("kept_date", field(*kept.input, "date"));
      row.set("kept_time", field(*kept.input, "time"));
      row.set("kept_late_reason", field(*kept.input, "late_reason"));
    } else {
      const auto now = pages::iso_to_amsterdam(pages::instant_to_iso(ctx.services.clock().now()));
      row.set("kept_date", now.date);
      row.set("kept_time", now.time);
    }
    any_filed = any_filed || !r.meldnummer.empty();
    rows.push_back(row);
  }
  v.set("notifications", rows);
  v.set("has_notifications", !records.empty());
  const auto s = av.breach.status;
  v.set("can_prepare_initial", !any_filed && records.empty() &&
                                   (s == model::BreachStatus::kDecidedNotify || s == model::BreachStatus::kNotified ||
                                    s == model::BreachStatus::kSubjectsInformed));
  v.set("can_follow_up", any_filed);
  v.set("changes", changes_view(changes, lang));
  return v;
}

Response notification_page(const WebContext& ctx, Request& request, const std::string& breach_id,
                           const FilingForm& kept, const std::string& notice, int status) {
  auto v = notification_view(ctx, request, breach_id, kept);
  if (!v.ok()) return error_response(v.error(), ResponseFormat::kHtml);
  if (!notice.empty()) v->set("notice", notice);
  if (request.query_param("saved")) v->set("flash_saved", true);
  return render_page(ctx, request, "workflow/notification", *v, status);
}

Response post_prepare(const WebContext& ctx, Request& request) {
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string id(request.path_param("id"));
  service::PrepareInput in;
  const std::string kind = field(*form, "kind");
  if (kind == "supplement") in.kind = notify::NotificationKind::kSupplement;
  else if (kind == "amendment") in.kind = notify::NotificationKind::kAmendment;
  else if (kind == "withdrawal") in.kind = notify::NotificationKind::kWithdrawal;
  else if (kind != "initial") return error_response(Error::invalid("kind", "unknown notification kind"), ResponseFormat::kHtml);
  in.status = field(*form, "status") == "final" ? notify::NotificationStatus::kFinal
                                                : notify::NotificationStatus::kPreliminary;
  auto made = ctx.services.workflow().prepare_notification(*actor_of(request), id, in);
  if (made.ok()) return Response::redirect_see_other("/breaches/" + id + "/notification?saved=1");
  if (made.error().kind != ErrorKind::kConflict) return error_response(made.error(), ResponseFormat::kHtml);
  return notification_page(ctx, request, id, {}, made.error().message, 409);
}

Response post_filing(const WebContext& ctx, Request& request) {
  const service::Actor& actor = *actor_of(request);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const std::string nid(request.path_param("nid"));
  auto record = ctx.services.workflow().notification(actor, nid);
  if (!record.ok()) return error_response(record.error(), ResponseFormat::kHtml);
  const FilingForm kept{nid, &*form};
  auto version = version_of(*form);
  if (!version) return error_response(Error::invalid("version", "version missing or invalid"), ResponseFormat::kHtml);
  const std::string lang = request_language(ctx, request);
  auto iso = pages::amsterdam_to_iso(field(*form, "date"), field(*form, "time"));
  auto at = iso.ok() ? pages::iso_to_instant(*iso) : Result<TimePoint>(iso.error());
  if (!at.ok()) {
    return notification_page(ctx, request, record->breach_id, kept, ctx.catalog().text(lang, "workflow.bad_time"), 400);
  }
  service::FilingInput in{*version, field(*form, "meldnummer"), *at, field(*form, "late_reason")};
  auto filed = ctx.services.workflow().file_notification(actor, nid, in);
  if (filed.ok()) return Response::redirect_see_other("/breaches/" + record->breach_id + "/notification?saved=1");
  const Error& e = filed.error();
  if (e.kind != ErrorKind::kConflict && e.kind != ErrorKind::kInvalidInput) return error_response(e, ResponseFormat::kHtml);
  std::string notice = e.message;
  if (e.field == "time.late_reason") notice = ctx.catalog().text(lang, "workflow.late_reason_needed");
  return notification_page(ctx, request, record->breach_id, kept, notice, e.kind == ErrorKind::kConflict ? 409 : 400);
}

Result<notify::ApNotification> document_for(const WebContext& ctx, const Request& request) {
  const model::Language language = pages::to_language(request_language(ctx, request));
  return ctx.services.workflow().notification_document(*actor_of(request), request.path_param("nid"), language);
}

std::string file_name(const notify::ApNotification& doc, std::string_view ext) {
  std::string name = "melding-datalek-" + doc.reference;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
  }
  return name + "." + std::string(ext);
}

// The print view is self-contained: its A4 CSS is one inline <style> element. The
// site-wide CSP forbids inline styles, so this page gets its own policy that allows
// exactly that stylesheet (by its SHA-256) and nothing else.
std::string print_policy(std::string_view html) {
  constexpr std::string_view kOpen = "<style>", kClose = "</style>";
  std::string style_src = "'none'";
  const auto begin = html.find(kOpen);
  const auto end = begin == std::string_view::npos ? begin : html.find(kClose, begin);
  if (end != std::string_view::npos) {
    const std::string_view css = html.substr(begin + kOpen.size(), end - begin - kOpen.size());
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(css.data()), css.size());
    char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    style_src = "'sha256-" + std::string(b64) + "'";
  }
  return "default-src 'none'; style-src " + style_src +
         "; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";
}

Response get_print(const WebContext& ctx, Request& request) {
  auto doc = document_for(ctx, request);
  if (!doc.ok()) return error_response(doc.error(), ResponseFormat::kHtml);
  std::string html = notify::render_print_html(*doc);
  Response r = Response::html(std::move(html));
  r.header("Content-Security-Policy", print_policy(r.body()));
  r.no_store();
  return r;
}

Response get_pdf(const WebContext& ctx, Request& request) {
  auto doc = document_for(ctx, request);
  if (!doc.ok()) return error_response(doc.error(), ResponseFormat::kHtml);
  auto pdf = notify::render_pdf(*doc);
  if (!pdf.ok()) return error_response(pdf.error(), ResponseFormat::kHtml);
  Response r(200);
  r.header("Content-Type", "application/pdf");
  r.header("Content-Disposition", "attachment; filename=\"" + file_name(*doc, "pdf") + "\"");
  r.set_body(std::move(*pdf));
  r.no_store();
  return r;
}

Response get_json(const WebContext& ctx, Request& request) {
  auto doc = document_for(ctx, request);
  if (!doc.ok()) return error_response(doc.error(), ResponseFormat::kJson);
  auto text = ctx.services.workflow().notification_json(*actor_of(request), request.path_param("nid"));
  if (!text.ok()) return error_response(text.error(), ResponseFormat::kJson);
  Response r = Response::json(std::move(*text));
  r.header("Content-Disposition", "attachment; filename=\"" + file_name(*doc, "json") + "\"");
  r.no_store();
  return r;
}

// The web view of a version: every answer in form order with a copy button, for
// pasting into the AP's online form field by field.
Response get_view(const WebContext& ctx, Request& request) {
  auto doc = document_for(ctx, request);
  if (!doc.ok()) return error_response(doc.error(), ResponseFormat::kHtml);
  View v = base_view(ctx, request, "workflow.notification_title", Nav::kRegister);
  v.set("page_title", doc->reference + " · " + doc->kind_label);
  v.set("reference", doc->reference);
  v.set("kind", doc->kind_label);
  v.set("status", doc->status_label);
  v.set("ap_reference", doc->ap_reference);
  v.set("print_href", "/notifications/" + std::string(request.path_param("nid")) + "/print");
  View chapters{View::type::list};
  for (const auto& ch : doc->chapters) {
    View c{View::type::object};
    c.set("number", std::to_string(ch.number));
    c.set("title", std::string(ch.title));
    View items{View::type::list};
    for (const auto& item : ch.items) {
      View i{View::type::object};
      i.set("label", std::string(item.label));
      i.set("answer", item.answer);
      i.set("known", item.known);
      items.push_back(i);
    }
    c.set("items", items);
    chapters.push_back(c);
  }
  v.set("chapters", chapters);
  return render_page(ctx, request, "workflow/view", v);
}

// The copy buttons' script (a file of its own: the CSP allows no inline scripts).
constexpr std::string_view kCopyScript = R"JS("use strict";
document.addEventListener("click", function (e) {
  var b = e.target.closest("button[data-copy]");
  if (!b || !navigator.clipboard) return;
  navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function () {
    b.textContent = b.getAttribute("data-done");
  });
});
)JS";

Response get_copy_script(Request&) {
  Response r(200);
  r.header("Content-Type", "text/javascript; charset=utf-8");
  r.header("Cache-Control", "private, max-age=3600");
  r.set_body(std::string(kCopyScript));
  return r;
}

}  // namespace

void add_notification_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.get("/breaches/{id}/notification", [ctx](Request& request) {
    return notification_page(*ctx, request, std::string(request.path_param("id")), {}, "", 200);
  });
  pages.post("/breaches/{id}/notifications", [ctx](Request& request) { return post_prepare(*ctx, request); });
  pages.post("/notifications/{nid}/filing", [ctx](Request& request) { return post_filing(*ctx, request); });
  pages.get("/notifications/{nid}", [ctx](Request& request) { return get_view(*ctx, request); });
  pages.get("/workflow/copy.js", [](Request& request) { return get_copy_script(request); });
  pages.get("/notifications/{nid}/print", [ctx](Request& request) { return get_print(*ctx, request); });
  pages.get("/notifications/{nid}/pdf", [ctx](Request& request) { return get_pdf(*ctx, request); });
  pages.get("/notifications/{nid}/json", [ctx](Request& request) { return get_json(*ctx, request); });
}

}  // namespace bd::http::handlers
