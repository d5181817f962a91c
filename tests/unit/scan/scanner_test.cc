#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scan/report_json.h"
#include "scan/report_text.h"
#include "scan/scanner.h"

namespace bd::scan {
namespace {

const std::string kBcrypt = "$2b$12$" + std::string(53, 'x');

std::string customers_csv() {
  return "id,voornaam,achternaam,postcode,huisnummer,bsn,iban,email,telefoon,geboortedatum,creditcard,"
         "password_hash,order_ref,notitie\n"
         "1,Jan,Jansen,1234 AB,12,111222333,NL91ABNA0417164300,jan@example.nl,06-12345678,1980-01-02,"
         "4111 1111 1111 1111," + kBcrypt + ",123456782,\"Heeft diabetes,\nen astma\"\n"
         "2,Piet,Pietersen,2345 BC,3,319072356,NL91 ABNA 0417 1643 00,piet@example.nl,+31 20 1234567,"
         "02-03-1975,,," "987654321,geen\n"
         "3,Jan,Jansen,1234 AB,12,111222333,,jan.other@example.nl,,,,,555555555,\n"
         "4,,,,,,,JAN@example.nl,,,,,,\n"
         "5,Kees,Klaassen,3456 CD,7,319072357,,,,,,,,\n";
}

ScanReport scan_one(const std::string& path, Format format, const std::string& data, std::size_t chunk,
                    ScanOptions options = {}) {
  Scanner scanner(options);
  scan_buffer(scanner, MemberInfo{path, data.size(), format, "utf-8"}, data, chunk);
  return scanner.finish();
}

std::uint64_t values(const ScanReport& r, Category c) {
  auto it = r.categories.find(c);
  return it == r.categories.end() ? 0 : it->second.values;
}
std::uint64_t distinct(const ScanReport& r, Category c) {
  auto it = r.categories.find(c);
  return it == r.categories.end() ? 0 : it->second.distinct;
}

void expect_customers(const ScanReport& r, std::size_t chunk) {
  SCOPED_TRACE("chunk size " + std::to_string(chunk));
  EXPECT_EQ(r.records, 5u);
  EXPECT_EQ(r.records_with_personal_data, 5u);
  EXPECT_EQ(values(r, Category::kBsn), 3u);
  EXPECT_EQ(distinct(r, Category::kBsn), 2u);
  EXPECT_EQ(r.bsn_near_miss, 1u);
  EXPECT_EQ(values(r, Category::kIban), 2u);
  EXPECT_EQ(distinct(r, Category::kIban), 1u);
  EXPECT_EQ(values(r, Category::kEmail), 4u);
  EXPECT_EQ(distinct(r, Category::kEmail), 3u);
  EXPECT_EQ(values(r, Category::kPhone), 2u);
  EXPECT_EQ(values(r, Category::kBirthDate), 2u);
  EXPECT_EQ(values(r, Category::kPaymentCard), 1u);
  EXPECT_EQ(values(r, Category::kPassword), 1u);
  EXPECT_EQ(values(r, Category::kHealth), 2u);  // diabetes, astma; "geen" is no health data
  EXPECT_EQ(values(r, Category::kName), 4u);
  EXPECT_EQ(distinct(r, Category::kName), 3u);
  EXPECT_EQ(values(r, Category::kAddress), 4u);
  EXPECT_EQ(distinct(r, Category::kAddress), 3u);
  // Rows 1, 3 and 4 are one person (shared BSN, then shared e-mail); 2 is another;
  // 5 has a failing BSN and falls back to name + postcode + house number.
  EXPECT_EQ(r.persons_distinct, 3u);
  EXPECT_EQ(r.records_unidentified, 0u);
  EXPECT_TRUE(r.protection.hashed);
}

TEST(ScanScanner, CsvCountsAtEveryChunkBoundary) {
  std::string csv = customers_csv();
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{64}, csv.size()}) {
    expect_customers(scan_one("klanten.csv", Format::kCsv, csv, chunk), chunk);
  }
}

// A CSV record that lies inside one chunk reaches the scanner whole (on_record), one
// that spans chunks field by field: the reports are the same, whatever the chunks.
TEST(ScanScanner, WholeRecordsCountAsFieldByField) {
  std::string csv = customers_csv();
  csv += "6,\"Vries, de\",\"Jan \"\"J\"\"\",9999 ZZ,1,NULL,\\N,\"x@example.nl\"\r\n\n\r\n";
  csv += "7," + std::string(300, ',') + "111222333\n";  // wider than a record taken whole
  csv += "8,  Anna  ,\tBakker\t,1234 AB, 12 ,123456782,NL91ABNA0417164300,anna@example.nl\r\n";
  auto json_of = [&](std::size_t chunk) {
    ScanReport r = scan_one("klanten.csv", Format::kCsv, csv, chunk);
    r.timings.clear();  // all but the timings
    return report_to_json(r);
  };
  const std::string whole = json_of(csv.size());
  for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{61}})
    EXPECT_EQ(json_of(chunk), whole) << chunk;
}

// Short values a column repeats and that hold nothing are not scanned again
// (count/quiet_values.h); the values between them that do hold something count every
// time, and a column of values that never repeat stops looking: the counts are those
// of a scan that looks at every value, which the texts below make plain.
TEST(ScanScanner, RepeatedQuietValuesChangeNoCount) {
  std::string csv = "id,status,opmerking,kenmerk\n";
  std::uint64_t phones = 0;
  std::uint64_t health = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string status = i % 3 == 0 ? "actief" : i % 3 == 1 ? "geblokkeerd" : "true";
    std::string note = i % 2 == 0 ? "geen" : "klant belt terug";
    if (i % 7 == 0) {
      note = "bel 06-12345678";  // as short and as repeated as the quiet notes
      ++phones;
    } else if (i % 11 == 0) {
      note = "heeft diabetes";
      ++health;
    }
    csv += std::to_string(i) + "," + status + "," + note + ",uniek " + std::to_string(i * 7919) + "\n";
  }
  ScanReport r = scan_one("klanten.csv", Format::kCsv, csv, 1 << 20);
  EXPECT_EQ(r.records, 3000u);
  EXPECT_EQ(values(r, Category::kPhone), phones);
  EXPECT_EQ(distinct(r, Category::kPhone), 1u);
  EXPECT_EQ(values(r, Category::kHealth), health);
  EXPECT_EQ(r.records_with_personal_data, phones + health);
}

TEST(ScanScanner, OrderNumberColumnIsNotBsn) {
  // 100 random-looking 9-digit order numbers, some of which pass the 11-check by chance.
  std::string csv = "order_ref,amount\n";
  std::uint64_t x = 123456789;
  int passing = 0;
  for (int i = 0; i < 200; ++i) {
    x = (x * 6364136223846793005ull + 1442695040888963407ull);
    std::string n = std::to_string(100000000 + (x >> 33) % 900000000);
    csv += n + ",12.50\n";
    int sum = 0;
    for (int k = 0; k < 8; ++k) sum += (9 - k) * (n[static_cast<std::size_t>(k)] - '0');
    passing += (sum - (n[8] - '0')) % 11 == 0 ? 1 : 0;
  }
  ASSERT_GT(passing, 0);
  ScanReport r = scan_one("orders.csv", Format::kCsv, csv, 4096);
  EXPECT_EQ(values(r, Category::kBsn), 0u);
  EXPECT_EQ(r.records, 200u);
  EXPECT_EQ(r.records_with_personal_data, 0u);
}

TEST(ScanScanner, HeaderlessBsnColumnCountsByValues) {
  std::string csv;
  const char* bsns[] = {"111222333", "319072356", "123456782"};
  for (int i = 0; i < 30; ++i) csv += std::to_string(i) + ";" + bsns[i % 3] + "\n";
  ScanReport r = scan_one("x.csv", Format::kCsv, csv, 5);
  EXPECT_EQ(r.records, 30u);
  EXPECT_EQ(values(r, Category::kBsn), 30u);
  EXPECT_EQ(distinct(r, Category::kBsn), 3u);
  EXPECT_EQ(r.persons_distinct, 3u);
  ASSERT_FALSE(r.columns.empty());
  EXPECT_EQ(r.columns.back().verdict, "bsn");
}

TEST(ScanScanner, HeaderlessBsnJoinsTheRecordsOtherKeys) {
  // Each BSN is in two records with two different e-mail addresses: one person each.
  std::string csv;
  const char* bsns[] = {"111222333", "319072356", "123456782"};
  for (int i = 0; i < 30; ++i) {
    csv += std::to_string(i) + ";" + bsns[i % 3] + ";p" + std::to_string(i % 6) + "@example.nl\n";
  }
  ScanOptions spilling;
  spilling.count_set_bytes = 1;
  for (const ScanOptions& options : {ScanOptions{}, spilling}) {
    ScanReport r = scan_one("x.csv", Format::kCsv, csv, 7, options);
    EXPECT_EQ(values(r, Category::kBsn), 30u);
    EXPECT_EQ(distinct(r, Category::kEmail), 6u);
    EXPECT_EQ(r.persons_distinct, 3u) << options.count_set_bytes;
  }
}

TEST(ScanScanner, SpillingCountsTheSameAsInMemory) {
  // Thousands of distinct values per category: with the smallest sets every category
  // and the person graph spill many runs, and every count stays the same.
  std::string csv = "voornaam,achternaam,postcode,huisnummer,email,telefoon,notitie\n";
  for (int i = 0; i < 6000; ++i) {
    std::string n = std::to_string(i);
    csv += "Jan" + n + ",Jansen,1234 AB," + std::to_string(i % 2500) + ",j" + std::to_string(i % 4000) +
           "@example.nl,06-" + std::to_string(10000000 + i % 3500) + ",login from 10.0." + std::to_string(i % 200) +
           "." + std::to_string(i % 250) + "\n";
  }
  ScanOptions spilling;
  spilling.count_set_bytes = 1;
  ScanReport a = scan_one("x.csv", Format::kCsv, csv, 1 << 12);
  ScanReport b = scan_one("x.csv", Format::kCsv, csv, 1 << 12, spilling);
  EXPECT_EQ(a.records, 6000u);
  EXPECT_EQ(distinct(a, Category::kEmail), 4000u);
  EXPECT_EQ(distinct(a, Category::kPhone), 3500u);
  EXPECT_EQ(distinct(a, Category::kName), 6000u);
  EXPECT_EQ(a.persons_distinct, 4000u);
  ASSERT_EQ(a.categories.size(), b.categories.size());
  for (const auto& [category, stats] : a.categories) {
    EXPECT_EQ(stats.values, b.categories.at(category).values) << to_key(category);
    EXPECT_EQ(stats.distinct, b.categories.at(category).distinct) << to_key(category);
  }
  EXPECT_EQ(a.persons_distinct, b.persons_distinct);
}

// The text report lists at most ten skipped inputs per reason and counts the rest (a
// home directory holds thousands of PDFs); the JSON report keeps them all.
TEST(ScanScanner, TextReportCountsManySkippedInputsOfOneReason) {
  ScanReport r;
  for (int i = 0; i < 25; ++i)
    r.skipped.push_back(SkippedInput{"doc" + std::to_string(100 + i) + ".pdf", "PDF"});
  r.skipped.push_back(SkippedInput{"z.zip", "truncated archive"});
  const std::string text = report_to_text(r, false);
  EXPECT_NE(text.find("  doc109.pdf: PDF\n"), std::string::npos);
  EXPECT_EQ(text.find("doc110.pdf"), std::string::npos);
  EXPECT_NE(text.find("  ... and 15 more: PDF\n"), std::string::npos);
  EXPECT_NE(text.find("  z.zip: truncated archive\n"), std::string::npos);
  EXPECT_NE(report_to_json(r).find("doc124.pdf"), std::string::npos);
}

TEST(ScanScanner, SamplesAreMaskedUnlessShown) {
  std::string csv = customers_csv();
  ScanReport masked = scan_one("k.csv", Format::kCsv, csv, 100);
  ASSERT_FALSE(masked.categories[Category::kBsn].samples.empty());
  EXPECT_EQ(masked.categories[Category::kBsn].samples[0], "1112*****");
  EXPECT_EQ(report_to_json(masked).find("111222333"), std::string::npos);
  EXPECT_EQ(report_to_text(masked, false).find("111222333"), std::string::npos);
  ScanOptions show;
  show.show_values = true;
  ScanReport shown = scan_one("k.csv", Format::kCsv, csv, 100, show);
  EXPECT_EQ(shown.categories[Category::kBsn].samples[0], "111222333");
}

TEST(ScanScanner, FreeTextNeedsContextForBsnAndCards) {
  std::string log =
      "2024-01-01 12:00:01 login ok user=jan@example.nl from 192.168.10.20\n"
      "order 111222333 shipped, tracking 4111111111111111\n"
      "klant BSN: 319072356, creditcard 4111 1111 1111 1111, geboren 02-03-1975\n"
      "Patient Jan de Vries (paspoort NX12AB345) heeft diabetes; bel 06-12345678\n"
      "IBAN NL91ABNA0417164300 postcode 1500 MB, adres Dorpsstraat 1, 1234 AB Utrecht\n";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{13}, log.size()}) {
    SCOPED_TRACE(chunk);
    ScanReport r = scan_one("app.log", Format::kText, log, chunk);
    EXPECT_EQ(r.records, 0u);
    EXPECT_EQ(values(r, Category::kBsn), 1u);
    EXPECT_EQ(values(r, Category::kPaymentCard), 1u);
    EXPECT_EQ(values(r, Category::kEmail), 1u);
    EXPECT_EQ(values(r, Category::kIpAddress), 1u);
    EXPECT_EQ(values(r, Category::kBirthDate), 1u);
    EXPECT_EQ(values(r, Category::kIdDocument), 1u);
    EXPECT_EQ(values(r, Category::kHealth), 1u);
    EXPECT_EQ(values(r, Category::kPhone), 1u);
    EXPECT_EQ(values(r, Category::kIban), 1u);
    EXPECT_EQ(values(r, Category::kName), 1u);
    EXPECT_EQ(values(r, Category::kAddress), 1u);
  }
}

TEST(ScanScanner, IdDocumentNumbersSuggestIdentityDocumentsAndPasswordsCredentials) {
  std::string csv = "naam;paspoortnummer;wachtwoord\nJan de Vries;NX12AB345;$2b$12$abcdefghijklmnopqrstuu"
                    "abcdefghijklmnopqrstuvwxyz01234\n";
  ScanReport r = scan_one("id.csv", Format::kCsv, csv, 1 << 20);
  EXPECT_EQ(values(r, Category::kIdDocument), 1u);
  EXPECT_EQ(values(r, Category::kPassword), 1u);
  const auto has = [&](const char* token) {
    return std::count(r.form.data_general.begin(), r.form.data_general.end(), token);
  };
  EXPECT_EQ(has("id_document_copies"), 1);
  EXPECT_EQ(has("credentials"), 1);
  ScanReport only_id = scan_one("id.log", Format::kText, "paspoort NX12AB345\n", 1 << 20);
  EXPECT_EQ(only_id.form.data_general, std::vector<std::string>{"id_document_copies"});
}

TEST(ScanScanner, ReportJsonRoundTripsTheFormSuggestion) {
  ScanReport r = scan_one("klanten.csv", Format::kCsv, customers_csv(), 1 << 20);
  std::string json = report_to_json(r);
  auto back = report_from_json(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->records, 5u);
  EXPECT_EQ(back->persons_distinct, 3u);
  EXPECT_EQ(back->form.data_general, r.form.data_general);
  EXPECT_EQ(back->categories[Category::kBsn].values, 3u);
  EXPECT_FALSE(report_from_json("{\"records\":1}").ok());
  EXPECT_FALSE(report_from_json("not json").ok());
  std::vector<std::string> expected = {"name", "birth_date_or_age", "bsn", "address", "email",
                                       "phone", "credentials", "bank_account", "credit_card"};
  EXPECT_EQ(r.form.data_general, expected);
  EXPECT_EQ(r.form.data_special, std::vector<std::string>{"health"});
  EXPECT_TRUE(r.form.subjects_count_known);
  EXPECT_EQ(r.form.subjects_count, 3u);
}

}  // namespace
}  // namespace bd::scan
