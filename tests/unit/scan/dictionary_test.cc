#include "scan/detect/dictionary.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scan/detect/dictionary_build.h"

namespace bd::scan::detect {
namespace {

TEST(ScanDictionaryPrecompiled, InstanceUsesEmbeddedDatabase) {
  const Dictionary* dict = Dictionary::instance();
  ASSERT_NE(dict, nullptr);
  EXPECT_TRUE(dict->precompiled());
  std::vector<TermHit> hits;
  dict->scan("Patient met diabetes, geboortedatum 1-2-1980", hits);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].kind, TermKind::kHealth);
  EXPECT_EQ(dict->term(hits[0].term), "diabetes");
  EXPECT_EQ(hits[1].kind, TermKind::kLabelBirth);
}

TEST(ScanDictionaryPrecompiled, BuiltFromTheCurrentTerms) {
  EXPECT_EQ(precompiled::kFingerprint, fingerprint(collect_expressions()));
}

struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

// Every raw Hyperscan match (id, end) in `text`.
std::vector<std::pair<unsigned, unsigned long long>> matches(const hs_database_t* db, std::string_view text) {
  hs_scratch_t* raw = nullptr;
  EXPECT_EQ(hs_alloc_scratch(db, &raw), HS_SUCCESS);
  std::unique_ptr<hs_scratch_t, ScratchDeleter> scratch(raw);
  std::vector<std::pair<unsigned, unsigned long long>> out;
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
    static_cast<std::vector<std::pair<unsigned, unsigned long long>>*>(ctx)->emplace_back(id, to);
    return 0;
  };
  EXPECT_EQ(hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(), on_match, &out),
            HS_SUCCESS);
  return out;
}

TEST(ScanDictionaryPrecompiled, MatchesTheRunTimeCompiledDatabase) {
  hs_database_t* raw = nullptr;
  ASSERT_EQ(hs_deserialize_database(precompiled::kDatabase, precompiled::kDatabaseSize, &raw), HS_SUCCESS);
  DatabasePtr embedded(raw);
  DatabasePtr compiled = compile_expressions(collect_expressions(), nullptr);
  ASSERT_NE(compiled, nullptr);
  std::string text;
  for (std::string_view t : collect_expressions().terms) {
    text += t;
    text += ' ';
  }
  text += "DIABETES Jan Jansen -----BEGIN PGP MESSAGE----- BSN: 111222333";
  auto want = matches(compiled.get(), text);
  EXPECT_GT(want.size(), collect_expressions().terms.size());
  EXPECT_EQ(matches(embedded.get(), text), want);
}

}  // namespace
}  // namespace bd::scan::detect
