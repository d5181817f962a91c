// Internal to src/http/handlers: the supporting documents of a breach
// (service/attachment_service.h) — the "Ondersteunende documentatie" section on the
// breach page and on the editor page of the chapter that asks for them (5), the
// documents page, downloads, and the JSON API.
//
//   pages   GET  /breaches/{id}/attachments               the documents page
//           POST /breaches/{id}/attachments               upload: multipart/form-data with
//                                                         `file`, `version`, `return_to`
//           GET  /breaches/{id}/attachments/{aid}         download
//           POST /breaches/{id}/attachments/{aid}/remove  `version`, `return_to`
//   api     POST   /api/v1/breaches/{id}/attachments        multipart: `file`, `version`
//           GET    /api/v1/breaches/{id}/attachments
//           GET    /api/v1/breaches/{id}/attachments/{aid}  the bytes
//           DELETE /api/v1/breaches/{id}/attachments/{aid}?version=N
//
// A refused upload or removal (too large 413, bad type or name 400, stale version 409)
// is shown on the documents page with the upload form, not as an error page; a
// download is served with its sniffed type, nosniff and Content-Disposition:
// attachment. Thread-safety: handlers only read the shared WebContext. Failure:
// service errors become the mapped status (error_mapping.h); nothing is written.
#pragma once

#include <memory>
#include <string_view>

#include "http/handlers/web_context.h"
#include "http/router.h"
#include "http/multipart.h"
#include "model/breach.h"
#include "model/document_file.h"
#include "service/attachment_service.h"

namespace bd::http::handlers {

// Where the section's forms go back to after an upload or a removal.
enum class AttachmentReturn { kBreach, kChapter, kDocuments };

void add_attachment_routes(RouteGroup& pages, RouteGroup& api, std::shared_ptr<const WebContext> ctx);

// The chapter whose editor page shows the section (the one holding breach.attachments).
int attachment_chapter();

// Sets "attachments" (the list with download links, the remove buttons and upload form
// for editors, the AP's hint) on a page's view. Leaves it unset when the documents
// cannot be read.
void add_attachment_view(const WebContext& ctx, const Request& request, const model::Breach& breach,
                         AttachmentReturn back, pages::View& view);

// The document as a download: its stored type (if still an accepted one), nosniff,
// Content-Disposition: attachment with a safe file name.
Response document_download(service::AttachmentRecord document);

// Route body limit of an upload: files a little over the document limit still arrive,
// so people and clients are told why they were refused.
inline constexpr std::size_t kAttachmentBodyBytes = model::kMaxAttachmentBytes + 2 * 1024 * 1024;

// The multipart body of an upload, parsed with a file limit of the whole body (the
// route bounds it; the document limit is checked on the upload itself).
Result<MultipartForm> read_attachment_form(const Request& request);
// The upload's `file` part (name and bytes) moved out of `form`; empty when it has none.
void take_file_part(MultipartForm& form, service::AttachmentUpload& upload);

// Internal pieces (one file each).
void add_attachment_pages(RouteGroup& pages, std::shared_ptr<const WebContext> ctx);
void add_attachment_api(RouteGroup& api, std::shared_ptr<const WebContext> ctx);

}  // namespace bd::http::handlers
