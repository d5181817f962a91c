// ScanReportService on SQLite and PostgreSQL: attaching a report made by the real
// scanner, refusing what is not one, access rules, and taking over chosen answers as
// a revision with optimistic concurrency.
#include <boost/json.hpp>

#include "scan/report_json.h"
#include "scan/scanner.h"
#include "service_fixture.h"

namespace bd::service::testing {
namespace {

using model::Value;

// A small customer export: two people with BSN, e-mail, name and a diagnosis.
constexpr std::string_view kCsv =
    "naam,bsn,email,diagnose\n"
    "Jan Jansen,111222333,jan@example.nl,diabetes\n"
    "Piet Pietersen,123456782,piet@example.nl,astma\n";

std::string scanned_report(bool show_values = false) {
  scan::ScanOptions options;
  options.show_values = show_values;
  scan::Scanner scanner(options);
  scan::scan_buffer(scanner, {"klanten.csv", kCsv.size(), scan::Format::kCsv, "utf-8"}, kCsv);
  return scan::report_to_json(scanner.finish());
}

class ScanReportTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    officer_ = add_user(org_, "officer@eerste.example", Role::kPrivacyOfficer);
    model::Answers answers;
    answers["data.general"] = std::vector<std::string>{"gender", "unknown"};
    answers["data.records"] = std::int64_t{10};
    auto b = svc().breaches().create(officer_, "Klantenexport gelekt", answers);
    ASSERT_TRUE(b.ok()) << b.error().message;
    breach_ = *b;
  }

  ScanReportRecord attach(const Actor& actor) {
    auto r = svc().scan_reports().attach(actor, breach_.id, {"C:\\exports\\klanten.json", scanned_report()});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : ScanReportRecord{};
  }

  Actor officer_;
  model::Breach breach_;
};

TEST_P(ScanReportTest, AttachesAScannerReportWithItsFigures) {
  auto stored = attach(officer_);
  EXPECT_EQ(stored.label, "klanten.json");
  EXPECT_EQ(stored.records, 2);
  EXPECT_EQ(stored.persons_distinct, 2);
  EXPECT_EQ(stored.uploaded_by, officer_.user_id);
  EXPECT_NE(std::find(stored.categories.begin(), stored.categories.end(), "bsn"), stored.categories.end());
  auto list = svc().scan_reports().list(officer_, breach_.id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  auto detail = svc().scan_reports().get(officer_, breach_.id, stored.id);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  EXPECT_EQ(detail->report.records, 2u);
  EXPECT_NE(detail->record.report_json.find("\"columns\""), std::string::npos);
  EXPECT_EQ(detail->breach_version, breach_.version);
  ASSERT_FALSE(detail->suggestions.empty());
  EXPECT_EQ(detail->suggestions.front().id, "data.general");
}

TEST_P(ScanReportTest, RefusesWhatIsNotAMaskedScanReportAndWritesNothing) {
  auto& reports = svc().scan_reports();
  auto bad_json = reports.attach(officer_, breach_.id, {"x.json", "{\"schema\": "});
  EXPECT_EQ(bad_json.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(bad_json.error().message.find("geen geldige JSON"), std::string::npos);
  auto other = reports.attach(officer_, breach_.id, {"x.json", R"({"schema":"something/1"})"});
  EXPECT_NE(other.error().message.find("geen scanrapport"), std::string::npos);
  auto shown = reports.attach(officer_, breach_.id, {"x.json", scanned_report(true)});
  EXPECT_NE(shown.error().message.find("--show-values"), std::string::npos);
  auto empty = reports.attach(officer_, breach_.id, {"x.json", "  "});
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalidInput);
  auto huge = reports.attach(officer_, breach_.id, {"x.json", std::string(kMaxReportBytes + 1, ' ')});
  EXPECT_NE(huge.error().message.find("16 MiB"), std::string::npos);
  EXPECT_TRUE(reports.list(officer_, breach_.id)->empty());
}

TEST_P(ScanReportTest, AReportOfManyFilesIsStoredWithItsFirstEntriesAndItsTotals) {
  // A mailbox or file share: 2,500 files, each with its columns; over 2 MiB of JSON.
  scan::Scanner scanner;
  for (int i = 0; i < 2500; ++i) {
    const std::string name = "bijlagen/klanten-" + std::to_string(i) + ".csv";
    scan::scan_buffer(scanner, {name, kCsv.size(), scan::Format::kCsv, "utf-8"}, kCsv);
  }
  const scan::ScanReport full = scanner.finish();
  const std::string json = scan::report_to_json(full);
  ASSERT_GT(json.size(), 2u * 1024 * 1024);
  auto stored = svc().scan_reports().attach(officer_, breach_.id, {"inbox.json", json});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  auto detail = svc().scan_reports().get(officer_, breach_.id, stored->id);
  ASSERT_TRUE(detail.ok());
  const auto kept = boost::json::parse(detail->record.report_json).as_object();
  EXPECT_EQ(kept.at("files").as_array().size(), kMaxListed);
  EXPECT_EQ(kept.at("omitted").at("files").as_int64(), 1500);
  EXPECT_EQ(kept.at("omitted").at("columns").as_int64(),
            static_cast<std::int64_t>(full.columns.size() - kMaxListed));
  EXPECT_EQ(kept.at("records").as_int64(), static_cast<std::int64_t>(full.records));
  EXPECT_EQ(detail->record.report_json.size() < 1024u * 1024, true);
}

TEST_P(ScanReportTest, KeepsOnlyTheReportsOwnMembers) {
  std::string json = scanned_report();
  json.insert(1, R"("dump":["Jan Jansen 111222333"],)");
  auto stored = svc().scan_reports().attach(officer_, breach_.id, {"x.json", json});
  ASSERT_TRUE(stored.ok());
  auto detail = svc().scan_reports().get(officer_, breach_.id, stored->id);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->record.report_json.find("dump"), std::string::npos);
}

TEST_P(ScanReportTest, RolesAndTenantsFollowTheBreach) {
  auto auditor = add_user(org_, "audit@eerste.example", Role::kAuditor);
  auto reporter = add_user(org_, "melder@eerste.example", Role::kReporter);
  auto stranger = add_user(add_org("Tweede"), "officer@tweede.example", Role::kAdmin);
  auto& reports = svc().scan_reports();
  EXPECT_EQ(reports.attach(auditor, breach_.id, {"x", scanned_report()}).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(reports.attach(reporter, breach_.id, {"x", scanned_report()}).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports.attach(stranger, breach_.id, {"x", scanned_report()}).error().kind, ErrorKind::kNotFound);
  auto stored = attach(admin_);
  EXPECT_TRUE(reports.get(auditor, breach_.id, stored.id).ok());
  EXPECT_EQ(reports.get(stranger, breach_.id, stored.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports.list(stranger, breach_.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports.apply(auditor, breach_.id, stored.id, {breach_.version, {"data.records"}}).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(reports.apply(stranger, breach_.id, stored.id, {breach_.version, {"data.records"}}).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(ScanReportTest, AppliesTheChosenAnswersAsOneRevision) {
  auto stored = attach(officer_);
  auto saved = svc().scan_reports().apply(officer_, breach_.id, stored.id,
                                          {breach_.version, {"data.general", "subjects.count"}});
  ASSERT_TRUE(saved.ok()) << saved.error().message << " " << saved.error().field;
  EXPECT_EQ(saved->version, breach_.version + 1);
  const auto& general = std::get<std::vector<std::string>>(saved->answers.at("data.general"));
  EXPECT_EQ(general.front(), "gender");  // kept; "unknown" dropped; found ones added
  EXPECT_EQ(std::find(general.begin(), general.end(), "unknown"), general.end());
  EXPECT_NE(std::find(general.begin(), general.end(), "bsn"), general.end());
  EXPECT_EQ(std::get<bool>(saved->answers.at("subjects.count_known")), true);
  EXPECT_EQ(std::get<std::int64_t>(saved->answers.at("subjects.count")), 2);
  EXPECT_EQ(std::get<std::int64_t>(saved->answers.at("data.records")), 10);  // not chosen
  auto revisions = svc().breaches().revisions(officer_, breach_.id);
  ASSERT_TRUE(revisions.ok());
  const auto& last = revisions->back();
  EXPECT_NE(last.note.find("Antwoorden overgenomen uit scanrapport"), std::string::npos);
  EXPECT_NE(last.note.find("klanten.json"), std::string::npos);
}

TEST_P(ScanReportTest, AStaleVersionOrAnUnofferedChoiceChangesNothing) {
  auto stored = attach(officer_);
  auto& reports = svc().scan_reports();
  ASSERT_TRUE(reports.apply(officer_, breach_.id, stored.id, {breach_.version, {"data.records"}}).ok());
  auto stale = reports.apply(officer_, breach_.id, stored.id, {breach_.version, {"data.general"}});
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(reports.apply(officer_, breach_.id, stored.id, {breach_.version + 1, {}}).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(reports.apply(officer_, breach_.id, stored.id, {breach_.version + 1, {"breach.summary"}}).error().field,
            "ids");
  auto now = svc().breaches().get(officer_, breach_.id);
  EXPECT_EQ(now->version, breach_.version + 1);
  EXPECT_EQ(std::get<std::int64_t>(now->answers.at("data.records")), 2);
}

BD_SERVICE_SUITE(ScanReportTest);

}  // namespace
}  // namespace bd::service::testing
