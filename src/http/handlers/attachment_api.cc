// /api/v1/breaches/{id}/attachments: add a supporting document (multipart/form-data),
// list, download and delete, each naming the breach version for the change it makes.
#include <boost/json.hpp>

#include <charconv>

#include "http/error_mapping.h"
#include "http/handlers/api_json.h"
#include "http/handlers/attachment_routes.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;

constexpr std::size_t kApiBodyBytes = model::kMaxAttachmentBytes + 2 * 1024 * 1024;

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
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 1) {
    return Error::invalid("version", "version must be the breach version the change is based on");
  }
  return v;
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
  MultipartLimits limits;
  limits.max_file_bytes = request.body().size();  // bounded by the route; the size check is ours
  BD_ASSIGN_OR_RETURN(MultipartForm form, request.multipart(limits));
  std::string version = field(form.fields, "version");
  if (version.empty()) version = std::string(request.query_param("version").value_or(""));
  service::AttachmentUpload upload;
  BD_ASSIGN_OR_RETURN(upload.expected_version, version_param(version));
  for (auto& part : form.files) {
    if (part.name != "file") continue;
    upload.filename = part.filename.value_or("");
    upload.content = std::move(part.data);
    break;
  }
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
  upload.max_body_bytes = kApiBodyBytes;
  api.post("/breaches/{id}/attachments", [ctx](Request& r) { return add(*ctx, r); }, upload);
  api.get("/breaches/{id}/attachments", [ctx](Request& r) { return list(*ctx, r); });
  api.get("/breaches/{id}/attachments/{aid}", [ctx](Request& r) { return download(*ctx, r); });
  api.add(Method::kDelete, "/breaches/{id}/attachments/{aid}", [ctx](Request& r) { return remove(*ctx, r); });
}

}  // namespace bd::http::handlers
