// vCard contact lists through the whole scanner: a card is a record and a person, as a
// row of a CSV of the same people is; found by name and by content, inside a zip.
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

// 300 contacts of 150 people: each person twice, once from the phone (name, mobile
// number, address) and once from the mail program (name, e-mail address, a note with
// the BSN); the two cards of one person share the e-mail address.
std::string contacts() {
  std::string vcf;
  for (int i = 0; i < 150; ++i) {
    const std::string n = std::to_string(i);
    vcf += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Klant " + n + " de Vries\r\nN:Vries;Klant " + n +
           ";de;;\r\nTEL;TYPE=CELL:06-" + std::to_string(10000000 + i) + "\r\nEMAIL:klant" + n +
           "@example.nl\r\nADR;TYPE=HOME:;;Dorpsstraat " + std::to_string(i + 1) +
           ";Utrecht;;1234 AB;NL\r\nEND:VCARD\r\n";
    vcf += "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Klant " + n + " de Vries\r\nEMAIL;TYPE=work:klant" + n +
           "@example.nl\r\nNOTE:BSN: " + kBsns[i % 4] + "\r\nBDAY:1980-02-03\r\nEND:VCARD\r\n";
  }
  return vcf;
}

TEST(ScanVcard, AContactListCountsItsCardsAndPeople) {
  TempDir d;
  write_file(d.file("contacten.vcf"), contacts());
  write_file(d.file("export.txt"), contacts());  // no .vcf name: its first line says it
  write_archive(d.file("telefoon.zip"), "zip", "", {{"Contacts/all.vcf", contacts()}});
  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  ASSERT_EQ(r.files.size(), 3u);
  for (const auto& f : r.files) {
    EXPECT_EQ(f.format, Format::kVcard) << f.path;
    EXPECT_EQ(f.records, 300u) << f.path;
  }
  EXPECT_EQ(r.records_with_personal_data, 900u);
  EXPECT_EQ(r.categories.at(Category::kEmail).distinct, 150u);
  EXPECT_EQ(r.categories.at(Category::kPhone).values, 450u);
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 450u);
  EXPECT_EQ(r.categories.at(Category::kAddress).values, 450u);
  EXPECT_EQ(r.categories.at(Category::kBirthDate).values, 450u);
  EXPECT_EQ(r.categories.at(Category::kName).distinct, 150u);  // FN and N are one name
  // The two cards of a person share an e-mail address; people share BSNs four ways.
  EXPECT_EQ(r.persons_distinct, 4u);
  EXPECT_EQ(r.records_unidentified, 0u);
}

}  // namespace
}  // namespace bd::scan
