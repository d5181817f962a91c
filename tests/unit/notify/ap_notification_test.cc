// The AP notification document of the processor seed (seeds/002): golden print HTML
// in Dutch and English, the PDF read back through pdftotext, the JSON export, the
// completeness check, and follow-up versions with their "changed since" view.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <boost/json.hpp>
#include <date/date.h>

#include "notify/ap_notification.h"
#include "notify/html_writer.h"
#include "pdf_text.h"

namespace bd::notify {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

const TimePoint kNow = TimePoint{std::chrono::duration_cast<std::chrono::seconds>(
    (date::sys_days{date::year{2021} / 4 / 20} + std::chrono::hours{8}).time_since_epoch())};

model::Breach seed_processor() {
  model::Breach b;
  b.id = "b-002";
  b.reference = "2021-0001";
  b.title = "Gehackte laptop met databaseback-ups";
  b.answers = {
      {"meta.kind", std::string("initial")},
      {"meta.status", std::string("preliminary")},
      {"other_org.involved", true},
      {"other_org.name", Strings{"Nostradamus ICT BV"}},
      {"other_org.role", Strings{"Partner voor de workforce-management-omgeving (verwerker)"}},
      {"time.start", std::string("2021-04-16")},
      {"time.end", std::string("2021-04-16")},
      {"time.ongoing", false},
      {"time.discovered", std::string("2021-04-19T09:00:00+02:00")},
      {"breach.nature", Strings{"confidentiality", "integrity", "availability_temporary"}},
      {"breach.incident_type", std::string("hacking_malware_phishing")},
      {"breach.summary", std::string("Hackers hebben toegang verkregen tot de laptop van een van onze medewerkers. "
                                     "Op deze laptop waren een beperkt aantal backups van klant databases aanwezig "
                                     "welke zijn buitgemaakt.")},
      {"protection.measures", Strings{"none"}},
      {"consequences.controller", Strings{"unauthorised_knowledge", "misuse_possible"}},
      {"followup.measures", std::string("Enerzijds gaat het om configuratie aanpassingen die het risico verkleinen. "
                                        "Anderzijds gaat dit om het aanscherpen van de procedure omtrent het omgaan "
                                        "met database kopieën van klanten.")},
      {"assess.malicious", true},
  };
  return b;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(BD_SOURCE_DIR) / "tests/golden/assess/print" / name;
  if (std::getenv("BD_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    return;
  }
  const std::string expected = read_file(path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << path << " (run with BD_UPDATE_GOLDEN=1)";
  if (expected == actual) return;
  std::size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  const auto from = at < 80 ? 0 : at - 80;
  FAIL() << name << " differs at byte " << at << "\nexpected: …" << expected.substr(from, 200) << "\nactual:   …"
         << actual.substr(from, 200);
}

TEST(NotifyApNotification, SeedProcessorPrintHtmlMatchesGolden) {
  const auto doc_nl = build_ap_notification(seed_processor(), {Language::kNl, kNow, nullptr, 72});
  check_golden("002_seed_processor_nl.html", render_print_html(doc_nl));
  const auto doc_en = build_ap_notification(seed_processor(), {Language::kEn, kNow, nullptr, 72});
  check_golden("002_seed_processor_en.html", render_print_html(doc_en));
}

TEST(NotifyApNotification, SeedProcessorPdfReadsBack) {
  const auto doc = build_ap_notification(seed_processor(), {Language::kNl, kNow, nullptr, 72});
  auto pdf = render_pdf(doc);
  ASSERT_TRUE(pdf.ok());
  const std::string text = pdf_to_text(*pdf);
  for (const char* expected : {"Nostradamus ICT BV", "Hacking, malware", "2021-0001", "5 Gegevens over de inbreuk",
                               "Nog niet bekend", "Persoonsgegevens in het algemeen", "Pagina 1 van"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

TEST(NotifyApNotification, ChaptersInFormOrderWithUnknownsShown) {
  const auto doc = build_ap_notification(seed_processor(), {Language::kNl, kNow, nullptr, 72});
  ASSERT_EQ(doc.chapters.size(), 10U);
  for (std::size_t i = 0; i < doc.chapters.size(); ++i) EXPECT_EQ(doc.chapters[i].number, static_cast<int>(i) + 1);
  bool unknown_general = false;
  for (const auto& c : doc.chapters) {
    for (const auto& item : c.items) {
      EXPECT_NE(item.id.substr(0, 7), "assess.");
      if (item.id == "data.general") unknown_general = !item.known && item.answer == "Nog niet bekend";
    }
  }
  EXPECT_TRUE(unknown_general);
  EXPECT_EQ(doc.kind_label, "Eerste melding");
}

TEST(NotifyApNotification, CompletenessListsWhatArticle33StillLacks) {
  const auto doc = build_ap_notification(seed_processor(), {Language::kNl, kNow, nullptr, 72});
  auto has = [&](std::string_view id) {
    for (const auto& m : doc.missing) {
      if (m.id == id) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("data.general"));
  EXPECT_TRUE(has("subjects.groups"));
  EXPECT_FALSE(has("breach.nature"));
}

}  // namespace
}  // namespace bd::notify
