#include "json/assessment_codec.h"

#include <boost/json/serialize.hpp>

#include "base/time_zone.h"
#include "json/answers_codec.h"
#include "model/datetime.h"
#include "model/deadline.h"

namespace bd::json {
namespace {

namespace bj = boost::json;
using model::assess::Assessment;

bj::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

bj::object reason_object(std::string_view code, std::string_view nl, std::string_view en) {
  return bj::object{{"code", sv(code)}, {"nl", sv(nl)}, {"en", sv(en)}};
}

template <typename R>
bj::array reason_array(const std::vector<R>& list) {
  bj::array out;
  out.reserve(list.size());
  for (const auto& r : list) out.emplace_back(reason_object(r.code, r.nl, r.en));
  return out;
}

bj::object severity_object(const Assessment& a) {
  bj::object cb{{"confidentiality", a.cb.confidentiality},
                {"integrity", a.cb.integrity},
                {"availability", a.cb.availability},
                {"malicious", a.cb.malicious},
                {"total", a.cb.total()}};
  bj::value adjustment = nullptr;
  if (!a.dpc_adjustment_reason.code.empty()) {
    const auto& r = a.dpc_adjustment_reason;
    adjustment = reason_object(r.code, r.nl, r.en);
  }
  return bj::object{{"dpc", a.dpc},
                    {"dpc_base", a.dpc_base},
                    {"dpc_adjustment", std::move(adjustment)},
                    {"ei", a.ei},
                    {"cb", std::move(cb)},
                    {"score", a.score},
                    {"band", sv(to_token(a.band))},
                    {"form_severity", sv(severity_token(a.band))},
                    {"flags", bj::object{{"more_than_100", a.flags.more_than_100},
                                         {"unintelligible", a.flags.unintelligible}}}};
}

}  // namespace

boost::json::object assessment_to_object(const Assessment& a) {
  bj::array unknowns;
  for (auto id : a.unknowns_that_matter) unknowns.emplace_back(sv(id));
  return bj::object{{"engine_version", sv(a.engine_version)},
                    {"config_version", sv(a.config_version)},
                    {"risk", sv(to_token(a.risk))},
                    {"notify_ap", a.notify_ap},
                    {"inform_subjects", a.inform_subjects},
                    {"public_notice_required", a.public_notice_required},
                    {"notify_controllers", a.notify_controllers},
                    {"severity", severity_object(a)},
                    {"reasons", bj::object{{"notify_ap", reason_array(a.notify_reasons)},
                                           {"inform_subjects", reason_array(a.inform_reasons)}}},
                    {"exemptions", reason_array(a.exemptions)},
                    {"unknowns_that_matter", std::move(unknowns)},
                    {"deadline_hours", a.deadline_hours}};
}

std::string assessment_to_json(const Assessment& a) { return bj::serialize(assessment_to_object(a)); }

boost::json::object decision_to_object(const model::Decision& d) {
  return bj::object{{"outcome", sv(model::to_token(d.outcome))},
                    {"notify_ap", d.notify_ap},
                    {"inform_subjects", d.inform_subjects},
                    {"reason", d.reason},
                    {"user_id", d.user_id},
                    {"at", model::format_datetime(d.at)},
                    {"proposal", assessment_to_object(d.proposal)}};
}

Result<boost::json::object> assess_document(std::string_view breach_json, const model::assess::EngineConfig& config) {
  BD_ASSIGN_OR_RETURN(const model::Answers answers, answers_from_json(breach_json));
  BD_ASSIGN_OR_RETURN(const Assessment assessment, model::assess::assess(answers, config));
  // The due time does not depend on "now"; only the instant is reported here.
  BD_ASSIGN_OR_RETURN(const auto clock, model::deadline_status(answers, TimePoint{}, config.deadline_hours));
  bj::object out = assessment_to_object(assessment);
  bj::value deadline = nullptr;
  if (clock) {
    deadline = bj::object{{"awareness_id", sv(clock->awareness_id)},
                          {"awareness", format_iso_in_zone(clock->awareness)},
                          {"due", format_iso_in_zone(clock->due)},
                          {"due_local", format_for_people(clock->due)},
                          {"hours", clock->length.count()}};
  }
  out["deadline"] = std::move(deadline);
  return out;
}

}  // namespace bd::json
