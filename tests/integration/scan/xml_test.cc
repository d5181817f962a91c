// XML exports through the whole scanner: records, persons joined by BSN, addresses from
// nested elements, on disk, by content without the .xml name and inside a zip.
#include <gtest/gtest.h>

#include <string>

#include "scan/input/input.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;
using testing::write_archive;
using testing::write_file;

const char* const kBsns[] = {"111222333", "123456782", "010000008", "100000009"};

// 400 clients of 4 people (the same BSN, a different e-mail address each time), after
// a header block; an address nested in each.
std::string export_xml() {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export>\n  <header><datum>2026-12-07</datum>"
      "<systeem>ECD</systeem></header>\n  <clienten>\n";
  for (int i = 0; i < 400; ++i) {
    x += "    <client nummer=\"" + std::to_string(i) + "\">\n      <naam>Jan de Vries " +
         std::to_string(i % 4) + "</naam>\n      <bsn>" + kBsns[i % 4] + "</bsn>\n      <email>jan" +
         std::to_string(i) + "@example.nl</email>\n      <adres><straat>Dorpsstraat</straat><huisnummer>" +
         std::to_string(i % 4 + 1) + "</huisnummer><postcode>1234 AB</postcode></adres>\n    </client>\n";
  }
  return x + "  </clienten>\n</export>\n";
}

TEST(ScanXml, AnExportCountsRecordsPersonsAndAddresses) {
  TempDir d;
  write_file(d.file("clienten.xml"), export_xml());
  write_file(d.file("export.dat"), export_xml());  // no .xml name: the declaration says it
  write_archive(d.file("export.zip"), "zip", "", {{"data/clienten.xml", export_xml()}});
  Scanner scanner;
  InputOptions o;
  o.threads = 2;
  ASSERT_TRUE(read_inputs({d.path()}, o, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 3 * 400u);
  EXPECT_EQ(r.records_with_personal_data, 3 * 400u);
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 1200u);
  EXPECT_EQ(r.categories.at(Category::kBsn).distinct, 4u);
  EXPECT_EQ(r.categories.at(Category::kEmail).distinct, 400u);
  EXPECT_EQ(r.categories.at(Category::kAddress).distinct, 4u);
  EXPECT_EQ(r.persons_distinct, 4u);  // every e-mail joins its BSN's person
  ASSERT_EQ(r.files.size(), 3u);
  for (const auto& f : r.files) {
    EXPECT_EQ(f.format, Format::kXml) << f.path;
    EXPECT_EQ(f.records, 400u) << f.path;
  }
  bool postcode = false;
  for (const auto& c : r.columns) postcode |= c.column == "adres.postcode" && c.verdict == "address";
  EXPECT_TRUE(postcode);
  EXPECT_TRUE(r.skipped.empty());
}

}  // namespace
}  // namespace bd::scan
