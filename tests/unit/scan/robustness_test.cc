#include <gtest/gtest.h>

#include <random>
#include <string>

#include "scan/report_json.h"
#include "scan/scanner.h"

namespace bd::scan {
namespace {

TEST(ScanRobustness, RandomBytesInEveryFormatNeverCrash) {
  std::mt19937_64 rng(20261123);
  const std::string alphabet = "0123456789,;\t\n\r\"'`()[]{}:\\@.- abcNLBSNbsn$2b$INSERT INTO VALUES COPY FROM stdin\\.";
  for (Format f : {Format::kCsv, Format::kTsv, Format::kJson, Format::kNdjson, Format::kSql, Format::kText,
                   Format::kXml, Format::kVcard, Format::kHtml}) {
    for (int round = 0; round < 40; ++round) {
      std::string data;
      std::size_t n = rng() % 4000;
      for (std::size_t i = 0; i < n; ++i) {
        data.push_back(rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()]);
      }
      Scanner scanner;
      scan_buffer(scanner, MemberInfo{"fuzz", data.size(), f, "utf-8"}, data, 1 + rng() % 97);
      ScanReport r = scanner.finish();
      EXPECT_LE(r.records_with_personal_data, r.records);
      EXPECT_TRUE(report_from_json(report_to_json(r)).ok());
    }
  }
}

TEST(ScanRobustness, OversizedCsvFieldIsScannedAsTextWithoutBufferingIt) {
  std::string big = "naam,notitie\nJan,\"" + std::string(3u << 20, 'x') + " mail jan@example.nl\"\nPiet,kort\n";
  Scanner scanner;
  scan_buffer(scanner, MemberInfo{"big.csv", big.size(), Format::kCsv, "utf-8"}, big, 1 << 16);
  ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 2u);
  ASSERT_TRUE(r.categories.count(Category::kEmail));
  EXPECT_EQ(r.categories[Category::kEmail].values, 1u);
}

TEST(ScanRobustness, ProtectedAndSkippedInputsReachTheReport) {
  Scanner scanner;
  scanner.on_protected("a.zip!secret.csv", "zip encryption");
  scanner.on_skipped("b.tar.gz", "truncated archive");
  ScanReport r = scanner.finish();
  EXPECT_TRUE(r.protection.encrypted);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].reason, "truncated archive");
  EXPECT_EQ(r.form.protection_measures, std::vector<std::string>{"encrypted"});
}

}  // namespace
}  // namespace bd::scan
