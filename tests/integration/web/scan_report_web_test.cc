// Scan reports over HTTP: a report made by the real scanner on a generated file is
// uploaded on the breach page (multipart/form-data), listed with its figures, and two
// of its answers are taken over with one button; bad uploads, other tenants and
// missing CSRF tokens change nothing. Also the JSON API.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "scan/input/input.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "web_server_fixture.h"

namespace bd::http {
namespace {

using web_testing::Browser;
using web_testing::hidden_value;
using web_testing::Reply;

constexpr char kBoundary[] = "----bdTestBoundary42";

std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& file_name, const std::string& file_data) {
  std::string body;
  for (const auto& [n, v] : fields) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + n + "\"\r\n\r\n" + v + "\r\n";
  }
  body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"report_file\"; filename=\"" +
          file_name + "\"\r\nContent-Type: application/json\r\n\r\n" + file_data + "\r\n";
  return body + "--" + kBoundary + "--\r\n";
}

class ScanReportWebTest : public web_testing::WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    if (HasFatalFailure()) return;
    make_user(make_org("Zorg A"), "officer@a.example", service::Role::kPrivacyOfficer);
    make_user(make_org("Verwerker B"), "officer@b.example", service::Role::kPrivacyOfficer);
  }

  Reply api(const std::string& email, const std::string& method, const std::string& target,
            const std::string& body = {}) {
    auto token = services_->auth().create_api_token(actor(email), "test");
    Browser b(server_->port());
    return b.request(method, target, body, body.empty() ? "" : "application/json",
                     {{"Authorization", "Bearer " + token->plaintext}});
  }

  std::string breach_of(const std::string& email) {
    auto b = services_->breaches().create(actor(email), "Klantenbestand op straat", {});
    EXPECT_TRUE(b.ok());
    return b->id;
  }

  // Runs the real scanner (input layer and analysis) on a small generated CSV file.
  std::string scanner_report() {
    const auto csv = dir_ / "klanten.csv";
    std::ofstream out(csv);
    out << "voornaam;achternaam;bsn;email;postcode;huisnummer\n"
           "Jan;Jansen;111222333;jan@example.nl;1011AB;1\n"
           "Piet;Pietersen;123456782;piet@example.nl;1012CD;2\n"
           "Klaas;de Vries;111222345;klaas@example.nl;1013EF;3\n";
    out.close();
    scan::Scanner scanner;
    EXPECT_TRUE(scan::read_inputs({csv.string()}, {}, scanner).ok());
    return scan::report_to_json(scanner.finish());
  }

  std::size_t report_count(const std::string& email, const std::string& breach) {
    auto list = services_->scan_reports().list(actor(email), breach);
    return list.ok() ? list->size() : 0;
  }

};

TEST_F(ScanReportWebTest, UploadListAndTakeOverTwoAnswersWithOneClick) {
  const std::string id = breach_of("officer@a.example");
  Browser b = login("officer@a.example");
  Reply page = b.get("/breaches/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Scanrapporten"), std::string::npos);
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  Reply up = b.request("POST", "/breaches/" + id + "/scan-reports",
                       multipart({{"csrf", hidden_value(page.body, "csrf")}}, "klanten-scan.json", scanner_report()),
                       std::string("multipart/form-data; boundary=") + kBoundary);
  ASSERT_EQ(up.status, 303) << up.body;
  EXPECT_EQ(up.header("location"), "/breaches/" + id + "?scan_added=1#scan-reports");

  page = b.get("/breaches/" + id + "?scan_added=1");
  EXPECT_NE(page.body.find("Het scanrapport is toegevoegd."), std::string::npos);
  EXPECT_NE(page.body.find("klanten-scan.json"), std::string::npos);
  EXPECT_NE(page.body.find("data-test=\"scan-records\">3<"), std::string::npos);
  EXPECT_NE(page.body.find("data-test=\"scan-persons\">3<"), std::string::npos);
  EXPECT_NE(page.body.find("BSN"), std::string::npos);
  EXPECT_NE(page.body.find("Antwoorden overnemen"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("/scan-reports/([0-9a-f]{32})/apply")));
  Reply applied = b.post_form("/breaches/" + id + "/scan-reports/" + m[1].str() + "/apply",
                              {{"csrf", hidden_value(page.body, "csrf")}, {"version", hidden_value(page.body, "version")},
                               {"answer", "data.general"}, {"answer", "subjects.count"}});
  ASSERT_EQ(applied.status, 303) << applied.body;

  auto breach = services_->breaches().get(actor("officer@a.example"), id).value();
  EXPECT_EQ(breach.version, 2);
  const auto& general = std::get<std::vector<std::string>>(breach.answers.at("data.general"));
  EXPECT_NE(std::find(general.begin(), general.end(), "bsn"), general.end());
  EXPECT_NE(std::find(general.begin(), general.end(), "email"), general.end());
  EXPECT_EQ(std::get<std::int64_t>(breach.answers.at("subjects.count")), 3);
  EXPECT_EQ(breach.answers.count("data.records"), 0u);  // not chosen
  auto revisions = services_->breaches().revisions(actor("officer@a.example"), id).value();
  EXPECT_NE(revisions.back().note.find("Antwoorden overgenomen uit scanrapport \u201cklanten-scan.json\u201d"),
            std::string::npos);
  page = b.get("/breaches/" + id);
  EXPECT_NE(page.body.find("Antwoorden overgenomen uit scanrapport"), std::string::npos);  // in the history
}

TEST_F(ScanReportWebTest, BadJsonIs400AndNothingIsWritten) {
  const std::string id = breach_of("officer@a.example");
  Browser b = login("officer@a.example");
  Reply page = b.get("/breaches/" + id);
  Reply up = b.request("POST", "/breaches/" + id + "/scan-reports",
                       multipart({{"csrf", hidden_value(page.body, "csrf")}}, "x.json", "{\"schema\": nope"),
                       std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(up.status, 400);
  EXPECT_NE(up.body.find("geen geldige JSON"), std::string::npos);
  Reply pasted = b.post_form("/breaches/" + id + "/scan-reports",
                             {{"csrf", hidden_value(page.body, "csrf")}, {"report_text", "[1, 2]"}});
  EXPECT_EQ(pasted.status, 400);
  Reply by_api = api("officer@a.example", "POST", "/api/v1/breaches/" + id + "/scan-reports", "not json");
  EXPECT_EQ(by_api.status, 400);
  EXPECT_NE(by_api.body.find("invalid_input"), std::string::npos);
  EXPECT_EQ(report_count("officer@a.example", id), 0u);
}

TEST_F(ScanReportWebTest, AnotherOrganisationsBreachIsNotFound) {
  const std::string id = breach_of("officer@a.example");
  const std::string report = scanner_report();
  Browser other = login("officer@b.example");
  Reply register_page = other.get("/breaches");
  Reply up = other.request("POST", "/breaches/" + id + "/scan-reports",
                           multipart({{"csrf", hidden_value(register_page.body, "csrf")}}, "x.json", report),
                           std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(up.status, 404);
  EXPECT_EQ(api("officer@b.example", "GET", "/api/v1/breaches/" + id + "/scan-reports").status, 404);
  EXPECT_EQ(api("officer@b.example", "POST", "/api/v1/breaches/" + id + "/scan-reports", report).status, 404);
  EXPECT_EQ(report_count("officer@a.example", id), 0u);
}

TEST_F(ScanReportWebTest, AnUploadWithoutTheCsrfTokenIsRefused) {
  const std::string id = breach_of("officer@a.example");
  Browser b = login("officer@a.example");
  Reply up = b.request("POST", "/breaches/" + id + "/scan-reports", multipart({}, "x.json", scanner_report()),
                       std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(up.status, 403);
  Reply wrong = b.request("POST", "/breaches/" + id + "/scan-reports",
                          multipart({{"csrf", "forged"}}, "x.json", scanner_report()),
                          std::string("multipart/form-data; boundary=") + kBoundary);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(report_count("officer@a.example", id), 0u);
}

TEST_F(ScanReportWebTest, ApiAttachesListsShowsAndAppliesWithOptimisticConcurrency) {
  const std::string id = breach_of("officer@a.example");
  const std::string base = "/api/v1/breaches/" + id + "/scan-reports";
  Reply created = api("officer@a.example", "POST", base + "?label=dump.json", scanner_report());
  ASSERT_EQ(created.status, 201) << created.body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, std::regex("\"id\":\"([0-9a-f]{32})\"")));
  const std::string rid = m[1].str();
  EXPECT_NE(created.body.find("\"label\":\"dump.json\""), std::string::npos);
  Reply list = api("officer@a.example", "GET", base);
  EXPECT_NE(list.body.find(rid), std::string::npos);
  Reply one = api("officer@a.example", "GET", base + "/" + rid);
  EXPECT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("\"suggestions\""), std::string::npos);
  EXPECT_NE(one.body.find("\"schema\":\"breachdesk.scan-report/1\""), std::string::npos);
  Reply applied = api("officer@a.example", "POST", base + "/" + rid + "/apply",
                      R"({"version": 1, "ids": ["data.records"]})");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_NE(applied.body.find("\"data.records\":3"), std::string::npos);
  Reply stale = api("officer@a.example", "POST", base + "/" + rid + "/apply", R"({"version": 1, "ids": ["data.general"]})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(api("officer@a.example", "GET", base + "/0123456789abcdef0123456789abcdef").status, 404);
}

}  // namespace
}  // namespace bd::http
