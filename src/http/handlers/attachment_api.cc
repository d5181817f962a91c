// /api/v1/breaches/{id}/attachments: add a supporting document (multipart/form-data),
// list, download and delete, each naming the breach version for the change it makes.
#include <boost/json.hpp>

#include "http/error_mapping.h"
#include "http/handlers/api_json.h"
#include "http/handlers/attachment_routes.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;

bj::object document_object(const service::AttachmentRecord& d) {
  return bj::object{{"id", d.id},
                    {"breach_id", d.breach_id},
                    {"name", d.name},
                    {"content_type", d.content_type},
                    {"size_bytes", d.size_bytes},
                    {"sha256", d.sha256},
                    {"uploaded_by", d.uploaded_by},
                    {"uploaded_by_email", d.uploaded_by_email},
                    {"uploaded_at", pages::instant_to_iso(d.uploaded_at)}};
}

Result<std::int64_t> version_param(std::string_view text) {
  if (auto v = parse_version(text)) return *v;
  return Error::invalid("version", "version must be the breach version the change is based on");
}

// 413 with the same error shape as every other refusal; the code is the one the server
// uses when a body exceeds a route's limit.
Response too_large() {
  const Error e = model::document_too_large();
  bj::object error{{"code", "body_too_large"}, {"message", e.message}, {"field", e.field}};
  return Response::json(bj::serialize(bj::object{{"error", std::move(error)}}), 413);
}

Result<service::AttachmentUpload> read_upload(const Request& request) {
  if (!request.is_multipart()) {
    return Error::invalid("body", "send the document as multipart/form-data with a `file` part and `version`");
  }
  BD_ASSIGN_OR_RETURN(MultipartForm form, read_attachment_form(request));
  std::string version = field(form.fields, "version");
  if (version.empty()) version = std::string(request.query_param("version").value_or(""));
  service::AttachmentUpload upload;
  BD_ASSIGN_OR_RETURN(upload.expected_version, version_param(version));
  take_file_part(form, upload);
  return upload;
}

Response add(const WebContext& ctx, Request& request) {
  auto upload = read_upload(request);
  if (!upload.ok()) return error_response(upload.error(), ResponseFormat::kJson);
  if (upload->content.size() > model::kMaxAttachmentBytes) return too_large();
  auto added = ctx.services.attachments().add(api_actor(request), request.path_param("id"), *upload);
  if (!added.ok()) return error_response(added.error(), ResponseFormat::kJson);
  bj::object o = document_object(added->attachment);
  o["breach_version"] = added->breach.version;
  return json_response(o, 201);
}

Response list(const WebContext& ctx, Request& request) {
  auto documents = ctx.services.attachments().list(api_actor(request), request.path_param("id"));
  if (!documents.ok()) return error_response(documents.error(), ResponseFormat::kJson);
  bj::array items;
  for (const auto& d : *documents) items.push_back(document_object(d));
  return json_response(bj::object{{"items", std::move(items)}});
}

Response download(const WebContext& ctx, Request& request) {
  auto document =
      ctx.services.attachments().get(api_actor(request), request.path_param("id"), request.path_param("aid"));
  if (!document.ok()) return error_response(document.error(), ResponseFormat::kJson);
  return document_download(std::move(document).value());
}

Response remove(const WebContext& ctx, Request& request) {
  auto version = version_param(request.query_param("version").value_or(""));
  if (!version.ok()) return error_response(version.error(), ResponseFormat::kJson);
  auto saved = ctx.services.attachments().remove(api_actor(request), request.path_param("id"),
                                                 request.path_param("aid"), *version);
  if (!saved.ok()) return error_response(saved.error(), ResponseFormat::kJson);
  return json_response(bj::object{{"breach_version", saved->version}});
}

}  // namespace

void add_attachment_api(RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  RouteOptions upload;
  upload.max_body_bytes = kAttachmentBodyBytes;
  api.post("/breaches/{id}/attachments", [ctx](Request& r) { return add(*ctx, r); }, upload);
  api.get("/breaches/{id}/attachments", [ctx](Request& r) { return list(*ctx, r); });
  api.get("/breaches/{id}/attachments/{aid}", [ctx](Request& r) { return download(*ctx, r); });
  api.add(Method::kDelete, "/breaches/{id}/attachments/{aid}", [ctx](Request& r) { return remove(*ctx, r); });
}

}  // namespace bd::http::handlers
