// Supporting documents over HTTP: uploaded on chapter 5's editor page
// (multipart/form-data), listed with a download link that gives back the same bytes
// with safe headers, removed with a button, each change in the breach's history.
// Too large, wrong type, a missing CSRF token, a stale version, another organisation
// and reporters change nothing. Also the JSON API.
#include <gtest/gtest.h>

#include <regex>

#include "web_server_fixture.h"

namespace bd::http {
namespace {

using web_testing::Browser;
using web_testing::hidden_value;
using web_testing::Reply;

constexpr char kBoundary[] = "----bdAttachmentBoundary7";
const std::string kMultipart = std::string("multipart/form-data; boundary=") + kBoundary;

// A PDF with every byte value in it: what comes back must be byte for byte the same.
std::string pdf_bytes() {
  std::string out = "%PDF-1.7\n%";
  for (int b = 0; b < 256; ++b) out.push_back(static_cast<char>(b));
  return out + "\n%%EOF\n";
}

std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& file_name,
                      const std::string& data) {
  std::string body;
  for (const auto& [n, v] : fields) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + n + "\"\r\n\r\n" + v + "\r\n";
  }
  body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
          file_name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n";
  return body + "--" + kBoundary + "--\r\n";
}

class AttachmentWebTest : public web_testing::WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string a = make_org("Zorg A");
    make_user(a, "officer@a.example", service::Role::kPrivacyOfficer);
    make_user(a, "melder@a.example", service::Role::kReporter);
    make_user(a, "collega@a.example", service::Role::kReporter);
    make_user(make_org("Verwerker B"), "officer@b.example", service::Role::kPrivacyOfficer);
  }

  Reply api(const std::string& email, const std::string& method, const std::string& target,
            const std::string& body = {}, const std::string& type = {}) {
    auto token = services_->auth().create_api_token(actor(email), "test");
    Browser b(server_->port());
    return b.request(method, target, body, type, {{"Authorization", "Bearer " + token->plaintext}});
  }

  // A breach reported through the intake by the reporter, as officers find them.
  std::string reported_breach() {
    auto b = services_->breaches().intake(actor("melder@a.example"),
                                          {"Laptop kwijt", "Laptop met verslagen in de trein laten liggen", {}, "", "", ""});
    EXPECT_TRUE(b.ok());
    return b->id;
  }

  // Uploads through the page's form; `page` is the page the form was taken from.
  Reply upload(Browser& b, const std::string& id, const Reply& page, const std::string& name, const std::string& data,
               const std::string& back = "chapter") {
    return b.request("POST", "/breaches/" + id + "/attachments",
                     multipart({{"csrf", hidden_value(page.body, "csrf")}, {"version", hidden_value(page.body, "version")},
                                {"return_to", back}},
                               name, data),
                     kMultipart);
  }

  std::size_t stored(const std::string& id) {
    auto list = services_->attachments().list(actor("officer@a.example"), id);
    return list.ok() ? list->size() : 0;
  }
  std::int64_t version(const std::string& id) {
    return services_->breaches().get(actor("officer@a.example"), id)->version;
  }

};

std::string first_download_link(const std::string& html, const std::string& id) {
  std::smatch m;
  const std::regex re("href=\"(/breaches/" + id + "/attachments/[0-9a-f]{32})\"");
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

TEST_F(AttachmentWebTest, UploadOnChapterFiveDownloadTheSameBytesAndRemove) {
  const std::string id = reported_breach();
  Browser b = login("officer@a.example");
  Reply chapter = b.get("/breaches/" + id + "/chapters/5");
  ASSERT_EQ(chapter.status, 200);
  EXPECT_NE(chapter.body.find("Ondersteunende documentatie"), std::string::npos);
  EXPECT_NE(chapter.body.find("geen persoonsgegevens op te nemen"), std::string::npos);  // the AP's request
  EXPECT_NE(chapter.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(chapter.body.find("Sla eerst uw antwoorden"), std::string::npos);
  EXPECT_EQ(b.get("/breaches/" + id + "/chapters/6").body.find("id=\"attachments\""), std::string::npos);

  Reply up = upload(b, id, chapter, "Tijdlijn \xE2\x80\x9C" "incident\xE2\x80\x9D.pdf", pdf_bytes());
  ASSERT_EQ(up.status, 303) << up.body;
  EXPECT_EQ(up.header("location"), "/breaches/" + id + "/chapters/5?attachment_added=1#attachments");
  chapter = b.get("/breaches/" + id + "/chapters/5?attachment_added=1");
  EXPECT_NE(chapter.body.find("Het document is toegevoegd"), std::string::npos);
  EXPECT_NE(chapter.body.find("Tijdlijn \xE2\x80\x9C" "incident\xE2\x80\x9D.pdf"), std::string::npos);
  const std::string link = first_download_link(chapter.body, id);
  ASSERT_FALSE(link.empty());

  Reply file = b.get(link);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf_bytes());
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  EXPECT_EQ(file.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(file.header("content-disposition"),
            "attachment; filename=\"Tijdlijn ___incident___.pdf\"; "
            "filename*=UTF-8''Tijdlijn%20%E2%80%9Cincident%E2%80%9D.pdf");

  Reply breach_page = b.get("/breaches/" + id);
  EXPECT_NE(breach_page.body.find(link), std::string::npos);  // listed on the breach page too
  EXPECT_NE(breach_page.body.find("Document toegevoegd: Tijdlijn"), std::string::npos);  // in the history

  std::smatch m;
  ASSERT_TRUE(std::regex_search(chapter.body, m, std::regex("action=\"(/breaches/" + id +
                                                               "/attachments/[0-9a-f]{32}/remove)\"")));
  Reply removed = b.post_form(m[1].str(), {{"csrf", hidden_value(chapter.body, "csrf")},
                                           {"version", hidden_value(chapter.body, "version")},
                                           {"return_to", "chapter"}});
  ASSERT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(removed.header("location"), "/breaches/" + id + "/chapters/5?attachment_removed=1#attachments");
  EXPECT_EQ(stored(id), 0u);
  EXPECT_EQ(version(id), 3);
  EXPECT_EQ(b.get(link).status, 404);
}

TEST_F(AttachmentWebTest, TooLargeAndWrongTypeAreShownWithTheFormAndNothingIsWritten) {
  const std::string id = reported_breach();
  Browser b = login("officer@a.example");
  Reply chapter = b.get("/breaches/" + id + "/chapters/5");
  Reply big = upload(b, id, chapter, "scan.pdf", "%PDF-" + std::string(model::kMaxAttachmentBytes, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find("groter dan 10 MiB"), std::string::npos);
  EXPECT_NE(big.body.find("data-test=\"attachment-error\""), std::string::npos);
  EXPECT_NE(big.body.find("enctype=\"multipart/form-data\""), std::string::npos);  // try again right there
  EXPECT_EQ(big.body.find("Sla eerst uw antwoorden"), std::string::npos);  // no chapter form on this page
  EXPECT_NE(hidden_value(big.body, "return_to").find("chapter"), std::string::npos);  // a retry goes back there
  Reply exe = upload(b, id, chapter, "factuur.pdf", std::string("MZ\x90\0\x03\0\0\0", 8));
  EXPECT_EQ(exe.status, 400);
  EXPECT_NE(exe.body.find("Dit soort bestand kan niet worden toegevoegd"), std::string::npos);
  Reply zip = upload(b, id, chapter, "export.zip", std::string("PK\x03\x04", 4) + std::string(40, '\0'));
  EXPECT_EQ(zip.status, 400);
  Reply none = upload(b, id, chapter, "", "");
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("Kies een bestand"), std::string::npos);
  EXPECT_EQ(stored(id), 0u);
  EXPECT_EQ(version(id), 1);
}

TEST_F(AttachmentWebTest, AStaleVersionIs409AndNothingIsWritten) {
  const std::string id = reported_breach();
  Browser b = login("officer@a.example");
  Reply chapter = b.get("/breaches/" + id + "/chapters/5");
  service::BreachUpdate update;  // someone else saves an answer meanwhile
  update.expected_version = 1;
  update.changes["breach.summary"] = std::string("Laptop gestolen uit auto");
  ASSERT_TRUE(services_->breaches().update(actor("officer@a.example"), id, update).ok());
  Reply stale = upload(b, id, chapter, "verslag.pdf", pdf_bytes());
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("intussen door iemand anders gewijzigd"), std::string::npos);
  EXPECT_EQ(hidden_value(stale.body, "version"), "2");  // the form shown again can be sent as it is
  EXPECT_EQ(stored(id), 0u);
  EXPECT_EQ(version(id), 2);
}

TEST_F(AttachmentWebTest, AnUploadWithoutTheCsrfTokenIsRefused) {
  const std::string id = reported_breach();
  Browser b = login("officer@a.example");
  Reply none = b.request("POST", "/breaches/" + id + "/attachments",
                         multipart({{"version", "1"}}, "verslag.pdf", pdf_bytes()), kMultipart);
  EXPECT_EQ(none.status, 403);
  Reply forged = b.request("POST", "/breaches/" + id + "/attachments",
                           multipart({{"csrf", "vervalst"}, {"version", "1"}}, "verslag.pdf", pdf_bytes()), kMultipart);
  EXPECT_EQ(forged.status, 403);
  // A large allowed file still reaches the token check and the upload.
  Reply page = b.get("/breaches/" + id);
  Reply large = upload(b, id, page, "groot.pdf", "%PDF-" + std::string(6 * 1024 * 1024, 'x'), "breach");
  EXPECT_EQ(large.status, 303) << large.body.substr(0, 300);
  EXPECT_EQ(stored(id), 1u);
}

TEST_F(AttachmentWebTest, AnotherOrganisationFindsNothing) {
  const std::string id = reported_breach();
  Browser officer = login("officer@a.example");
  ASSERT_EQ(upload(officer, id, officer.get("/breaches/" + id), "verslag.pdf", pdf_bytes(), "breach").status, 303);
  const std::string link = first_download_link(officer.get("/breaches/" + id).body, id);
  ASSERT_FALSE(link.empty());

  Browser other = login("officer@b.example");
  Reply register_page = other.get("/breaches");
  Reply up = other.request("POST", "/breaches/" + id + "/attachments",
                           multipart({{"csrf", hidden_value(register_page.body, "csrf")}, {"version", "2"}}, "x.pdf",
                                     pdf_bytes()),
                           kMultipart);
  EXPECT_EQ(up.status, 404);
  EXPECT_EQ(other.get(link).status, 404);
  EXPECT_EQ(other.get("/breaches/" + id + "/attachments").status, 404);
  const std::string api_link = "/api/v1" + link;
  EXPECT_EQ(api("officer@b.example", "GET", "/api/v1/breaches/" + id + "/attachments").status, 404);
  EXPECT_EQ(api("officer@b.example", "GET", api_link).status, 404);
  EXPECT_EQ(api("officer@b.example", "DELETE", api_link + "?version=2").status, 404);
  EXPECT_EQ(stored(id), 1u);
}

TEST_F(AttachmentWebTest, ReportersDownloadFromTheirOwnReportOnly) {
  const std::string id = reported_breach();
  Browser officer = login("officer@a.example");
  ASSERT_EQ(upload(officer, id, officer.get("/breaches/" + id), "verslag.pdf", pdf_bytes(), "breach").status, 303);

  Browser reporter = login("melder@a.example");
  Reply page = reporter.get("/breaches/" + id);
  ASSERT_EQ(page.status, 200);
  const std::string link = first_download_link(page.body, id);
  ASSERT_FALSE(link.empty());
  EXPECT_EQ(page.body.find("/attachments\" enctype"), std::string::npos);  // no upload form
  EXPECT_EQ(page.body.find("/remove\""), std::string::npos);              // no remove button
  EXPECT_EQ(reporter.get(link).body, pdf_bytes());
  Reply up = reporter.request("POST", "/breaches/" + id + "/attachments",
                              multipart({{"csrf", hidden_value(page.body, "csrf")}, {"version", "2"}}, "mijn.pdf",
                                        pdf_bytes()),
                              kMultipart);
  EXPECT_EQ(up.status, 403);

  Browser colleague = login("collega@a.example");
  EXPECT_EQ(colleague.get(link).status, 404);
  EXPECT_EQ(stored(id), 1u);
}

TEST_F(AttachmentWebTest, ApiAddsListsDownloadsAndDeletesWithTheBreachVersion) {
  const std::string id = reported_breach();
  const std::string base = "/api/v1/breaches/" + id + "/attachments";
  Reply created = api("officer@a.example", "POST", base, multipart({{"version", "1"}}, "log.txt", "regel 1\nregel 2\n"),
                      kMultipart);
  ASSERT_EQ(created.status, 201) << created.body;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, std::regex("\"id\":\"([0-9a-f]{32})\"")));
  const std::string aid = m[1].str();
  EXPECT_NE(created.body.find("\"name\":\"log.txt\""), std::string::npos);
  EXPECT_NE(created.body.find("\"content_type\":\"text/plain; charset=utf-8\""), std::string::npos);
  EXPECT_NE(created.body.find("\"breach_version\":2"), std::string::npos);
  EXPECT_NE(created.body.find("\"sha256\":\""), std::string::npos);

  Reply list = api("officer@a.example", "GET", base);
  EXPECT_NE(list.body.find(aid), std::string::npos);
  Reply bytes = api("officer@a.example", "GET", base + "/" + aid);
  EXPECT_EQ(bytes.body, "regel 1\nregel 2\n");
  EXPECT_EQ(bytes.header("content-type"), "text/plain; charset=utf-8");

  Reply breach = api("officer@a.example", "GET", "/api/v1/breaches/" + id);
  EXPECT_NE(breach.body.find("\"breach.attachments\":[\"log.txt\"]"), std::string::npos);

  Reply big = api("officer@a.example", "POST", base,
                  multipart({{"version", "2"}}, "groot.pdf", "%PDF-" + std::string(model::kMaxAttachmentBytes, 'x')),
                  kMultipart);
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find("\"code\":\"body_too_large\""), std::string::npos);
  Reply exe = api("officer@a.example", "POST", base, multipart({{"version", "2"}}, "a.pdf", std::string("MZ\x90\0", 4)),
                  kMultipart);
  EXPECT_EQ(exe.status, 400);
  EXPECT_NE(exe.body.find("\"field\":\"file\""), std::string::npos);
  Reply not_multipart = api("officer@a.example", "POST", base, "{}", "application/json");
  EXPECT_EQ(not_multipart.status, 400);
  Reply stale = api("officer@a.example", "POST", base, multipart({{"version", "1"}}, "b.txt", "b"), kMultipart);
  EXPECT_EQ(stale.status, 409);
  Reply by_hand = api("officer@a.example", "PATCH", "/api/v1/breaches/" + id,
                      R"({"version": 2, "answers": {"breach.attachments": ["verzonnen.pdf"]}})", "application/json");
  EXPECT_EQ(by_hand.status, 400);

  EXPECT_EQ(api("officer@a.example", "DELETE", base + "/" + aid + "?version=1").status, 409);
  Reply deleted = api("officer@a.example", "DELETE", base + "/" + aid + "?version=2");
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_NE(deleted.body.find("\"breach_version\":3"), std::string::npos);
  EXPECT_EQ(api("officer@a.example", "GET", base + "/" + aid).status, 404);
  EXPECT_EQ(stored(id), 0u);
}

}  // namespace
}  // namespace bd::http
