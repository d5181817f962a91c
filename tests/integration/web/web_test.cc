// The web front door end to end: a real server on an ephemeral port, a temporary
// SQLite database, the real services, driven over HTTP like a browser and an API
// client would.
#include <gtest/gtest.h>

#include <regex>

#include "web_server_fixture.h"

namespace bd::http {
namespace {

using web_testing::Browser;
using web_testing::hidden_value;
using web_testing::Reply;
using web_testing::kPassword;

class WebTest : public web_testing::WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    if (HasFatalFailure()) return;
    org_a_ = make_org("Zorg A");
    org_b_ = make_org("Verwerker B");
    make_user(org_a_, "officer@a.example", service::Role::kAdmin);
    make_user(org_b_, "officer@b.example", service::Role::kPrivacyOfficer);
  }

  std::int64_t breach_count(const std::string& email) {
    auto actor = services_->auth().actor_by_email(service::system_actor(), email);
    auto page = services_->breaches().list(*actor, {});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  }

  // Reports a breach through the intake page; returns its id.
  std::string report(Browser& b, const std::string& what) {
    Reply page = b.get("/report");
    EXPECT_EQ(page.status, 200);
    Reply r = b.post_form("/report", {{"csrf", hidden_value(page.body, "csrf")}, {"what_happened", what},
                                      {"discovered_date", "2026-01-15"}, {"discovered_time", "09:30"},
                                      {"reporter_name", "Anna"}});
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string location = r.header("location");
    const std::string prefix = "/breaches/";
    EXPECT_EQ(location.rfind(prefix, 0), 0u) << location;
    return location.substr(prefix.size(), location.find('?') - prefix.size());
  }

  std::string org_a_, org_b_;
};

TEST_F(WebTest, NothingButLoginIsReachableWithoutASession) {
  Browser anon(server_->port());
  Reply page = anon.get("/breaches");
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("location"), "/login?next=%2Fbreaches");
  EXPECT_EQ(anon.get("/users").status, 303);
  EXPECT_EQ(anon.post_form("/report", {{"what_happened", "x"}}).status, 401);
  Reply api_reply = anon.get("/api/v1/breaches");
  EXPECT_EQ(api_reply.status, 401);
  EXPECT_NE(api_reply.body.find("\"unauthorized\""), std::string::npos);
  EXPECT_EQ(api_reply.header("www-authenticate"), "Bearer");
  EXPECT_EQ(anon.get("/api/v1/openapi.yaml").status, 401);
  EXPECT_EQ(anon.get("/login").status, 200);
  EXPECT_EQ(anon.get("/static/app.css").status, 200);
  EXPECT_EQ(anon.get("/healthz").status, 200);
}

TEST_F(WebTest, SecurityHeadersArePresent) {
  Browser anon(server_->port());
  Reply r = anon.get("/login");
  const std::string csp = r.header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(r.header("referrer-policy").empty());
  EXPECT_FALSE(r.header("x-frame-options").empty());
  EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_F(WebTest, LoginSetsAStrictHttpOnlySessionCookieAndLogoutEndsIt) {
  Browser anon(server_->port());
  Reply form = anon.get("/login");
  Reply wrong = anon.post_form("/login", {{"csrf", hidden_value(form.body, "csrf")}, {"email", "officer@a.example"},
                                          {"password", "wrong password here"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("klopt niet"), std::string::npos);

  Browser b(server_->port());
  form = b.get("/login");
  Reply ok = b.post_form("/login", {{"csrf", hidden_value(form.body, "csrf")}, {"email", "officer@a.example"},
                                    {"password", kPassword}});
  ASSERT_EQ(ok.status, 303);
  bool found = false;
  for (const std::string& set : ok.all("set-cookie")) {
    if (set.rfind("bd_session=", 0) != 0) continue;
    found = true;
    EXPECT_NE(set.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
  }
  EXPECT_TRUE(found);
  Reply reg = b.get("/breaches");
  ASSERT_EQ(reg.status, 200);
  Reply out = b.post_form("/logout", {{"csrf", hidden_value(reg.body, "csrf")}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(b.get("/breaches").status, 303);
}

TEST_F(WebTest, LoginFormWithoutItsCsrfTokenIsRefused) {
  Browser b(server_->port());
  b.get("/login");
  Reply r = b.post_form("/login", {{"csrf", "forged"}, {"email", "officer@a.example"}, {"password", kPassword}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(b.cookie("bd_session").empty());
}

TEST_F(WebTest, PagePostsWithoutTheCsrfTokenChangeNothing) {
  Browser b = login("officer@a.example");
  Reply r = b.post_form("/report", {{"what_happened", "Laptop kwijt"}, {"discovered_date", "2026-01-15"}});
  EXPECT_EQ(r.status, 403);
  r = b.post_form("/report", {{"csrf", "not-the-token"}, {"what_happened", "Laptop kwijt"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(breach_count("officer@a.example"), 0);
}

TEST_F(WebTest, ReportedTextIsStoredAsGivenAndRenderedEscaped) {
  Browser b = login("officer@a.example");
  const std::string what = "<script>alert('x')</script> Robert'); DROP TABLE breaches;--";
  const std::string id = report(b, what);
  Reply page = b.get("/breaches/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Robert&#39;); DROP TABLE breaches;--"),
            std::string::npos);
  auto actor = services_->auth().actor_by_email(service::system_actor(), "officer@a.example");
  auto breach = services_->breaches().get(*actor, id);
  ASSERT_TRUE(breach.ok());
  EXPECT_EQ(std::get<std::string>(breach->answers.at("breach.summary")), what);
  Reply reg = b.get("/breaches?q=Robert");
  EXPECT_NE(reg.body.find("/breaches/" + id), std::string::npos);
}

TEST_F(WebTest, AStaleChapterSaveIsAConflictThatKeepsTheInput) {
  Browser b = login("officer@a.example");
  const std::string id = report(b, "Mail naar verkeerde ontvanger");
  Reply ch = b.get("/breaches/" + id + "/chapters/4");
  ASSERT_EQ(ch.status, 200);
  const std::string csrf = hidden_value(ch.body, "csrf");
  const std::string version = hidden_value(ch.body, "version");
  Reply first = b.post_form("/breaches/" + id + "/chapters/4",
                            {{"csrf", csrf}, {"version", version}, {"time.how_discovered", "Klant belde"}});
  EXPECT_EQ(first.status, 303) << first.body;
  Reply stale = b.post_form("/breaches/" + id + "/chapters/4",
                            {{"csrf", csrf}, {"version", version}, {"time.how_discovered", "Mijn eigen tekst"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn eigen tekst"), std::string::npos);
  Reply history = b.get("/breaches/" + id);
  EXPECT_NE(history.body.find("Klant belde"), std::string::npos);
  EXPECT_EQ(history.body.find("Mijn eigen tekst"), std::string::npos);
}

TEST_F(WebTest, ImpossibleDatesAreRefusedNextToTheField) {
  Browser b = login("officer@a.example");
  const std::string id = report(b, "Brief kwijt");
  Reply ch = b.get("/breaches/" + id + "/chapters/4");
  Reply bad = b.post_form("/breaches/" + id + "/chapters/4",
                          {{"csrf", hidden_value(ch.body, "csrf")}, {"version", hidden_value(ch.body, "version")},
                           {"time.start", "2026-02-30"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("f-time-start-error"), std::string::npos);
  auto actor = services_->auth().actor_by_email(service::system_actor(), "officer@a.example");
  EXPECT_EQ(services_->breaches().get(*actor, id)->version, 1);
}

TEST_F(WebTest, AnotherOrganisationsBreachIsNotFound) {
  Browser a = login("officer@a.example");
  const std::string id = report(a, "Onbeveiligde webserver");
  Browser other = login("officer@b.example");
  EXPECT_EQ(other.get("/breaches/" + id).status, 404);
  EXPECT_EQ(other.get("/breaches/" + id + "/chapters/1").status, 404);
  const std::string token = api_token("officer@b.example");
  EXPECT_EQ(api(token, "GET", "/api/v1/breaches/" + id).status, 404);
  EXPECT_EQ(api(token, "PATCH", "/api/v1/breaches/" + id, R"({"version":1,"answers":{}})").status, 404);
  Reply list = api(token, "GET", "/api/v1/breaches");
  EXPECT_EQ(list.body.find(id), std::string::npos);
}

TEST_F(WebTest, ApiRefusesBadInputWithTheFieldNamedAndWritesNothing) {
  const std::string token = api_token("officer@a.example");
  Reply malformed = api(token, "POST", "/api/v1/breaches", "{\"title\": \"x\",");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(malformed.body.find("\"field\":\"body\""), std::string::npos);
  Reply unknown = api(token, "POST", "/api/v1/breaches", R"({"title":"x","answers":{"no.such":1}})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("no.such"), std::string::npos);
  Reply bad_enum = api(token, "POST", "/api/v1/breaches",
                       R"({"title":"x","answers":{"breach.incident_type":"aliens"}})");
  EXPECT_EQ(bad_enum.status, 400);
  EXPECT_NE(bad_enum.body.find("breach.incident_type"), std::string::npos);
  Reply bad_date = api(token, "POST", "/api/v1/breaches",
                       R"({"title":"x","answers":{"time.discovered":"2026-02-30T10:00:00+01:00"}})");
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_NE(bad_date.body.find("time.discovered"), std::string::npos);
  EXPECT_EQ(breach_count("officer@a.example"), 0);
  Reply huge = api(token, "POST", "/api/v1/breaches", "{\"title\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}");
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(breach_count("officer@a.example"), 0);
}

TEST_F(WebTest, ApiCreatesUpdatesAndRefusesAStaleVersion) {
  const std::string token = api_token("officer@a.example");
  Reply created = api(token, "POST", "/api/v1/breaches",
                      R"({"title":"Laptop gestolen","answers":{"breach.incident_type":"device_or_paper_lost_or_stolen"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string location = created.header("location");
  const std::string id = location.substr(location.rfind('/') + 1);
  Reply patched = api(token, "PATCH", location, R"({"version":1,"answers":{"breach.summary":"<b>tekst</b>"}})");
  EXPECT_EQ(patched.status, 200) << patched.body;
  EXPECT_NE(patched.body.find("\"version\":2"), std::string::npos);
  Reply stale = api(token, "PATCH", location, R"({"version":1,"answers":{"breach.summary":"later"}})");
  EXPECT_EQ(stale.status, 409);
  Reply revisions = api(token, "GET", location + "/revisions");
  EXPECT_EQ(revisions.status, 200);
  EXPECT_NE(revisions.body.find("breach.summary"), std::string::npos);
  Reply filtered = api(token, "GET", "/api/v1/breaches?incident_type=device_or_paper_lost_or_stolen");
  EXPECT_NE(filtered.body.find(id), std::string::npos);
  EXPECT_EQ(api(token, "GET", "/api/v1/breaches?status=bogus").status, 400);
  Reply bad_type = api(token, "GET", "/api/v1/breaches?incident_type=aliens");
  EXPECT_EQ(bad_type.status, 400);
  EXPECT_NE(bad_type.body.find("incident_type"), std::string::npos);
  EXPECT_EQ(api(token, "GET", "/api/v1/openapi.yaml").status, 200);
}

TEST_F(WebTest, AdminsManageUsersAndOthersMayNot) {
  Browser admin = login("officer@a.example");
  Reply users = admin.get("/users");
  ASSERT_EQ(users.status, 200);
  Reply added = admin.post_form("/users", {{"csrf", hidden_value(users.body, "csrf")}, {"email", "nieuw@a.example"},
                                           {"display_name", "Nieuwe Melder"}, {"role", "reporter"}});
  EXPECT_EQ(added.status, 201) << added.body;
  EXPECT_NE(added.body.find("nieuw@a.example"), std::string::npos);
  std::smatch m;  // the admin's own row has no forms, so the first belongs to the new user
  ASSERT_TRUE(std::regex_search(added.body, m, std::regex("/users/([^/\"]+)/disabled")));
  const std::string id = m[1];
  const std::string csrf = hidden_value(added.body, "csrf");
  EXPECT_EQ(admin.post_form("/users/" + id + "/role", {{"csrf", csrf}, {"role", "auditor"}}).status, 303);
  EXPECT_EQ(admin.post_form("/users/" + id + "/disabled", {{"csrf", csrf}, {"disabled", "1"}}).status, 303);
  EXPECT_EQ(admin.post_form("/users/" + id + "/role", {{"csrf", csrf}, {"role", "emperor"}}).status, 400);
  auto user = services_->users().get(service::system_actor(org_a_), id);
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->role, service::Role::kAuditor);
  EXPECT_TRUE(user->disabled);
  Browser officer_b = login("officer@b.example");
  EXPECT_EQ(officer_b.get("/users").status, 403);
  const std::string token = api_token("officer@b.example");
  EXPECT_EQ(api(token, "GET", "/api/v1/users").status, 403);
  EXPECT_EQ(api(token, "PATCH", "/api/v1/users/" + id, R"({"disabled":false})").status, 403);

  // The same through the API: a bad value changes nothing, a good one both fields.
  const std::string admin_token = api_token("officer@a.example");
  Reply one = api(admin_token, "GET", "/api/v1/users/" + id);
  EXPECT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("\"role\":\"auditor\""), std::string::npos) << one.body;
  Reply bad = api(admin_token, "PATCH", "/api/v1/users/" + id, R"({"role":"reporter","disabled":"no"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("disabled"), std::string::npos);
  EXPECT_EQ(services_->users().get(service::system_actor(org_a_), id)->role, service::Role::kAuditor);
  Reply patched = api(admin_token, "PATCH", "/api/v1/users/" + id, R"({"role":"privacy_officer","disabled":false})");
  EXPECT_EQ(patched.status, 200) << patched.body;
  auto after = services_->users().get(service::system_actor(org_a_), id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->role, service::Role::kPrivacyOfficer);
  EXPECT_FALSE(after->disabled);
  EXPECT_EQ(api(admin_token, "GET", "/api/v1/users/no-such-user").status, 404);
}

TEST_F(WebTest, APersonCreatesAndRevokesTheirOwnApiToken) {
  Browser b = login("officer@a.example");
  Reply page = b.get("/account/tokens");
  ASSERT_EQ(page.status, 200);
  Reply created = b.post_form("/account/tokens", {{"csrf", hidden_value(page.body, "csrf")}, {"name", "script"}});
  ASSERT_EQ(created.status, 201);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, std::regex("<code class=\"secret\">([^<]+)</code>")));
  const std::string token = m[1];
  EXPECT_EQ(api(token, "GET", "/api/v1/breaches").status, 200);
  Reply again = b.get("/account/tokens");
  EXPECT_EQ(again.body.find(token), std::string::npos);  // shown once only
  std::smatch id;
  ASSERT_TRUE(std::regex_search(again.body, id, std::regex("/account/tokens/([^/]+)/revoke")));
  EXPECT_EQ(b.post_form("/account/tokens/" + id[1].str() + "/revoke", {{"csrf", hidden_value(again.body, "csrf")}}).status,
            303);
  EXPECT_EQ(api(token, "GET", "/api/v1/breaches").status, 401);
}

TEST_F(WebTest, EnglishIsOneSwitchAway) {
  Browser b = login("officer@a.example");
  Reply nl = b.get("/breaches");
  EXPECT_NE(nl.body.find("Register van datalekken"), std::string::npos);
  Reply en = b.get("/breaches?lang=en");
  EXPECT_NE(en.body.find("Breach register"), std::string::npos);
  EXPECT_EQ(b.cookie("lang"), "en");
  EXPECT_NE(b.get("/report").body.find("Report a (possible) personal-data breach"), std::string::npos);
}

}  // namespace
}  // namespace bd::http
