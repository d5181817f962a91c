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
  ScanReport memory = scan_dir(d.path(), ScanOptions{});
  for (int threads : {1, 2}) {
    // With two, the other categories are counted beside the person count.
    ScanOptions spilling;
    spilling.count_set_bytes = 1;
    spilling.threads = threads;
    ScanOptions in_memory;
    in_memory.threads = threads;
    for (const ScanReport& other : {scan_dir(d.path(), spilling), scan_dir(d.path(), in_memory)}) {
      EXPECT_EQ(memory.records, other.records);
      ASSERT_EQ(memory.categories.size(), other.categories.size());
      for (const auto& [category, stats] : memory.categories) {
        ASSERT_TRUE(other.categories.count(category)) << to_key(category);
        EXPECT_EQ(stats.values, other.categories.at(category).values) << to_key(category);
        EXPECT_EQ(stats.distinct, other.categories.at(category).distinct) << to_key(category);
        EXPECT_EQ(stats.samples, other.categories.at(category).samples) << to_key(category);
      }
      for (const std::string cat : {"bsn", "iban", "payment_card", "email"}) {
        EXPECT_EQ(other.categories.at(*category_from_key(cat)).distinct, truth.distinct(cat)) << cat;
      }
      EXPECT_EQ(memory.persons_distinct, other.persons_distinct);
      double persons = static_cast<double>(truth.persons_distinct());
      EXPECT_LE(std::fabs(static_cast<double>(other.persons_distinct) - persons), persons * 0.001)
          << other.persons_distinct << " vs " << truth.persons_distinct();
    }
  }
}

}  // namespace
}  // namespace bd::scan
