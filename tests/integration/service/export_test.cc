#include <boost/json/parse.hpp>

#include "service_fixture.h"

namespace bd::service::testing {
namespace {

class ExportTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    model::Answers answers;
    answers["breach.summary"] = std::string("Regel één, met komma\nen \"aanhalingstekens\"");
    answers["breach.nature"] = std::vector<std::string>{"confidentiality", "integrity"};
    answers["subjects.count_known"] = true;
    answers["subjects.count"] = std::int64_t{1500};
    auto b = svc().breaches().create(admin_, "=HYPERLINK(\"http://evil.example\")", answers);
    ASSERT_TRUE(b.ok()) << b.error().message << " " << b.error().field;
  }
};

TEST_P(ExportTest, CsvQuotesFieldsAndNeutralisesFormulas) {
  auto file = svc().exports().export_register(admin_, ExportFormat::kCsv);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(file->filename.rfind("datalekregister-", 0), 0u);
  const auto& csv = file->bytes;
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFReferentie,Titel,Status", 0), 0u) << csv.substr(0, 80);
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("\"Regel één, met komma\nen \"\"aanhalingstekens\"\"\""), std::string::npos);
  EXPECT_NE(csv.find("confidentiality; integrity"), std::string::npos);
  EXPECT_NE(csv.find(",ja,"), std::string::npos);
  EXPECT_NE(csv.find(",1500,"), std::string::npos);
  EXPECT_NE(csv.find("(breach.incident_type)"), std::string::npos);
  // Two records: header and one breach, each ending in CRLF.
  auto en = svc().exports().export_register(admin_, ExportFormat::kCsv, {}, "en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->bytes.rfind("\xEF\xBB\xBFReference,Title,Status", 0), 0u);
  EXPECT_NE(en->bytes.find(",yes,"), std::string::npos);
}

TEST_P(ExportTest, XlsxIsAZipWithTheSheet) {
  auto file = svc().exports().export_register(admin_, ExportFormat::kXlsx);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->filename.substr(file->filename.size() - 5), ".xlsx");
  ASSERT_GT(file->bytes.size(), 1000u);
  EXPECT_EQ(file->bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(file->bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(file->bytes.find("xl/workbook.xml"), std::string::npos);
}

TEST_P(ExportTest, JsonIsAnArrayOfContractBreaches) {
  auto file = svc().exports().export_register(admin_, ExportFormat::kJson);
  ASSERT_TRUE(file.ok());
  auto parsed = boost::json::parse(file->bytes);
  ASSERT_TRUE(parsed.is_array());
  ASSERT_EQ(parsed.as_array().size(), 1u);
  const auto& b = parsed.as_array()[0].as_object();
  EXPECT_EQ(b.at("answers").as_object().at("subjects.count").as_int64(), 1500);
  EXPECT_EQ(b.at("title").as_string(), "=HYPERLINK(\"http://evil.example\")");
}

TEST_P(ExportTest, OnlyRolesThatReadTheWholeRegisterMayExport) {
  auto reporter = add_user(org_, "melder@eerste.example", Role::kReporter);
  EXPECT_EQ(svc().exports().export_register(reporter, ExportFormat::kCsv).error().kind, ErrorKind::kForbidden);
  auto auditor = add_user(org_, "audit@eerste.example", Role::kAuditor);
  EXPECT_TRUE(svc().exports().export_register(auditor, ExportFormat::kCsv).ok());
  auto other = add_user(add_org("Ander"), "admin@ander.example", Role::kAdmin);
  auto theirs = svc().exports().export_register(other, ExportFormat::kJson);
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs->bytes, "[]");
}

BD_SERVICE_SUITE(ExportTest);

}  // namespace
}  // namespace bd::service::testing
