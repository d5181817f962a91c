// The corpus generator's own guarantees: identical output for a seed, identifiers that
// validate (or fail) as the truth says, and a truth that adds up.
#include <gtest/gtest.h>

#include "corpus.h"
#include "identity.h"
#include "test_support.h"

namespace bd::gen {
namespace {

using scan::testing::read_whole;
using scan::testing::TempDir;

CorpusOptions small(std::uint64_t seed) {
  CorpusOptions o;
  o.seed = seed;
  o.persons = 800;
  o.text_lines = 400;
  o.trap_rows = 300;
  o.employees = 100;
  return o;
}

TEST(CorpusGenerator, SameSeedSameBytes) {
  TempDir a, b;
  generate_corpus(a.path(), small(7));
  generate_corpus(b.path(), small(7));
  for (const char* f : {"persons.csv", "klanten.sql", "klanten.ndjson", "meldingen.log", "traps.csv",
                        "processor_backups.tar.gz", "export.zip", "nested.tar.zst"}) {
    EXPECT_TRUE(read_whole(a.file(f)) == read_whole(b.file(f))) << f;
  }
}

TEST(CorpusGenerator, IdentifiersValidateAsDocumented) {
  Rng rng(3);
  EXPECT_TRUE(bsn_valid("319072356"));  // the worked example of research §4
  EXPECT_TRUE(iban_valid("NL91ABNA0417164300"));
  for (int i = 0; i < 1000; ++i) {
    std::string bsn = make_bsn(rng, i % 10 == 0);
    ASSERT_TRUE(bsn_valid(bsn)) << bsn;
    ASSERT_FALSE(bsn_valid(break_check(rng, bsn)));
    std::string iban = make_iban(rng);
    ASSERT_TRUE(iban_valid(iban)) << iban;
    ASSERT_FALSE(iban_valid(break_check(rng, iban)));
    ASSERT_TRUE(luhn_valid(make_card(rng)));
    ASSERT_TRUE(luhn_valid(make_imei(rng)));
    Phone p = make_phone(rng);
    ASSERT_EQ(p.normalised.size(), 10u);
    ASSERT_EQ(p.normalised[0], '0');
  }
}

TEST(CorpusGenerator, TruthAddsUp) {
  TempDir d;
  CorpusOptions o = small(11);
  Truth t = generate_corpus(d.path(), o);
  // Customers, their NDJSON and their orders are the CSV's persons; employees are new.
  EXPECT_GE(t.persons_distinct(), o.persons + 2 * o.employees);  // plus people named in the log
  EXPECT_EQ(t.files().at("traps.csv").records, o.trap_rows);
  EXPECT_EQ(t.files().at("traps.csv").records_with_personal_data, 0u);
  EXPECT_EQ(t.files().at("export.zip!klanten.ndjson").records, o.persons / 4);
  EXPECT_GT(t.values("bsn"), t.distinct("bsn"));  // repeats and archive copies count again
  EXPECT_GT(t.values("payment_card"), 0u);
}

}  // namespace
}  // namespace bd::gen
