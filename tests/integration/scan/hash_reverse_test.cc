// Hashed identifiers end to end: a zip with a SQL-free CSV export whose columns have
// no password or hash header, read by the real input layer and scanned with
// --reverse-hashes (the reverse space narrowed to a slice around the generated values
// so that the Debug build stays fast). The counts must be exact.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "scan/input/input.h"
#include "scan/protect/digest.h"
#include "scan/scanner.h"
#include "support/digest_text.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;
using bd::testing::hex;
using bd::testing::valid_bsns;

const ProtectionReport::Finding* finding(const ScanReport& r, const std::string& column) {
  for (const auto& f : r.protection.findings) {
    if (f.column == column) return &f;
  }
  return nullptr;
}

TEST(ScanHashReverse, ZippedExportWithUnlabelledHashColumnsIsReversedExactly) {
  TempDir d;
  std::vector<std::string> bsns = valid_bsns(22233300, 22233400);
  ASSERT_GE(bsns.size(), 60u);
  // klant_ref: SHA-256 (upper-case hex) of a BSN; k2: MD5 of the +316 form of a mobile
  // number; k3: SHA-256 of a salted BSN; opmerking: plain text.
  std::string csv = "nr;klant_ref;k2;k3;opmerking\n";
  for (std::size_t i = 0; i < 60; ++i) {
    std::string mobile = "+3164455" + std::to_string(6000 + i);  // +31644556000 ...
    csv += std::to_string(i + 1) + ";" + hex(protect::sha256_short(bsns[i]), true) + ";" +
           hex(protect::md5_short(mobile), true) + ";" + hex(protect::sha256_short("s4lt" + bsns[i]), true) +
           ";klant sinds 2019\n";
  }
  testing::write_archive(d.file("export.zip"), "zip", "", {{"klanten.csv", csv}});

  ScanOptions options;
  options.reverse_hashes = true;
  options.reverse_space.bsn_prefix_begin = 22233300;
  options.reverse_space.bsn_prefix_end = 22233400;
  options.reverse_space.mobile_begin = 44556000;
  options.reverse_space.mobile_end = 44556100;
  Scanner scanner(options);
  InputOptions in;
  in.threads = 2;
  ASSERT_TRUE(read_inputs({d.file("export.zip")}, in, scanner).ok());
  ScanReport r = scanner.finish();

  const auto* ref = finding(r, "klant_ref");
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(ref->what, "sha256 hex");
  EXPECT_EQ(ref->count, 60u);
  EXPECT_TRUE(ref->reversible);
  EXPECT_EQ(ref->reversed_to, (std::map<std::string, std::uint64_t>{{"bsn", 60}}));

  const auto* k2 = finding(r, "k2");
  ASSERT_NE(k2, nullptr);
  EXPECT_EQ(k2->what, "md5 hex");
  EXPECT_EQ(k2->reversed_to, (std::map<std::string, std::uint64_t>{{"phone", 60}}));

  const auto* k3 = finding(r, "k3");
  ASSERT_NE(k3, nullptr);
  EXPECT_EQ(k3->count, 60u);
  EXPECT_FALSE(k3->reversible);

  EXPECT_TRUE(r.protection.hashed);
  EXPECT_TRUE(r.protection.hashed_reversible);
  EXPECT_EQ(r.protection.reversed_values, 120u);
  ASSERT_TRUE(r.categories.count(Category::kBsn));
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 60u);
  EXPECT_EQ(r.categories.at(Category::kBsn).distinct, 60u);
  ASSERT_TRUE(r.categories.count(Category::kPhone));
  EXPECT_EQ(r.categories.at(Category::kPhone).values, 60u);
  // k3 is salted: still protection, so the form says "hashed".
  EXPECT_EQ(r.form.protection_measures, std::vector<std::string>{"hashed"});
}

}  // namespace
}  // namespace bd::scan
