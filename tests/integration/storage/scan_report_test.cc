// ScanReportRepository on SQLite and PostgreSQL: stored as given, listed newest first
// without the JSON, scoped by organisation and breach.
#include <gtest/gtest.h>

#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/scan_report_repository.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

constexpr long long kNow = 1772452800;  // 2026-03-02T12:00:00Z

class ScanReportStoreTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    org_ = db().organisations().create({"", "Zorggroep Oost", "", OrganisationKind::kController, at(kNow)}).value();
    other_ = db().organisations().create({"", "Ander", "", OrganisationKind::kController, at(kNow)}).value();
    model::Breach b;
    b.organisation_id = org_.id;
    b.title = "Gelekte klantenexport";
    breach_ = db().breaches().create(b, {"u1", "u1@example.nl", at(kNow), ""}).value();
  }

  ScanReportRecord record(const std::string& label, long long when) const {
    ScanReportRecord r;
    r.organisation_id = org_.id;
    r.breach_id = breach_.id;
    r.label = label;
    r.uploaded_by = "u1";
    r.uploaded_by_email = "u1@example.nl";
    r.uploaded_at = at(when);
    r.records = 1200;
    r.records_with_personal_data = 1100;
    r.persons_distinct = 950;
    r.records_unidentified = 3;
    r.categories = {"bsn", "email", "health"};
    r.encrypted = true;
    r.report_json = R"({"schema":"breachdesk.scan-report/1","records":1200,"note":"é 'quoted' ; DROP"})";
    return r;
  }

  Organisation org_;
  Organisation other_;
  model::Breach breach_;
};

TEST_P(ScanReportStoreTest, StoresTheReportAsGivenWithItsFigures) {
  ScanReportRepository reports(db());
  auto created = reports.create(record("klanten.json", kNow + 10));
  ASSERT_TRUE(created.ok()) << created.error().detail;
  EXPECT_EQ(created->id.size(), 32u);
  auto got = reports.get(org_.id, breach_.id, created->id);
  ASSERT_TRUE(got.ok()) << got.error().detail;
  EXPECT_EQ(got->report_json, record("", 0).report_json);
  EXPECT_EQ(got->report_bytes, static_cast<std::int64_t>(got->report_json.size()));
  EXPECT_EQ(got->label, "klanten.json");
  EXPECT_EQ(got->uploaded_by_email, "u1@example.nl");
  EXPECT_EQ(got->uploaded_at, at(kNow + 10));
  EXPECT_EQ(got->records, 1200);
  EXPECT_EQ(got->records_with_personal_data, 1100);
  EXPECT_EQ(got->persons_distinct, 950);
  EXPECT_EQ(got->records_unidentified, 3);
  EXPECT_EQ(got->categories, (std::vector<std::string>{"bsn", "email", "health"}));
  EXPECT_TRUE(got->encrypted);
}

TEST_P(ScanReportStoreTest, ListsNewestFirstWithoutTheJson) {
  ScanReportRepository reports(db());
  ASSERT_TRUE(reports.create(record("eerste.json", kNow + 10)).ok());
  ASSERT_TRUE(reports.create(record("tweede.json", kNow + 20)).ok());
  auto list = reports.list(org_.id, breach_.id);
  ASSERT_TRUE(list.ok()) << list.error().detail;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].label, "tweede.json");
  EXPECT_EQ((*list)[1].label, "eerste.json");
  EXPECT_TRUE((*list)[0].report_json.empty());
  EXPECT_EQ((*list)[0].categories.size(), 3u);
  EXPECT_EQ(reports.count(org_.id, breach_.id).value(), 2);
}

TEST_P(ScanReportStoreTest, AnotherOrganisationSeesNothingAndCannotAttach) {
  ScanReportRepository reports(db());
  auto created = reports.create(record("klanten.json", kNow));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(reports.get(other_.id, breach_.id, created->id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(reports.list(other_.id, breach_.id).value().empty());
  EXPECT_EQ(reports.get(org_.id, "other-breach", created->id).error().kind, ErrorKind::kNotFound);

  ScanReportRecord foreign = record("vreemd.json", kNow);
  foreign.organisation_id = other_.id;
  EXPECT_EQ(reports.create(foreign).error().kind, ErrorKind::kNotFound);
  ScanReportRecord missing = record("weg.json", kNow);
  missing.breach_id = "no-such-breach";
  EXPECT_EQ(reports.create(missing).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports.count(org_.id, breach_.id).value(), 1);
}

BD_STORAGE_SUITE(ScanReportStoreTest);

}  // namespace
}  // namespace bd::storage::testing
