// Hash-shaped columns without a password or hash header, and --reverse-hashes over
// every form of BSN and mobile number it promises (docs/scan-report.md). The reverse
// space is narrowed to a slice around the test values so that the Debug build stays
// fast; the enumeration code is the same as for the full space.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "scan/protect/digest.h"
#include "scan/protect/reverse.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "support/digest_text.h"

namespace bd::scan {
namespace {

using bd::testing::base64;
using bd::testing::hex;
using bd::testing::valid_bsns;

ScanOptions narrow_reverse() {
  ScanOptions o;
  o.reverse_hashes = true;
  o.reverse_space.bsn_prefix_begin = 11122200;
  o.reverse_space.bsn_prefix_end = 11122300;
  o.reverse_space.mobile_begin = 12345600;
  o.reverse_space.mobile_end = 12345700;
  return o;
}

ScanReport scan_csv(const std::string& csv, const ScanOptions& options = {}) {
  Scanner scanner(options);
  scan_buffer(scanner, MemberInfo{"klanten.csv", csv.size(), Format::kCsv, "utf-8"}, csv, 7);
  return scanner.finish();
}

std::uint64_t values(const ScanReport& r, Category c) {
  auto it = r.categories.find(c);
  return it == r.categories.end() ? 0 : it->second.values;
}

const ProtectionReport::Finding* finding(const ScanReport& r, const std::string& column) {
  for (const auto& f : r.protection.findings) {
    if (f.column == column) return &f;
  }
  return nullptr;
}

// id,ref: `ref` holds SHA-256 hex of BSNs from the narrowed slice.
std::string hashed_bsn_csv(std::size_t rows) {
  std::vector<std::string> bsns = valid_bsns(11122200, 11122300);
  std::string csv = "id,ref\n";
  for (std::size_t i = 0; i < rows; ++i) {
    csv += std::to_string(i + 1) + "," + hex(protect::sha256_short(bsns[i % bsns.size()])) + "\n";
  }
  return csv;
}

TEST(ScanHashColumns, UnlabelledSha256ColumnIsHashedAndCountsAsNoCategory) {
  ScanReport r = scan_csv(hashed_bsn_csv(40));
  EXPECT_TRUE(r.protection.hashed);
  const auto* f = finding(r, "ref");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->what, "sha256 hex");
  EXPECT_EQ(f->count, 40u);
  EXPECT_FALSE(f->reversible);
  EXPECT_TRUE(r.categories.empty());
  EXPECT_EQ(r.records_with_personal_data, 0u);
  EXPECT_EQ(r.form.protection_measures, std::vector<std::string>{"hashed"});
}

TEST(ScanHashColumns, ReverseHashesRecoversTheBsnsOfAnUnlabelledColumnWithTheExactCount) {
  ScanReport r = scan_csv(hashed_bsn_csv(40), narrow_reverse());
  const auto* f = finding(r, "ref");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->reversible);
  ASSERT_EQ(f->reversed_to.count("bsn"), 1u);
  EXPECT_EQ(f->reversed_to.at("bsn"), 40u);
  EXPECT_EQ(f->reversed_to.count("phone"), 0u);
  EXPECT_TRUE(r.protection.hashed_reversible);
  EXPECT_EQ(r.protection.reversed_values, 40u);
  EXPECT_EQ(values(r, Category::kBsn), 40u);
  // Reversible hashes are no protection: the form no longer suggests "hashed".
  EXPECT_EQ(r.form.protection_measures, std::vector<std::string>{"none"});
  std::string json = report_to_json(r);
  EXPECT_NE(json.find("\"reversed_to\":{\"bsn\":40}"), std::string::npos) << json.substr(0, 400);
}

TEST(ScanHashColumns, SaltedDigestsAreHashedButNotReversible) {
  std::vector<std::string> bsns = valid_bsns(11122200, 11122300);
  std::string csv = "x\n";
  for (std::size_t i = 0; i < 20; ++i) csv += hex(protect::sha256_short("zout-" + bsns[i])) + "\n";
  ScanReport r = scan_csv(csv, narrow_reverse());
  const auto* f = finding(r, "x");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->count, 20u);
  EXPECT_FALSE(f->reversible);
  EXPECT_TRUE(f->reversed_to.empty());
  EXPECT_FALSE(r.protection.hashed_reversible);
  EXPECT_EQ(values(r, Category::kBsn), 0u);
  EXPECT_EQ(r.form.protection_measures, std::vector<std::string>{"hashed"});
}

TEST(ScanHashColumns, HexIdsOfOtherLengthsAreNoHashes) {
  std::mt19937_64 rng(7);
  std::string csv = "ref\n";
  for (int i = 0; i < 30; ++i) {
    std::string id;
    for (int k = 0; k < (i % 2 == 0 ? 30 : 36); ++k) id += "0123456789abcdef"[rng() % 16];
    csv += id + "\n";
  }
  ScanReport r = scan_csv(csv);
  EXPECT_FALSE(r.protection.hashed);
  EXPECT_EQ(finding(r, "ref"), nullptr);
}

TEST(ScanHashColumns, ChecksumsOfFilesAndCommitsAreNoProtection) {
  // A deployment log or file inventory: commit ids and file digests are hex of a
  // digest's length, but they fingerprint content and protect nobody's data.
  std::string csv = "commit,file_sha256,checksum,user_email\n";
  for (int i = 0; i < 30; ++i) {
    std::string n = std::to_string(i);
    csv += hex(protect::sha1_short("commit " + n)) + "," + hex(protect::sha256_short("file " + n)) + "," +
           hex(protect::md5_short("blob " + n)) + ",dev" + n + "@example.nl\n";
  }
  ScanReport r = scan_csv(csv);
  EXPECT_FALSE(r.protection.hashed);
  EXPECT_EQ(finding(r, "commit"), nullptr);
  EXPECT_EQ(finding(r, "file_sha256"), nullptr);
  EXPECT_EQ(finding(r, "checksum"), nullptr);
  EXPECT_EQ(values(r, Category::kEmail), 30u);
  EXPECT_EQ(r.form.protection_measures, std::vector<std::string>{"none"});
}

TEST(ScanHashColumns, AColumnOfSixtyPercentHashesIsNoHashColumn) {
  std::string csv = "ref\n";
  for (int i = 0; i < 50; ++i) {
    csv += (i % 5 < 3 ? hex(protect::md5_short("waarde " + std::to_string(i))) : "code-" + std::to_string(i)) + "\n";
  }
  ScanReport r = scan_csv(csv);
  EXPECT_FALSE(r.protection.hashed);
  EXPECT_EQ(finding(r, "ref"), nullptr);
  EXPECT_TRUE(r.categories.empty());
}

TEST(ScanHashColumns, NineHashesAreTooFewToCall) {
  std::string csv = "ref\n";
  for (int i = 0; i < 9; ++i) csv += hex(protect::sha1_short(std::to_string(i))) + "\n";
  EXPECT_FALSE(scan_csv(csv).protection.hashed);
}

TEST(ScanProtect, ReverseTriesEveryPromisedFormOfBsnAndMobile) {
  std::string eight_digit_bsn = valid_bsns(1234500, 1234600).front();  // "01234500x"
  ASSERT_EQ(eight_digit_bsn[0], '0');
  std::string nine_digit_bsn = valid_bsns(11122200, 11122300).front();
  std::vector<std::string> digests = {
      hex(protect::sha256_short(nine_digit_bsn)),
      hex(protect::md5_short(eight_digit_bsn)),                           // with the leading zero
      hex(protect::sha1_short(eight_digit_bsn.substr(1))),                // without it
      hex(protect::sha256_short(eight_digit_bsn.substr(1)), true),        // upper-case hex
      base64(protect::sha256_short("0612345678")),                        // base64, padded
      base64(protect::md5_short("+31612345678")).substr(0, 22),           // base64, unpadded
      base64(protect::sha1_short("0031612345678")),
      hex(protect::sha256_short("612345678")),  // a form not promised: not found
  };
  // Two narrow slices (the BSNs below 100000000, and the rest) keep the test fast.
  protect::ReverseSpace space;
  space.bsn_prefix_begin = 1234500;
  space.bsn_prefix_end = 1234600;
  space.mobile_begin = 0;
  space.mobile_end = 0;
  auto low = protect::reverse_digests(digests, space);
  space.bsn_prefix_begin = 11122200;
  space.bsn_prefix_end = 11122300;
  space.mobile_begin = 12345600;
  space.mobile_end = 12345700;
  auto high = protect::reverse_digests(digests, space);
  ASSERT_EQ(low.size(), digests.size());
  for (std::size_t i : {1u, 2u, 3u}) {
    ASSERT_TRUE(low[i]) << i;
    EXPECT_EQ(low[i]->plaintext, eight_digit_bsn);  // reported in the normalised form
    EXPECT_TRUE(low[i]->bsn);
  }
  ASSERT_TRUE(high[0]);
  EXPECT_EQ(high[0]->plaintext, nine_digit_bsn);
  for (std::size_t i : {4u, 5u, 6u}) {
    ASSERT_TRUE(high[i]) << i;
    EXPECT_EQ(high[i]->plaintext, "0612345678");
    EXPECT_FALSE(high[i]->bsn);
  }
  EXPECT_FALSE(high[7]);
}

TEST(ScanProtect, Sha256WithCpuExtensionsEqualsThePortableLoop) {
  std::mt19937 rng(11);
  for (int n = 0; n < 2000; ++n) {
    std::string msg(rng() % 56, '\0');
    for (char& c : msg) c = static_cast<char>(rng());
    ASSERT_EQ(protect::sha256_short(msg), protect::sha256_short_portable(msg)) << n;
  }
  EXPECT_EQ(hex(protect::sha256_short_portable("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace bd::scan
