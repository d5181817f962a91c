// The AP notification PDF (read back with pdftotext), the JSON export, escaping, and
// follow-up versions with the "changed since the last notification" view.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <boost/json.hpp>

#include "notify/ap_notification.h"
#include "notify/html_writer.h"
#include "pdf_text.h"

namespace bd::notify {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

const TimePoint kNow{std::chrono::seconds{1'618'905'600}};  // 2021-04-20T08:00:00Z

model::Breach filed_breach() {
  model::Breach b;
  b.id = "b-7";
  b.reference = "2021-0007";
  b.title = "Laptop";
  b.answers = {{"meta.kind", std::string("initial")},
               {"meta.status", std::string("preliminary")},
               {"meta.ap_reference", std::string("M-2021-004711")},
               {"meta.submitted_at", std::string("2021-04-20T09:30:00+02:00")},
               {"org.name", std::string("Zorggroep <Noord> & \"Zuid\"")},
               {"time.discovered", std::string("2021-04-19T09:00:00+02:00")},
               {"breach.nature", Strings{"confidentiality"}},
               {"breach.incident_type", std::string("hacking_malware_phishing")},
               {"breach.summary", std::string(4000, 'x') + " einde samenvatting"},
               {"data.general", Strings{"name", "address"}},
               {"subjects.count_known", false},
               {"subjects.count_min", std::int64_t{100}},
               {"subjects.count_max", std::int64_t{250}}};
  return b;
}

TEST(NotifyApRender, PdfHoldsTheChaptersAnswersAndPageNumbers) {
  const auto doc = build_ap_notification(filed_breach(), {Language::kNl, kNow, nullptr, 72});
  auto pdf = render_pdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string text = pdf_to_text(*pdf);
  ASSERT_FALSE(text.empty());
  for (const char* expected : {"Melding datalek aan de Autoriteit", "1 Introductie", "4 Tijdlijn",
                               "10 Vervolgacties", "M-2021-004711", "Zorggroep <Noord> & \"Zuid\"",
                               "Nog niet bekend", "einde", "Pagina 1 van", "Aard van de inbreuk"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  const auto pages = text.find("Pagina 2 van");
  EXPECT_NE(pages, std::string::npos);
}

TEST(NotifyApRender, EnglishPdfOnRequest) {
  const auto doc = build_ap_notification(filed_breach(), {Language::kEn, kNow, nullptr, 72});
  const std::string text = pdf_to_text(*render_pdf(doc));
  EXPECT_NE(text.find("Nature of the breach"), std::string::npos);
  EXPECT_NE(text.find("Page 1 of"), std::string::npos);
}

TEST(NotifyApRender, HtmlEscapesEveryAnswer) {
  auto breach = filed_breach();
  breach.answers["breach.summary"] = std::string("<script>alert('x')</script>");
  const auto html = render_print_html(build_ap_notification(breach, {Language::kNl, kNow, nullptr, 72}));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Zorggroep &lt;Noord&gt; &amp; &quot;Zuid&quot;"), std::string::npos);
  EXPECT_EQ(escape_html("a&b"), "a&amp;b");
}

TEST(NotifyApRender, JsonExportIsKeyedByTheIds) {
  const auto breach = filed_breach();
  const auto doc = build_ap_notification(breach, {Language::kNl, kNow, nullptr, 72});
  const auto json = boost::json::parse(render_json(breach, doc)).as_object();
  EXPECT_EQ(json.at("kind").as_string(), "initial");
  EXPECT_EQ(json.at("ap_reference").as_string(), "M-2021-004711");
  const auto& answers = json.at("answers").as_object();
  EXPECT_EQ(answers.at("breach.nature").as_array().at(0).as_string(), "confidentiality");
  EXPECT_EQ(answers.at("subjects.count_max").as_int64(), 250);
  EXPECT_TRUE(answers.at("followup.measures").is_null());
  EXPECT_FALSE(answers.contains("assess.malicious"));
  EXPECT_FALSE(json.at("missing").as_array().empty());
}

TEST(NotifyApRender, FollowUpLinksToTheMeldnummerAndShowsChanges) {
  const auto filed = filed_breach();
  auto next = start_follow_up(filed.answers, NotificationKind::kSupplement);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(std::get<std::string>(next->at("meta.previous")), "M-2021-004711");
  EXPECT_EQ(next->count("meta.ap_reference"), 0U);
  (*next)["subjects.count_known"] = true;
  (*next)["subjects.count"] = std::int64_t{212};
  (*next)["followup.measures"] = std::string("Wachtwoorden gereset.");
  model::Breach supplement = filed;
  supplement.answers = *next;
  const auto doc = build_ap_notification(supplement, {Language::kNl, kNow, &filed.answers, 72});
  EXPECT_EQ(doc.kind, NotificationKind::kSupplement);
  EXPECT_EQ(doc.previous, "M-2021-004711");
  std::vector<std::string_view> ids;
  for (const auto& c : doc.changes) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string_view>{"subjects.count_known", "subjects.count", "followup.measures"}));
  EXPECT_EQ(doc.changes.back().before, "Nog niet bekend");
  const auto html = render_print_html(doc);
  EXPECT_NE(html.find("Gewijzigd sinds de vorige melding (M-2021-004711)"), std::string::npos);
  EXPECT_NE(html.find("class=\"q changed\" data-id=\"followup.measures\""), std::string::npos);
}

TEST(NotifyApRender, FollowUpNeedsAFiledNotification) {
  auto draft = filed_breach().answers;
  draft.erase(std::string("meta.ap_reference"));
  EXPECT_EQ(start_follow_up(draft, NotificationKind::kAmendment).error().kind, ErrorKind::kConflict);
  EXPECT_FALSE(start_follow_up(filed_breach().answers, NotificationKind::kInitial).ok());
  auto withdrawal = start_follow_up(filed_breach().answers, NotificationKind::kWithdrawal);
  ASSERT_TRUE(withdrawal.ok());
  EXPECT_EQ(std::get<std::string>(withdrawal->at("meta.kind")), "withdrawal");
}

}  // namespace
}  // namespace bd::notify
