#include <gtest/gtest.h>

#include "service/export_service.h"

namespace bd::service {
namespace {

TEST(CsvField, PlainTextIsUnchanged) {
  EXPECT_EQ(csv_field("Onbeveiligde webserver"), "Onbeveiligde webserver");
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvField, QuotesSeparatorsQuotesAndNewlines) {
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("a;b"), "\"a;b\"");
  EXPECT_EQ(csv_field("zei \"hallo\""), "\"zei \"\"hallo\"\"\"");
  EXPECT_EQ(csv_field("regel 1\nregel 2"), "\"regel 1\nregel 2\"");
}

TEST(CsvField, NeutralisesFormulas) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field("+31 6 1234"), "'+31 6 1234");
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\tcmd"), "'\tcmd");
  EXPECT_EQ(csv_field("a=b"), "a=b");
}

TEST(CellText, RendersEachAlternative) {
  EXPECT_EQ(cell_text(model::Value{}, "nl"), "");
  EXPECT_EQ(cell_text(model::Value{true}, "nl"), "ja");
  EXPECT_EQ(cell_text(model::Value{false}, "en"), "no");
  EXPECT_EQ(cell_text(model::Value{std::int64_t{1500}}, "nl"), "1500");
  EXPECT_EQ(cell_text(model::Value{2.5}, "nl"), "2.5");
  EXPECT_EQ(cell_text(model::Value{std::string("hacking_malware_phishing")}, "nl"), "hacking_malware_phishing");
  EXPECT_EQ(cell_text(model::Value{std::vector<std::string>{"name", "bsn"}}, "nl"), "name; bsn");
}

TEST(ExportFormat, ParsesTokens) {
  EXPECT_EQ(export_format_from_token("csv"), ExportFormat::kCsv);
  EXPECT_EQ(export_format_from_token("xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(export_format_from_token("json"), ExportFormat::kJson);
  EXPECT_FALSE(export_format_from_token("pdf").has_value());
}

}  // namespace
}  // namespace bd::service
