// /api/v1/breaches/{id}/scan-reports: attach a scan report (the body is the report
// JSON), list, get one with its suggestions, and apply chosen suggestions.
#include <boost/json.hpp>

#include "http/error_mapping.h"
#include "http/handlers/api_json.h"
#include "http/handlers/scan_report_routes.h"
#include "json/answers_codec.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;

constexpr std::size_t kApiBodyBytes = 17 * 1024 * 1024;  // above service::kMaxReportBytes: its message wins

bj::object record_object(const service::ScanReportRecord& r) {
  bj::array categories;
  for (const auto& c : r.categories) categories.emplace_back(c);
  return bj::object{{"id", r.id},
                    {"breach_id", r.breach_id},
                    {"label", r.label},
                    {"uploaded_by", r.uploaded_by},
                    {"uploaded_by_email", r.uploaded_by_email},
                    {"uploaded_at", pages::instant_to_iso(r.uploaded_at)},
                    {"report_bytes", r.report_bytes},
                    {"records", r.records},
                    {"records_with_personal_data", r.records_with_personal_data},
                    {"persons_distinct", r.persons_distinct},
                    {"records_unidentified", r.records_unidentified},
                    {"categories", std::move(categories)},
                    {"encrypted", r.encrypted}};
}

bj::object detail_object(const service::ScanReportDetail& d) {
  bj::object o = record_object(d.record);
  boost::system::error_code ec;
  bj::value report = bj::parse(d.record.report_json, ec);
  o["report"] = ec ? bj::value(nullptr) : std::move(report);
  bj::array suggestions;
  for (const auto& s : d.suggestions) {
    suggestions.push_back(bj::object{{"id", s.id},
                                     {"changes", s.changes},
                                     {"current", json::answers_to_object(s.current)},
                                     {"proposed", json::answers_to_object(s.proposed)}});
  }
  o["suggestions"] = std::move(suggestions);
  o["breach_version"] = d.breach_version;
  return o;
}

Response attach(const WebContext& ctx, Request& request) {
  const auto type = request.header("Content-Type");
  if (!type || type->substr(0, type->find(';')) != "application/json") {
    return error_response(Error::invalid("body", "send the scan report as application/json"), ResponseFormat::kJson);
  }
  service::ScanReportUpload upload;
  upload.json = request.body();
  upload.label = std::string(request.query_param("label").value_or(""));
  auto stored = ctx.services.scan_reports().attach(api_actor(request), request.path_param("id"), upload);
  if (!stored.ok()) return error_response(stored.error(), ResponseFormat::kJson);
  return json_response(record_object(*stored), 201);
}

Response list(const WebContext& ctx, Request& request) {
  auto reports = ctx.services.scan_reports().list(api_actor(request), request.path_param("id"));
  if (!reports.ok()) return error_response(reports.error(), ResponseFormat::kJson);
  bj::array items;
  for (const auto& r : *reports) items.push_back(record_object(r));
  return json_response(bj::object{{"items", std::move(items)}});
}

Response get_one(const WebContext& ctx, Request& request) {
  auto detail =
      ctx.services.scan_reports().get(api_actor(request), request.path_param("id"), request.path_param("rid"));
  if (!detail.ok()) return error_response(detail.error(), ResponseFormat::kJson);
  return json_response(detail_object(*detail));
}

Result<service::ApplyScanAnswers> parse_choice(const bj::object& body) {
  service::ApplyScanAnswers choice;
  const bj::value* version = body.if_contains("version");
  if (version == nullptr || !version->is_int64() || version->as_int64() < 1) {
    return Error::invalid("version", "version must be the breach version the choice was based on");
  }
  choice.expected_version = version->as_int64();
  const bj::value* ids = body.if_contains("ids");
  if (ids == nullptr || !ids->is_array()) return Error::invalid("ids", "ids must be an array of suggestion ids");
  for (const auto& id : ids->as_array()) {
    if (!id.is_string()) return Error::invalid("ids", "ids must be an array of suggestion ids");
    choice.ids.emplace_back(id.as_string());
  }
  return choice;
}

Response apply(const WebContext& ctx, Request& request) {
  auto body = json_body(request);
  if (!body.ok()) return error_response(body.error(), ResponseFormat::kJson);
  auto choice = parse_choice(*body);
  if (!choice.ok()) return error_response(choice.error(), ResponseFormat::kJson);
  auto breach = ctx.services.scan_reports().apply(api_actor(request), request.path_param("id"),
                                                  request.path_param("rid"), *choice);
  if (!breach.ok()) return error_response(breach.error(), ResponseFormat::kJson);
  return Response::json(json::breach_to_json(*breach));
}

}  // namespace

void add_scan_report_api(RouteGroup& api, std::shared_ptr<const WebContext> ctx) {
  RouteOptions upload;
  upload.max_body_bytes = kApiBodyBytes;
  api.post("/breaches/{id}/scan-reports", [ctx](Request& r) { return attach(*ctx, r); }, upload);
  api.get("/breaches/{id}/scan-reports", [ctx](Request& r) { return list(*ctx, r); });
  api.get("/breaches/{id}/scan-reports/{rid}", [ctx](Request& r) { return get_one(*ctx, r); });
  api.post("/breaches/{id}/scan-reports/{rid}/apply", [ctx](Request& r) { return apply(*ctx, r); });
}

}  // namespace bd::http::handlers
