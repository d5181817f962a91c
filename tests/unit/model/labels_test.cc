#include "model/labels.h"

#include <gtest/gtest.h>

#include <limits>

namespace bd::model {
namespace {

using Strings = std::vector<std::string>;
constexpr auto nl = Language::kNl;
constexpr auto en = Language::kEn;

TEST(Labels, UnknownBoolAndChoices) {
  EXPECT_EQ(display_value("time.ongoing", Value{}, nl), "Nog niet bekend");
  EXPECT_EQ(display_value("time.ongoing", Value{}, en), "Not yet known");
  EXPECT_EQ(display_value("time.ongoing", true, nl), "Ja");
  EXPECT_EQ(display_value("time.ongoing", false, en), "No");
  EXPECT_EQ(display_value("breach.incident_type", std::string("hacking_malware_phishing"), nl),
            "Hacking, malware (bijv. ransomware) en/of phishing");
  EXPECT_EQ(display_value("consequences.severity", std::string("very_high"), en), "Very high");
  EXPECT_EQ(display_value("data.general", Strings{"name", "bsn"}, nl), "Naam; Burgerservicenummer (BSN)");
  EXPECT_EQ(display_value("data.special", Strings{}, nl), "Geen");
  EXPECT_EQ(display_value("intl.countries", Strings{"NL", "DE"}, en), "Netherlands; Germany");
  EXPECT_EQ(option_label("followup.subjects_informed", "planned", nl), "Nee, maar dat ben ik wel van plan");
  EXPECT_EQ(option_label("followup.subjects_informed", "bogus", nl), "bogus");
}

TEST(Labels, DatesNumbersAndText) {
  EXPECT_EQ(display_value("followup.informed_at", std::string("2018-04-13"), nl), "13-04-2018");
  EXPECT_EQ(display_value("followup.informed_at", std::string("2018-04-13"), en), "13 April 2018");
  EXPECT_EQ(display_value("time.discovered", std::string("2018-03-28T10:00:00+02:00"), nl),
            "28-03-2018 10:00 (UTC+02:00)");
  EXPECT_EQ(display_value("time.discovered", std::string("2018-03-28T08:00:00Z"), en),
            "28 March 2018 08:00 (UTC+00:00)");
  EXPECT_EQ(display_value("time.start", std::string("2021-04-16"), nl), "16-04-2021");
  EXPECT_EQ(display_value("subjects.count", std::int64_t{1500}, nl), "1.500");
  EXPECT_EQ(display_value("subjects.count", std::int64_t{1234567}, en), "1,234,567");
  EXPECT_EQ(display_value("subjects.count", std::int64_t{999}, en), "999");
  EXPECT_EQ(display_value("subjects.count", std::numeric_limits<std::int64_t>::min(), en),
            "-9,223,372,036,854,775,808");
  EXPECT_EQ(display_value("assess.restore_hours", 1.5, nl), "1,5");
  EXPECT_EQ(display_value("assess.restore_hours", 1.5, en), "1.5");
  EXPECT_EQ(display_value("org.controllers", Strings{"A", "B"}, en), "A; B");
  EXPECT_EQ(display_value("breach.summary", std::string("<b>as given</b>"), nl), "<b>as given</b>");
}

TEST(Labels, MismatchedValuesShowRawText) {
  EXPECT_EQ(display_value("time.ongoing", std::string("misschien"), nl), "misschien");
  EXPECT_EQ(display_value("time.discovered", std::string("gisteren"), nl), "gisteren");
  EXPECT_EQ(display_value("no.such.id", true, en), "Yes");
}

}  // namespace
}  // namespace bd::model
