// HTML through the whole scanner: a report exported as an HTML table (named .xls, as
// older systems name their "Excel" exports) counts its rows as records under their
// header's columns, as the same rows in a CSV do; the page around it is free text.
#include <gtest/gtest.h>

#include <string>

#include "scan/input/input.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;
using testing::write_file;

const char* const kBsns[] = {"111222333", "123456782", "010000008", "100000009"};

std::string report(bool html) {
  std::string out =
      html ? "<html><head><meta charset=\"utf-8\"><style>td{mso-number-format:\"\\@\"}</style></head>"
             "<body><h2>Cli&euml;ntenoverzicht</h2><p>Opgesteld door privacy@example.com</p>\n"
             "<table border=\"1\">\n<tr><td><b>Naam</b></td><td><b>BSN</b></td><td><b>E-mail</b></td>"
             "<td><b>Postcode</b></td><td><b>Huisnummer</b></td></tr>\n"
           : "Naam,BSN,E-mail,Postcode,Huisnummer\n";
  for (int i = 0; i < 120; ++i) {
    const std::string n = std::to_string(i);
    const std::string name = "Klant " + n + (html ? " van&nbsp;Dijk" : " van Dijk");
    const std::string bsn = kBsns[i % 4];
    const std::string mail = "klant" + n + (html ? "&#64;" : "@") + "example.nl";
    out += html ? "<tr><td>" + name + "</td><td>" + bsn + "</td><td>" + mail + "</td><td>1234 AB</td><td>" +
                      n + "</td></tr>\n"
                : name + "," + bsn + "," + mail + ",1234 AB," + n + "\n";
  }
  return out +
         (html ? "<tr><td colspan=\"5\">Totaal: 120 cli&euml;nten</td></tr></table></body></html>\n" : "");
}

TEST(ScanHtml, AReportTableCountsAsItsCsvDoes) {
  TempDir d;
  write_file(d.file("rapport.xls"), report(true));
  write_file(d.file("rapport.csv"), report(false));
  Scanner html_scan, csv_scan;
  ASSERT_TRUE(read_inputs({d.file("rapport.xls")}, InputOptions{}, html_scan).ok());
  ASSERT_TRUE(read_inputs({d.file("rapport.csv")}, InputOptions{}, csv_scan).ok());
  const ScanReport h = html_scan.finish();
  const ScanReport c = csv_scan.finish();
  ASSERT_EQ(h.files.size(), 1u);
  EXPECT_EQ(h.files[0].format, Format::kHtml);
  EXPECT_EQ(h.records, 120u);
  EXPECT_EQ(h.records, c.records);
  EXPECT_EQ(h.persons_distinct, c.persons_distinct + 1);  // and the author in the page's text
  for (Category k : {Category::kBsn, Category::kName, Category::kAddress}) {
    EXPECT_EQ(h.categories.at(k).values, c.categories.at(k).values) << static_cast<int>(k);
    EXPECT_EQ(h.categories.at(k).distinct, c.categories.at(k).distinct) << static_cast<int>(k);
  }
  EXPECT_EQ(h.categories.at(Category::kEmail).distinct, c.categories.at(Category::kEmail).distinct + 1);
  bool bsn_column = false;
  for (const auto& col : h.columns) bsn_column |= col.column == "BSN" && col.verdict == "bsn";
  EXPECT_TRUE(bsn_column);
}

}  // namespace
}  // namespace bd::scan
