// The scanner on a generated corpus with the smallest counting memory
// (ScanOptions::count_set_bytes): every distinct set and the person graph spill to
// temporary files, and the report's counts equal those of a scan in memory.
#include <gtest/gtest.h>

#include <cmath>

#include "corpus.h"
#include "scan/input/input.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;

ScanReport scan_dir(const std::string& dir, ScanOptions options) {
  Scanner scanner(options);
  InputOptions in;
  in.threads = 2;
  EXPECT_TRUE(read_inputs({dir}, in, scanner).ok());
  return scanner.finish();
}

TEST(ScanSpill, CountsAreTheSameWithAndWithoutSpilling) {
  TempDir d;
  gen::CorpusOptions o;
  o.seed = 4242;
  o.persons = 4000;
  o.text_lines = 1500;
  o.trap_rows = 500;
  o.employees = 300;
  gen::Truth truth = gen::generate_corpus(d.path(), o);
  ScanOptions spilling;
  spilling.count_set_bytes = 1;
  ScanReport memory = scan_dir(d.path(), ScanOptions{});
  ScanReport spilled = scan_dir(d.path(), spilling);

  EXPECT_EQ(memory.records, spilled.records);
  ASSERT_EQ(memory.categories.size(), spilled.categories.size());
  for (const auto& [category, stats] : memory.categories) {
    ASSERT_TRUE(spilled.categories.count(category)) << to_key(category);
    EXPECT_EQ(stats.values, spilled.categories.at(category).values) << to_key(category);
    EXPECT_EQ(stats.distinct, spilled.categories.at(category).distinct) << to_key(category);
  }
  for (const std::string cat : {"bsn", "iban", "payment_card", "email"}) {
    EXPECT_EQ(spilled.categories.at(*category_from_key(cat)).distinct, truth.distinct(cat)) << cat;
  }
  EXPECT_EQ(memory.persons_distinct, spilled.persons_distinct);
  double persons = static_cast<double>(truth.persons_distinct());
  EXPECT_LE(std::fabs(static_cast<double>(spilled.persons_distinct) - persons), persons * 0.001)
      << spilled.persons_distinct << " vs " << truth.persons_distinct();
}

}  // namespace
}  // namespace bd::scan
