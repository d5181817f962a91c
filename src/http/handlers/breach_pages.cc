// The breach page (summary, status, key answers, history) and the form editor of
// the ten chapters of the AP form plus chapter 11, the facts for the assessment.
#include <charconv>

#include "http/error_mapping.h"
#include "http/handlers/attachment_routes.h"
#include "http/handlers/scan_report_routes.h"
#include "http/handlers/session_pages.h"
#include "http/handlers/workflow_routes.h"
#include "model/form_schema.h"
#include "pages/breach_view.h"
#include "pages/form_view.h"

namespace bd::http::handlers {
namespace {

constexpr int kFirstChapter = 1;
constexpr int kLastChapter = pages::kAssessmentChapter;

std::optional<int> chapter_param(const Request& request) {
  const std::string_view text = request.path_param("n");
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < kFirstChapter || n > kLastChapter) return {};
  return n;
}

std::optional<std::int64_t> version_field(const Params& form) {
  const std::string text = field(form, "version");
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 1) return {};
  return v;
}

Response get_breach(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  const service::Actor& actor = *actor_of(request);
  auto breach = ctx.services.breaches().get(actor, request.path_param("id"));
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kHtml);
  auto revisions = ctx.services.breaches().revisions(actor, breach->id);
  if (!revisions.ok()) return error_response(revisions.error(), ResponseFormat::kHtml);
  pages::View v = base_view(ctx, request, "breach.title", Nav::kRegister);
  v.set("page_title", breach->reference + " " + breach->title);
  v.set("breach", pages::breach_view(*breach, ctx.catalog(), lang));
  v.set("revisions", pages::revisions_view(*revisions, ctx.catalog(), lang));
  v.set("statuses", pages::status_options(ctx.catalog(), lang, model::to_token(breach->status)));
  add_workflow_view(ctx, request, *breach, v);
  add_scan_report_view(ctx, request, *breach, v);
  add_attachment_view(ctx, request, *breach, AttachmentReturn::kBreach, v);
  if (request.query_param("reported")) v.set("flash_reported", true);
  if (request.query_param("saved")) v.set("flash_saved", true);
  return render_page(ctx, request, "breach", v);
}

pages::View chapter_nav(const WebContext& ctx, const model::Breach& breach, int current, const std::string& lang) {
  pages::View list{pages::View::type::list};
  for (int n = kFirstChapter; n <= kLastChapter; ++n) {
    pages::View c{pages::View::type::object};
    c.set("number", std::to_string(n));
    c.set("title", pages::chapter_title(n, ctx.catalog(), lang));
    c.set("href", "/breaches/" + breach.id + "/chapters/" + std::to_string(n));
    c.set("current", n == current);
    list.push_back(c);
  }
  return list;
}

Response chapter_page(const WebContext& ctx, const Request& request, const model::Breach& breach, int chapter,
                      const pages::FieldErrors& errors, const pages::FormFields* input, std::int64_t version,
                      const std::string& notice, int status) {
  const std::string lang = request_language(ctx, request);
  pages::View v = base_view(ctx, request, "chapter.title", Nav::kRegister);
  pages::View form = pages::chapter_view(chapter, breach.answers, ctx.catalog(), lang, errors, input);
  v.set("page_title", breach.reference + " · " + std::to_string(chapter) + ". " +
                          pages::chapter_title(chapter, ctx.catalog(), lang));
  v.set("form", form);
  v.set("breach", pages::breach_view(breach, ctx.catalog(), lang));
  v.set("chapter_nav", chapter_nav(ctx, breach, chapter, lang));
  v.set("action", "/breaches/" + breach.id + "/chapters/" + std::to_string(chapter));
  v.set("version", std::to_string(version));
  v.set("has_next", chapter < kLastChapter);
  v.set("has_errors", !errors.empty());
  if (!notice.empty()) v.set("conflict", notice);
  if (chapter == attachment_chapter()) add_attachment_view(ctx, request, breach, AttachmentReturn::kChapter, v);
  if (request.query_param("saved")) v.set("flash_saved", true);
  return render_page(ctx, request, "chapter", v, status);
}

Response get_chapter(const WebContext& ctx, Request& request) {
  const service::Actor& actor = *actor_of(request);
  auto chapter = chapter_param(request);
  if (!chapter) return error_response(Error::not_found("no such chapter"), ResponseFormat::kHtml);
  auto breach = ctx.services.breaches().get(actor, request.path_param("id"));
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kHtml);
  if (!service::can_edit(actor)) return Response::redirect_see_other("/breaches/" + breach->id);
  return chapter_page(ctx, request, *breach, *chapter, {}, nullptr, breach->version, "", 200);
}

Response post_chapter(const WebContext& ctx, Request& request) {
  const std::string lang = request_language(ctx, request);
  const service::Actor& actor = *actor_of(request);
  auto chapter = chapter_param(request);
  if (!chapter) return error_response(Error::not_found("no such chapter"), ResponseFormat::kHtml);
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  auto breach = ctx.services.breaches().get(actor, request.path_param("id"));
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kHtml);
  const pages::FormFields& fields = form->entries();
  const auto version = version_field(*form);
  if (!version) return error_response(Error::invalid("version", "version missing or invalid"), ResponseFormat::kHtml);
  pages::ChapterInput parsed = pages::parse_chapter(*chapter, fields, breach->answers, ctx.catalog(), lang);
  if (!parsed.errors.empty()) {
    return chapter_page(ctx, request, *breach, *chapter, parsed.errors, &fields, *version, "", 400);
  }
  service::BreachUpdate update;
  update.expected_version = *version;
  update.changes = std::move(parsed.changes);
  auto saved = ctx.services.breaches().update(actor, breach->id, update);
  if (!saved.ok()) {
    const Error& e = saved.error();
    if (e.kind == ErrorKind::kConflict) {
      // Keep what the person typed; the hidden version moves to the current one so a
      // deliberate second save applies their input over the other change.
      const std::string notice = ctx.catalog().format(lang, "chapter.conflict", {{"version", std::to_string(breach->version)}});
      return chapter_page(ctx, request, *breach, *chapter, {}, &fields, breach->version, notice, 409);
    }
    if (e.kind != ErrorKind::kInvalidInput) return error_response(e, ResponseFormat::kHtml);
    pages::FieldErrors errors{{e.field.empty() ? std::string("form") : e.field, e.message}};
    return chapter_page(ctx, request, *breach, *chapter, errors, &fields, *version, e.field.empty() ? e.message : "", 400);
  }
  const bool next = field(*form, "then") == "next" && *chapter < kLastChapter;
  const int target = next ? *chapter + 1 : *chapter;
  return Response::redirect_see_other("/breaches/" + breach->id + "/chapters/" + std::to_string(target) + "?saved=1");
}

Response post_status(const WebContext& ctx, Request& request) {
  auto form = request.form();
  if (!form.ok()) return error_response(form.error(), ResponseFormat::kHtml);
  const auto version = version_field(*form);
  const auto status = model::status_from_token(field(*form, "status"));
  if (!version) return error_response(Error::invalid("version", "version missing or invalid"), ResponseFormat::kHtml);
  if (!status) return error_response(Error::invalid("status", "unknown status"), ResponseFormat::kHtml);
  service::BreachUpdate update;
  update.expected_version = *version;
  update.status = *status;
  update.note = field(*form, "note");
  const std::string id(request.path_param("id"));
  auto saved = ctx.services.breaches().update(*actor_of(request), id, update);
  if (!saved.ok()) return error_response(saved.error(), ResponseFormat::kHtml);
  return Response::redirect_see_other("/breaches/" + saved->id + "?saved=1");
}

}  // namespace

void add_breach_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  pages.get("/breaches/{id}", [ctx](Request& request) { return get_breach(*ctx, request); });
  pages.post("/breaches/{id}/status", [ctx](Request& request) { return post_status(*ctx, request); });
  pages.get("/breaches/{id}/chapters/{n}", [ctx](Request& request) { return get_chapter(*ctx, request); });
  pages.post("/breaches/{id}/chapters/{n}", [ctx](Request& request) { return post_chapter(*ctx, request); });
}

}  // namespace bd::http::handlers
