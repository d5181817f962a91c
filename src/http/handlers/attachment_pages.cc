// The "Ondersteunende documentatie" section and the documents page: the list with
// download links, remove buttons and the upload form, with the AP's request that the
// documents hold no personal data of the people affected.
#include <cstdio>

#include "http/error_mapping.h"
#include "http/handlers/attachment_routes.h"
#include "model/form_schema.h"
#include "pages/breach_view.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

using pages::View;

std::string breach_href(std::string_view id) { return "/breaches/" + std::string(id); }

std::string_view return_token(AttachmentReturn back) {
  switch (back) {
    case AttachmentReturn::kChapter: return "chapter";
    case AttachmentReturn::kDocuments: return "documents";
    case AttachmentReturn::kBreach: break;
  }
  return "breach";
}

AttachmentReturn return_from(std::string_view token) {
  if (token == "chapter") return AttachmentReturn::kChapter;
  if (token == "documents") return AttachmentReturn::kDocuments;
  return AttachmentReturn::kBreach;
}

// The page the forms came from, with the section's anchor.
std::string return_href(std::string_view breach_id, AttachmentReturn back, std::string_view flash) {
  std::string href = breach_href(breach_id);
  if (back == AttachmentReturn::kChapter) href += "/chapters/" + std::to_string(attachment_chapter());
  if (back == AttachmentReturn::kDocuments) href += "/attachments";
  return href + "?" + std::string(flash) + "=1#attachments";
}

// "840 KB", "1,2 MB" (nl) / "1.2 MB" (en).
std::string size_text(std::int64_t bytes, std::string_view lang) {
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  std::string out = buf;
  if (lang == "nl") out[out.find('.')] = ',';
  return out;
}

View item_view(const service::AttachmentRecord& d, std::string_view lang) {
  View item{View::type::object};
  const auto type = model::find_document_type(d.content_type);
  item.set("id", d.id);
  item.set("name", d.name);
  item.set("type_label", type ? std::string(type->label) : d.content_type);
  item.set("size", size_text(d.size_bytes, lang));
  item.set("uploaded_at", pages::display_instant(d.uploaded_at, lang));
  item.set("uploaded_by", d.uploaded_by_email);
  item.set("href", breach_href(d.breach_id) + "/attachments/" + d.id);
  item.set("remove_action", breach_href(d.breach_id) + "/attachments/" + d.id + "/remove");
  return item;
}

// The section's view, or nullopt when the documents cannot be read.
std::optional<View> section_view(const WebContext& ctx, const Request& request, const model::Breach& breach,
                                 AttachmentReturn back) {
  const service::Actor& actor = *actor_of(request);
  const std::string lang = request_language(ctx, request);
  auto documents = ctx.services.attachments().list(actor, breach.id);
  if (!documents.ok()) return std::nullopt;
  View items{View::type::list};
  for (const auto& d : *documents) items.push_back(item_view(d, lang));
  View section{View::type::object};
  section.set("items", items);
  section.set("has_items", !documents->empty());
  section.set("can_edit", service::can_edit(actor));
  section.set("upload_action", breach_href(breach.id) + "/attachments");
  section.set("documents_href", breach_href(breach.id) + "/attachments");
  section.set("version", std::to_string(breach.version));
  section.set("return_to", std::string(return_token(back)));
  section.set("on_chapter", back == AttachmentReturn::kChapter);
  section.set("max_mb", std::to_string(model::kMaxAttachmentBytes / (1024 * 1024)));
  section.set("flash_added", request.query_param("attachment_added").has_value());
  section.set("flash_removed", request.query_param("attachment_removed").has_value());
  return section;
}

// The documents page; with `refusal` set, shown after a refused upload or removal
// with that message and the error's status.
Response documents_page(const WebContext& ctx, const Request& request, std::string_view breach_id,
                        AttachmentReturn back, const Error* refusal) {
  const std::string lang = request_language(ctx, request);
  auto breach = ctx.services.breaches().get(*actor_of(request), breach_id);
  if (!breach.ok()) return error_page(ctx, request, breach.error());
  auto section = section_view(ctx, request, *breach, back);
  if (!section) return error_page(ctx, request, Error::unavailable("De documenten zijn nu niet te lezen."));
  section->set("on_chapter", false);  // the forms may still go back to the chapter, but it is not this page
  int status = 200;
  if (refusal != nullptr) {
    section->set("error", refusal->message);
    status = status_for(refusal->kind);
  }
  View v = base_view(ctx, request, "attachments.title", Nav::kRegister);
  v.set("page_title", breach->reference + " · " + ctx.catalog().text(lang, "attachments.title"));
  v.set("breach", pages::breach_view(*breach, ctx.catalog(), lang));
  v.set("attachments", *section);
  return render_page(ctx, request, "attachments", v, status);
}

// Refusals people can act on are shown with the form; others are error pages.
Response refused(const WebContext& ctx, const Request& request, std::string_view breach_id, AttachmentReturn back,
                 const Error& error, int status) {
  if (error.kind != ErrorKind::kInvalidInput && error.kind != ErrorKind::kConflict) {
    return error_page(ctx, request, error);
  }
  Response r = documents_page(ctx, request, breach_id, back, &error);
  if (r.status() == status_for(error.kind)) r.set_status(status);
  return r;
}

Response get_documents(const WebContext& ctx, Request& request) {
  return documents_page(ctx, request, request.path_param("id"), AttachmentReturn::kDocuments, nullptr);
}

Response post_upload(const WebContext& ctx, Request& request) {
  const std::string id(request.path_param("id"));
  auto form = read_attachment_form(request);
  if (!form.ok()) return error_page(ctx, request, form.error());
  const AttachmentReturn back = return_from(field(form->fields, "return_to"));
  const auto version = parse_version(field(form->fields, "version"));
  if (!version) return error_page(ctx, request, Error::invalid("version", "version missing or invalid"));
  service::AttachmentUpload upload;
  upload.expected_version = *version;
  take_file_part(*form, upload);
  if (upload.content.size() > model::kMaxAttachmentBytes) {
    return refused(ctx, request, id, back, model::document_too_large(), 413);
  }
  auto added = ctx.services.attachments().add(*actor_of(request), id, upload);
  if (!added.ok()) return refused(ctx, request, id, back, added.error(), status_for(added.error().kind));
  return Response::redirect_see_other(return_href(added->breach.id, back, "attachment_added"));
}

Response post_remove(const WebContext& ctx, Request& request) {
  const std::string id(request.path_param("id"));
  auto form = request.form();
  if (!form.ok()) return error_page(ctx, request, form.error());
  const AttachmentReturn back = return_from(field(*form, "return_to"));
  const auto version = parse_version(field(*form, "version"));
  if (!version) return error_page(ctx, request, Error::invalid("version", "version missing or invalid"));
  auto saved = ctx.services.attachments().remove(*actor_of(request), id, request.path_param("aid"), *version);
  if (!saved.ok()) return refused(ctx, request, id, back, saved.error(), status_for(saved.error().kind));
  return Response::redirect_see_other(return_href(saved->id, back, "attachment_removed"));
}

Response get_download(const WebContext& ctx, Request& request) {
  auto document = ctx.services.attachments().get(*actor_of(request), request.path_param("id"),
                                                 request.path_param("aid"));
  if (!document.ok()) return error_page(ctx, request, document.error());
  return document_download(std::move(document).value());
}

// The file name for Content-Disposition's plain `filename`: printable ASCII without
// quotes, backslashes and percent signs (which some browsers decode); `filename*`
// carries the real name.
std::string ascii_file_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x20 && u < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
  }
  return out;
}

}  // namespace

int attachment_chapter() {
  const model::Question* q = model::find_question(service::kAttachmentsAnswer);
  return q == nullptr ? 0 : q->chapter;
}

void add_attachment_view(const WebContext& ctx, const Request& request, const model::Breach& breach,
                         AttachmentReturn back, pages::View& view) {
  if (auto section = section_view(ctx, request, breach, back)) view.set("attachments", *section);
}

Response document_download(service::AttachmentRecord document) {
  const auto type = model::find_document_type(document.content_type);
  Response r(200);
  r.header("Content-Type", type ? type->content_type : std::string_view("application/octet-stream"));
  r.header("X-Content-Type-Options", "nosniff");
  r.header("Content-Disposition", "attachment; filename=\"" + ascii_file_name(document.name) +
                                      "\"; filename*=UTF-8''" + percent_encode(document.name));
  r.no_store();
  r.set_body(std::move(document.content));
  return r;
}

void add_attachment_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx) {
  RouteOptions upload;
  upload.max_body_bytes = kAttachmentBodyBytes;
  pages.get("/breaches/{id}/attachments", [ctx](Request& r) { return get_documents(*ctx, r); });
  pages.post("/breaches/{id}/attachments", [ctx](Request& r) { return post_upload(*ctx, r); }, upload);
  pages.get("/breaches/{id}/attachments/{aid}", [ctx](Request& r) { return get_download(*ctx, r); });
  pages.post("/breaches/{id}/attachments/{aid}/remove", [ctx](Request& r) { return post_remove(*ctx, r); });
}

void add_attachment_routes(RouteGroup& pages, RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  add_attachment_pages(pages, ctx);
  add_attachment_api(api, std::move(ctx));
}

Result<MultipartForm> read_attachment_form(const Request& request) {
  MultipartLimits limits;
  limits.max_file_bytes = request.body().size();  // bounded by the route; the size check is ours
  return request.multipart(limits);
}

void take_file_part(MultipartForm& form, service::AttachmentUpload& upload) {
  for (auto& part : form.files) {
    if (part.name != "file") continue;
    upload.filename = part.filename.value_or("");
    upload.content = std::move(part.data);
    return;
  }
}

}  // namespace bd::http::handlers
