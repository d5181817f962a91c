#include "service/scan_report_service.h"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "pages/local_time.h"
#include "scan/report_json.h"
#include "service/text.h"

namespace bd::service {
namespace {

namespace json = boost::json;

constexpr std::string_view kSchema = "breachdesk.scan-report/1";
constexpr std::size_t kMaxLabelChars = 200;

// The members of a scan report (docs/scan-report.md); others are not stored.
constexpr std::string_view kReportMembers[] = {
    "schema",  "bytes",      "members",   "seconds",        "records",    "records_with_personal_data",
    "persons_distinct", "records_unidentified", "bsn_near_miss", "values_shown", "categories", "files",
    "columns", "encrypted",  "protection", "skipped",       "timings",    "form"};

Error report_not_found() { return Error::not_found("Scanrapport niet gevonden."); }

// The last part of a path a browser may send as the file name, trimmed and bounded.
Result<std::string> clean_label(std::string_view raw) {
  std::string label(raw);
  const auto slash = label.find_last_of("/\\");
  if (slash != std::string::npos) label = label.substr(slash + 1);
  label = trim(label);
  if (label.empty()) return std::string("Scanrapport");
  if (utf8_length(label) > kMaxLabelChars || !is_clean_text(label, false)) {
    return Error::invalid("label", "De naam van het scanrapport mag hoogstens 200 tekens lang zijn.");
  }
  return label;
}

// The stored summary figures of a report.
void set_figures(const scan::ScanReport& r, ScanReportRecord& record) {
  auto clamp = [](std::uint64_t v) { return static_cast<std::int64_t>(std::min<std::uint64_t>(v, INT64_MAX)); };
  record.records = clamp(r.records);
  record.records_with_personal_data = clamp(r.records_with_personal_data);
  record.persons_distinct = clamp(r.persons_distinct);
  record.records_unidentified = clamp(r.records_unidentified);
  record.categories.clear();
  for (const auto& [category, stats] : r.categories) {
    if (stats.values > 0) record.categories.emplace_back(scan::to_key(category));
  }
  record.encrypted = r.protection.encrypted;
}

std::string applied_note(const ScanReportRecord& record) {
  return "Antwoorden overgenomen uit scanrapport \u201c" + record.label + "\u201d (toegevoegd " +
         pages::display_instant(record.uploaded_at, "nl") + ")";
}

Status check_choice(const ApplyScanAnswers& choice, const std::vector<ScanSuggestion>& offered) {
  if (choice.ids.empty()) return Error::invalid("ids", "Kies minstens één antwoord om over te nemen.");
  for (const auto& id : choice.ids) {
    const bool known = std::find(std::begin(kScanChoiceIds), std::end(kScanChoiceIds), id) != std::end(kScanChoiceIds);
    if (!known) return Error::invalid("ids", "Onbekend antwoord om over te nemen: " + id);
    const bool in_report = std::any_of(offered.begin(), offered.end(), [&](const auto& s) { return s.id == id; });
    if (!in_report) return Error::invalid("ids", "Dit scanrapport stelt geen antwoord voor op " + id + ".");
  }
  return {};
}

}  // namespace

Result<CheckedReport> check_scan_report(std::string_view text) {
  if (text.size() > kMaxReportBytes) {
    return Error::invalid("report",
                          "Het scanrapport is groter dan 16 MiB. Scan de bestanden in delen en voeg "
                          "de rapporten apart toe.");
  }
  if (trim(text).empty()) return Error::invalid("report", "Het scanrapport is leeg.");
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Error::invalid("report", "Het scanrapport is geen geldige JSON. Upload het bestand dat "
                                          "'breachdesk scan --format json' schreef.");
  const json::object* o = v.if_object();
  const json::value* schema = o == nullptr ? nullptr : o->if_contains("schema");
  if (schema == nullptr || !schema->is_string() || schema->as_string() != kSchema) {
    return Error::invalid("report", "Dit is geen scanrapport van breachdesk: het veld \"schema\" is niet "
                                    "\"breachdesk.scan-report/1\".");
  }
  if (const json::value* shown = o->if_contains("values_shown"); shown == nullptr || !shown->is_bool() ||
                                                                   shown->as_bool()) {
    return Error::invalid("report", "Dit scanrapport bevat gegevens in leesbare vorm (gemaakt met --show-values) "
                                    "of zegt niet dat ze gemaskeerd zijn. Maak het rapport opnieuw zonder "
                                    "--show-values; breachdesk bewaart geen gelekte gegevens.");
  }
  json::object kept;
  for (std::string_view member : kReportMembers) {
    if (const json::value* m = o->if_contains(member)) kept[member] = *m;
  }
  // The breach page shows the totals and the suggested answers; per file and column
  // the first kMaxListed entries are kept, so that the stored report stays small.
  json::object omitted;
  for (std::string_view list : {"files", "columns", "skipped"}) {
    json::value* m = kept.if_contains(list);
    if (m == nullptr || !m->is_array() || m->as_array().size() <= kMaxListed) continue;
    omitted[list] = m->as_array().size() - kMaxListed;
    m->as_array().resize(kMaxListed);
  }
  if (!omitted.empty()) kept["omitted"] = std::move(omitted);
  CheckedReport out{json::serialize(kept), {}};
  BD_ASSIGN_OR_RETURN(out.report, scan::report_from_json(out.json));
  return out;
}

ScanReportService::ScanReportService(storage::Database& db, const Clock& clock, BreachService& breaches)
    : db_(db), clock_(clock), breaches_(breaches) {}

Result<ScanReportRecord> ScanReportService::attach(const Actor& actor, std::string_view breach_id,
                                                   const ScanReportUpload& upload) {
  BD_ASSIGN_OR_RETURN(auto breach, breaches_.get(actor, breach_id));
  if (!can_edit(actor)) return Error::forbidden("Uw rol mag geen scanrapporten aan dit datalek toevoegen.");
  BD_ASSIGN_OR_RETURN(std::string label, clean_label(upload.label));
  BD_ASSIGN_OR_RETURN(CheckedReport checked, check_scan_report(upload.json));
  storage::ScanReportRepository reports(db_);
  BD_ASSIGN_OR_RETURN(std::int64_t existing, reports.count(actor.organisation_id, breach.id));
  if (existing >= kMaxReportsPerBreach) {
    return Error::invalid("report", "Dit datalek heeft al " + std::to_string(kMaxReportsPerBreach) +
                                        " scanrapporten; meer kunnen er niet bij.");
  }
  ScanReportRecord record;
  record.organisation_id = actor.organisation_id;
  record.breach_id = breach.id;
  record.label = std::move(label);
  record.uploaded_by = actor.user_id;
  record.uploaded_by_email = actor.email;
  record.uploaded_at = clock_.now();
  set_figures(checked.report, record);
  record.report_json = std::move(checked.json);
  BD_ASSIGN_OR_RETURN(auto stored, reports.create(std::move(record)));
  spdlog::info("scan report {} attached to breach {} by user {}", stored.id, stored.breach_id, actor.user_id);
  stored.report_json.clear();
  return stored;
}

Result<std::vector<ScanReportRecord>> ScanReportService::list(const Actor& actor, std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(auto breach, breaches_.get(actor, breach_id));
  return storage::ScanReportRepository(db_).list(actor.organisation_id, breach.id);
}

Result<ScanReportDetail> ScanReportService::get(const Actor& actor, std::string_view breach_id,
                                                std::string_view report_id) {
  BD_ASSIGN_OR_RETURN(auto breach, breaches_.get(actor, breach_id));
  auto record = storage::ScanReportRepository(db_).get(actor.organisation_id, breach.id, report_id);
  if (!record.ok()) {
    if (record.error().kind == ErrorKind::kNotFound) return report_not_found();
    return std::move(record).error();
  }
  ScanReportDetail detail;
  BD_ASSIGN_OR_RETURN(detail.report, scan::report_from_json(record->report_json));
  detail.record = std::move(record).value();
  detail.suggestions = scan_suggestions(detail.report.form, breach.answers);
  detail.breach_version = breach.version;
  return detail;
}

Result<model::Breach> ScanReportService::apply(const Actor& actor, std::string_view breach_id,
                                               std::string_view report_id, const ApplyScanAnswers& choice) {
  BD_ASSIGN_OR_RETURN(auto detail, get(actor, breach_id, report_id));
  if (!can_edit(actor)) return Error::forbidden("Uw rol mag geen antwoorden in dit datalek overnemen.");
  BD_TRY(check_choice(choice, detail.suggestions));
  BreachUpdate update;
  update.expected_version = choice.expected_version;
  update.changes = chosen_changes(detail.suggestions, choice.ids);
  update.note = applied_note(detail.record);
  BD_ASSIGN_OR_RETURN(auto saved, breaches_.update(actor, detail.record.breach_id, update));
  spdlog::info("breach {} took over {} answer(s) of scan report {} by user {}", saved.id, choice.ids.size(),
               detail.record.id, actor.user_id);
  return saved;
}

}  // namespace bd::service
