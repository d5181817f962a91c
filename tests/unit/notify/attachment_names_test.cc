// The AP notification lists the names of the supporting documents under
// "Ondersteunende documentatie" (breach.attachments) in print, PDF and JSON; the
// documents themselves stay in breachdesk.
#include <gtest/gtest.h>

#include <chrono>

#include "notify/ap_notification.h"
#include "pdf_text.h"

namespace bd::notify {
namespace {

const TimePoint kNow{std::chrono::seconds{1'618'905'600}};  // 2021-04-20T08:00:00Z

model::Breach with_documents() {
  model::Breach b;
  b.id = "b-9";
  b.reference = "2021-0009";
  b.title = "Laptop";
  b.answers = {{"breach.summary", std::string("Laptop in de trein laten liggen")},
               {"breach.attachments", std::vector<std::string>{"Tijdlijn <v2>.pdf", "Logboek firewall.txt"}}};
  return b;
}

TEST(NotifyAttachmentNames, AreListedUnderTheirQuestion) {
  const auto doc = build_ap_notification(with_documents(), {Language::kNl, kNow, nullptr, 72});
  const NotificationItem* item = nullptr;
  for (const auto& chapter : doc.chapters) {
    for (const auto& i : chapter.items) {
      if (i.id == "breach.attachments") item = &i;
    }
  }
  ASSERT_NE(item, nullptr);
  EXPECT_TRUE(item->known);
  EXPECT_EQ(item->label, "Ondersteunende documentatie");
  EXPECT_NE(item->answer.find("Tijdlijn <v2>.pdf"), std::string::npos);
  EXPECT_NE(item->answer.find("Logboek firewall.txt"), std::string::npos);

  const std::string html = render_print_html(doc);
  const auto at = html.find("data-id=\"breach.attachments\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(html.find("Tijdlijn &lt;v2&gt;.pdf", at), std::string::npos);
  EXPECT_NE(html.find("Logboek firewall.txt", at), std::string::npos);

  EXPECT_NE(render_json(with_documents(), doc)
                .find(R"("breach.attachments":["Tijdlijn <v2>.pdf","Logboek firewall.txt"])"),
            std::string::npos);

  auto pdf = render_pdf(doc);
  ASSERT_TRUE(pdf.ok());
  const std::string text = pdf_to_text(*pdf);
  EXPECT_NE(text.find("Ondersteunende documentatie"), std::string::npos);
  EXPECT_NE(text.find("Logboek firewall.txt"), std::string::npos);
}

}  // namespace
}  // namespace bd::notify
