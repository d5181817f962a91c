// The workflow's pages and /api/v1 routes end to end: a real server on an ephemeral
// port, a temporary SQLite database and the real services, driven over HTTP.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "../web/web_server_fixture.h"
#include "base/time_zone.h"
#include "pages/local_time.h"

namespace bd::http {
namespace {

using web_testing::Browser;
using web_testing::hidden_value;
using web_testing::Reply;
using web_testing::kPassword;

// The care organisation's breach of the seed (seeds/000) as an answers object.
std::string care_answers(const std::string& discovered) {
  return R"({"org.name":"Zorggroep Oost","breach.nature":["confidentiality"],)"
         R"("breach.incident_type":"authorisation_misconfigured",)"
         R"("breach.summary":"Onbeveiligde webserver met NAW, BSN en betaalgegevens",)"
         R"("data.general":["name","address","bsn","financial","birth_date_or_age","email"],"data.special":[],)"
         R"("subjects.groups":["customers","employees"],"protection.measures":["none"],)"
         R"("time.discovered":")" + discovered + R"(","followup.measures":"Webserver offline gehaald.",)"
         R"("assess.malicious":false,"assess.exfiltrated":false,"assess.recipients":"unknown_number",)"
         R"("assess.controller_context":"care_provider"})";
}

class WorkflowWebTest : public web_testing::WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    if (HasFatalFailure()) return;
    org_ = make_org("Zorggroep Oost");
    officer_ = make_user("fg@zorg.example", service::Role::kPrivacyOfficer);
  }

  // A user of the organisation, with web_testing::kPassword.
  service::Actor make_user(const std::string& email, service::Role role) {
    return WebServerTest::make_user(org_, email, role);
  }

  model::Breach care_breach(int hours_ago) {
    const std::string when = format_iso_in_zone(clock_.now() - std::chrono::hours(hours_ago));
    auto parsed = services_->breaches().create(officer_, "Onbeveiligde webserver", parse(care_answers(when)));
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    return parsed.ok() ? *parsed : model::Breach{};
  }

  static model::Answers parse(const std::string& json);

  Reply api(const std::string& method, const std::string& target, const std::string& body = {}) {
    if (token_.empty()) token_ = services_->auth().create_api_token(officer_, "test")->plaintext;
    Browser b(server_->port());
    return b.request(method, target, body, body.empty() ? "" : "application/json",
                     {{"Authorization", "Bearer " + token_}});
  }

  std::string org_;
  service::Actor officer_;
  std::string token_;
};

}  // namespace
}  // namespace bd::http

#include "json/answers_codec.h"

namespace bd::http {
namespace {

model::Answers WorkflowWebTest::parse(const std::string& json) {
  auto a = json::answers_from_json(json);
  EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().message);
  return a.ok() ? *a : model::Answers{};
}

TEST_F(WorkflowWebTest, StatelessAssessAnswersTheProposalAndNamesBadFields) {
  Reply good = api("POST", "/api/v1/assess", R"({"answers":)" + care_answers("2026-03-28T10:00:00+01:00") + "}");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_NE(good.body.find("\"notify_ap\":true"), std::string::npos);
  EXPECT_NE(good.body.find("\"inform_subjects\":true"), std::string::npos);
  EXPECT_NE(good.body.find("bsn_with_name_address"), std::string::npos);
  EXPECT_NE(good.body.find("financial_data"), std::string::npos);
  EXPECT_NE(good.body.find("\"engine_version\""), std::string::npos);

  Reply bad = api("POST", "/api/v1/assess", R"({"answers":{"data.general":"bsn"}})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("data.general"), std::string::npos) << bad.body;
  Reply not_json = api("POST", "/api/v1/assess", "{nope");
  EXPECT_EQ(not_json.status, 400);
  Browser anonymous(server_->port());
  EXPECT_EQ(anonymous.request("POST", "/api/v1/assess", "{}", "application/json").status, 401);
}

TEST_F(WorkflowWebTest, BreachPageShowsTheProposalAndAnOverrideNeedsAReason) {
  auto b = care_breach(2);
  Browser browser = login("fg@zorg.example");
  Reply page = browser.get("/breaches/" + b.id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("BSN samen met naam"), std::string::npos);
  EXPECT_NE(page.body.find("Betaal- of financi"), std::string::npos);
  EXPECT_NE(page.body.find("AP-melding uiterlijk"), std::string::npos);
  const std::string csrf = hidden_value(page.body, "csrf");
  const std::string version = std::to_string(b.version);

  Reply no_reason = browser.post_form("/breaches/" + b.id + "/decision",
                                      {{"csrf", csrf}, {"version", version}, {"choice", "override"},
                                       {"inform_subjects", "no"}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 400);
  Reply stale = browser.post_form("/breaches/" + b.id + "/decision",
                                  {{"csrf", csrf}, {"version", "99"}, {"choice", "override"},
                                   {"inform_subjects", "no"}, {"reason", "Al gebeld"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Al gebeld"), std::string::npos);  // the input is kept
  Reply ok = browser.post_form("/breaches/" + b.id + "/decision",
                               {{"csrf", csrf}, {"version", version}, {"choice", "override"},
                                {"inform_subjects", "no"}, {"reason", "Al gebeld"}});
  EXPECT_EQ(ok.status, 303) << ok.body;
  Reply after = browser.get("/breaches/" + b.id);
  EXPECT_NE(after.body.find("Afgeweken van het voorstel"), std::string::npos);
  EXPECT_NE(after.body.find("Al gebeld"), std::string::npos);
}

TEST_F(WorkflowWebTest, UnknownsThatMatterLinkToChapterElevenWhereTheFactIsFilledIn) {
  auto b = care_breach(2);
  Browser browser = login("fg@zorg.example");
  Reply page = browser.get("/breaches/" + b.id);
  ASSERT_EQ(page.status, 200);
  const std::string link = "/breaches/" + b.id + "/chapters/11#q-f-assess-data_recovered";
  EXPECT_NE(page.body.find("href=\"" + link + "\""), std::string::npos) << "the unknown links to its question";
  EXPECT_NE(page.body.find("/breaches/" + b.id + "/chapters/11\""), std::string::npos) << "chapter 11 is listed";
  Reply chapter = browser.get("/breaches/" + b.id + "/chapters/11");
  ASSERT_EQ(chapter.status, 200) << chapter.body;
  EXPECT_NE(chapter.body.find("Beoordeling: feiten voor het voorstel"), std::string::npos);
  EXPECT_NE(chapter.body.find("id=\"q-f-assess-data_recovered\""), std::string::npos);
  Reply saved = browser.post_form("/breaches/" + b.id + "/chapters/11",
                                  {{"csrf", hidden_value(chapter.body, "csrf")}, {"version", std::to_string(b.version)},
                                   {"assess.data_recovered__present", "1"}, {"assess.data_recovered", "false"},
                                   {"then", "stay"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto after = services_->breaches().get(officer_, b.id);
  ASSERT_TRUE(after.ok());
  ASSERT_TRUE(after->answers.contains("assess.data_recovered"));
  EXPECT_EQ(after->answers.at("assess.data_recovered"), model::Value(false));
  EXPECT_EQ(browser.get("/breaches/" + b.id).body.find(link), std::string::npos) << "no longer unknown";
  EXPECT_EQ(browser.get("/breaches/" + b.id + "/chapters/12").status, 404);
}

TEST_F(WorkflowWebTest, NotificationIsPreparedFiledPrintedAndExported) {
  auto b = care_breach(2);
  service::DecideInput in;
  in.expected_version = b.version;
  auto decided = services_->workflow().decide(officer_, b.id, in);
  ASSERT_TRUE(decided.ok());
  Browser browser = login("fg@zorg.example");
  Reply page = browser.get("/breaches/" + b.id + "/notification");
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string csrf = hidden_value(page.body, "csrf");
  Reply prepared = browser.post_form("/breaches/" + b.id + "/notifications",
                                     {{"csrf", csrf}, {"kind", "initial"}, {"status", "final"}});
  ASSERT_EQ(prepared.status, 303) << prepared.body;
  auto list = services_->workflow().notifications(officer_, b.id);
  ASSERT_TRUE(list.ok() && list->size() == 1);
  const std::string nid = (*list)[0].id;
  const auto now = format_iso_in_zone(clock_.now());  // "YYYY-MM-DDTHH:MM:SS+hh:mm"
  Reply filed = browser.post_form("/notifications/" + nid + "/filing",
                                  {{"csrf", csrf}, {"version", std::to_string(decided->version)},
                                   {"meldnummer", "M-2026-0042"}, {"date", now.substr(0, 10)},
                                   {"time", now.substr(11, 5)}, {"late_reason", ""}});
  ASSERT_EQ(filed.status, 303) << filed.body;
  Reply print = browser.get("/notifications/" + nid + "/print");
  ASSERT_EQ(print.status, 200);
  EXPECT_NE(print.header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(print.body.find("M-2026-0042"), std::string::npos);
  EXPECT_NE(print.body.find("@page"), std::string::npos);  // the A4 print CSS
  // Its inline stylesheet is allowed by hash, nothing else.
  EXPECT_NE(print.header("content-security-policy").find("style-src 'sha256-"), std::string::npos);
  EXPECT_NE(print.header("content-security-policy").find("default-src 'none'"), std::string::npos);
  Reply view = browser.get("/notifications/" + nid);  // every answer with a copy button
  ASSERT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("data-copy=\"Webserver offline gehaald.\""), std::string::npos);
  EXPECT_NE(view.body.find("Kopieer"), std::string::npos);
  EXPECT_EQ(browser.get("/workflow/copy.js").status, 200);
  Reply pdf = browser.get("/notifications/" + nid + "/pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_NE(pdf.header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  Reply js = browser.get("/notifications/" + nid + "/json");
  ASSERT_EQ(js.status, 200);
  EXPECT_NE(js.body.find("M-2026-0042"), std::string::npos);
  EXPECT_EQ(services_->breaches().get(officer_, b.id)->status, model::BreachStatus::kNotified);
}

TEST_F(WorkflowWebTest, DeadlinesPageAndCalendarFeedByToken) {
  auto late = care_breach(80);
  auto fresh = care_breach(1);
  Browser browser = login("fg@zorg.example");
  Reply page = browser.get("/deadlines");
  ASSERT_EQ(page.status, 200);
  const auto a = page.body.find(late.reference);
  const auto c = page.body.find(fresh.reference);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(a, c);  // overdue first
  EXPECT_NE(page.body.find("class=\"overdue\""), std::string::npos);
  Reply cal = browser.get("/calendar");
  Reply made = browser.post_form("/calendar", {{"csrf", hidden_value(cal.body, "csrf")}});
  ASSERT_EQ(made.status, 200);
  const auto at = made.body.find("/calendar/bdcal_");
  ASSERT_NE(at, std::string::npos);
  const std::string path = made.body.substr(at, made.body.find('"', at) - at);
  Browser anonymous(server_->port());
  Reply feed = anonymous.get(path);
  ASSERT_EQ(feed.status, 200) << path;
  EXPECT_NE(feed.header("content-type").find("text/calendar"), std::string::npos);
  EXPECT_NE(feed.body.find("ap-" + late.id + "@breachdesk"), std::string::npos);
  EXPECT_EQ(anonymous.get("/calendar/bdcal_wrong.ics").status, 404);
}

TEST_F(WorkflowWebTest, ApiDecidesMovesAndListsWithVersions) {
  auto b = care_breach(2);
  Reply got = api("GET", "/api/v1/breaches/" + b.id + "/assessment");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_NE(got.body.find("\"notify_ap\":true"), std::string::npos);
  Reply no_reason = api("POST", "/api/v1/breaches/" + b.id + "/decision",
                        R"({"version":1,"outcome":"override","notify_ap":false,"inform_subjects":false})");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("reason"), std::string::npos);
  Reply stale = api("POST", "/api/v1/breaches/" + b.id + "/decision", R"({"version":7,"outcome":"accept"})");
  EXPECT_EQ(stale.status, 409);
  Reply decided = api("POST", "/api/v1/breaches/" + b.id + "/decision", R"({"version":1,"outcome":"accept"})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_NE(decided.body.find("decided_notify"), std::string::npos);
  Reply impossible = api("POST", "/api/v1/breaches/" + b.id + "/transitions", R"({"version":2,"to":"closed"})");
  EXPECT_EQ(impossible.status, 409) << impossible.body;
  Reply created = api("POST", "/api/v1/breaches/" + b.id + "/notifications", R"({"kind":"initial"})");
  EXPECT_EQ(created.status, 201) << created.body;
  Reply listed = api("GET", "/api/v1/breaches/" + b.id + "/notifications");
  EXPECT_NE(listed.body.find("\"kind\":\"initial\""), std::string::npos);
  Reply deadlines = api("GET", "/api/v1/deadlines");
  ASSERT_EQ(deadlines.status, 200);
  EXPECT_NE(deadlines.body.find(b.id), std::string::npos);
}

TEST_F(WorkflowWebTest, DecisionsAndStatusHistoryOnThePageAndInTheApi) {
  auto b = care_breach(2);
  Browser browser = login("fg@zorg.example");
  const std::string csrf = hidden_value(browser.get("/breaches/" + b.id).body, "csrf");
  const std::string reason = "Al gebeld <script>alert(1)</script>";
  Reply decided = browser.post_form("/breaches/" + b.id + "/decision",
                                    {{"csrf", csrf},
                                     {"version", std::to_string(b.version)},
                                     {"choice", "override"},
                                     {"inform_subjects", "no"},
                                     {"reason", reason}});
  ASSERT_EQ(decided.status, 303) << decided.body;
  auto version = [&] { return std::to_string(services_->breaches().get(officer_, b.id)->version); };
  ASSERT_EQ(browser.post_form("/breaches/" + b.id + "/notifications",
                              {{"csrf", csrf}, {"kind", "initial"}, {"status", "final"}}).status, 303);
  const std::string nid = services_->workflow().notifications(officer_, b.id)->at(0).id;
  const auto now = format_iso_in_zone(clock_.now());
  Reply filed = browser.post_form("/notifications/" + nid + "/filing",
                                  {{"csrf", csrf},
                                   {"version", version()},
                                   {"meldnummer", "M-2026-0042"},
                                   {"date", now.substr(0, 10)},
                                   {"time", now.substr(11, 5)},
                                   {"late_reason", ""}});
  ASSERT_EQ(filed.status, 303) << filed.body;
  Reply reopened = browser.post_form("/breaches/" + b.id + "/transition",
                                     {{"csrf", csrf}, {"version", version()}, {"to", "assessing"},
                                      {"reason", "Nieuwe feiten: ook medische gegevens"}});
  ASSERT_EQ(reopened.status, 303) << reopened.body;

  // The page: every move oldest first with its labels, time, who and the reasons.
  Reply page = browser.get("/breaches/" + b.id);
  ASSERT_EQ(page.status, 200);
  const auto start = page.body.find("id=\"status-history\"");
  ASSERT_NE(start, std::string::npos);
  const std::string section = page.body.substr(start, page.body.find("</section>", start) - start);
  EXPECT_NE(section.find("Besluiten en statusverloop"), std::string::npos);
  std::size_t at = 0;
  for (const char* move : {"Vermoeden → In beoordeling", "In beoordeling → Besloten: melden",
                           "Besloten: melden → Gemeld bij de AP", "Gemeld bij de AP → In beoordeling"}) {
    const auto found = section.find(move, at);
    EXPECT_NE(found, std::string::npos) << move << " after position " << at;
    if (found != std::string::npos) at = found;
  }
  auto steps = services_->workflow().status_history(officer_, b.id);
  ASSERT_TRUE(steps.ok() && steps->size() == 4u);
  EXPECT_NE(section.find(pages::display_instant(steps->front().transition.at, "nl") + " · fg@zorg.example"),
            std::string::npos);
  EXPECT_NE(section.find("Al gebeld &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos) << "the reason is escaped";
  EXPECT_NE(section.find("Afgeweken van het voorstel"), std::string::npos);
  EXPECT_NE(section.find("BSN samen met naam"), std::string::npos) << "the proposal's reasons of that moment";
  EXPECT_NE(section.find("Nieuwe feiten: ook medische gegevens"), std::string::npos);
  EXPECT_EQ(section.find(officer_.user_id), std::string::npos) << "people are named, not their ids";

  // The API: the same moves with the decision and the proposal as JSON.
  Reply listed = api("GET", "/api/v1/breaches/" + b.id + "/transitions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const boost::json::value body = boost::json::parse(listed.body);
  const boost::json::array& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].at("from").as_string(), "suspected");
  EXPECT_EQ(items[3].at("to").as_string(), "assessing");
  EXPECT_EQ(items[3].at("reason").as_string(), "Nieuwe feiten: ook medische gegevens");
  EXPECT_TRUE(items[0].at("decision").is_null());
  EXPECT_EQ(items[1].at("by").as_string(), "fg@zorg.example");
  EXPECT_EQ(items[1].at("at").as_string(), pages::instant_to_iso(steps->at(1).transition.at));
  const boost::json::object& decision = items[1].at("decision").as_object();
  EXPECT_EQ(decision.at("outcome").as_string(), "overridden");
  EXPECT_TRUE(decision.at("notify_ap").as_bool());
  EXPECT_FALSE(decision.at("inform_subjects").as_bool());
  EXPECT_EQ(decision.at("reason").as_string(), reason);
  EXPECT_TRUE(decision.at("proposal").at("inform_subjects").as_bool()) << "the proposal, not a string";
  EXPECT_EQ(listed.body.find(officer_.user_id), std::string::npos);

  // Auditors read both; a reporter is refused as for the assessment; another tenant
  // sees nothing.
  const service::Actor auditor = make_user("audit@zorg.example", service::Role::kAuditor);
  EXPECT_NE(login("audit@zorg.example").get("/breaches/" + b.id).body.find("id=\"status-history\""),
            std::string::npos);
  auto as = [&](const service::Actor& actor, const std::string& target) {
    Browser client(server_->port());
    const std::string token = services_->auth().create_api_token(actor, "test")->plaintext;
    return client.request("GET", target, "", "", {{"Authorization", "Bearer " + token}});
  };
  EXPECT_EQ(as(auditor, "/api/v1/breaches/" + b.id + "/transitions").status, 200);
  const service::Actor reporter = make_user("melder@zorg.example", service::Role::kReporter);
  const int refused = as(reporter, "/api/v1/breaches/" + b.id + "/transitions").status;
  EXPECT_EQ(refused, as(reporter, "/api/v1/breaches/" + b.id + "/assessment").status);
  EXPECT_TRUE(refused == 403 || refused == 404) << refused;
  auto other_org = services_->organisations().create(service::system_actor(), "Andere organisatie");
  ASSERT_TRUE(other_org.ok());
  service::NewUser stranger;
  stranger.organisation_id = other_org->id;
  stranger.email = "fg@andere.example";
  stranger.role = service::Role::kPrivacyOfficer;
  stranger.password = kPassword;
  ASSERT_TRUE(services_->users().add(service::system_actor(other_org->id), stranger).ok());
  const service::Actor outsider =
      *services_->auth().actor_by_email(service::system_actor(), "fg@andere.example");
  Reply foreign = as(outsider, "/api/v1/breaches/" + b.id + "/transitions");
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(foreign.body.find("fg@zorg.example"), std::string::npos);
}

}  // namespace
}  // namespace bd::http
