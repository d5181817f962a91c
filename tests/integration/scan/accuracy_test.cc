// The scanner end to end (input layer + scancore's Scanner) on generated corpora with
// known truth (bench/gen): exact counts for the validated categories, nothing counted
// from the traps, persons within 0.1%, archive copies counted again.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "corpus.h"
#include "scan/input/input.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;

struct CorpusRun {
  gen::Truth truth;
  ScanReport report;
  std::string dir;
};

CorpusRun scan_corpus(const TempDir& d, std::uint64_t seed, int threads) {
  gen::CorpusOptions o;
  o.seed = seed;
  o.persons = 3000;
  o.text_lines = 1500;
  o.trap_rows = 1500;
  o.employees = 300;
  CorpusRun r{gen::generate_corpus(d.path(), o), {}, d.path()};
  Scanner scanner;
  InputOptions in;
  in.threads = threads;
  Status s = read_inputs({d.path()}, in, scanner);
  EXPECT_TRUE(s.ok());
  r.report = scanner.finish();
  return r;
}

const FileReport* file(const CorpusRun& r, const std::string& rel) {
  for (const auto& f : r.report.files) {
    if (f.path == r.dir + "/" + rel) return &f;
  }
  return nullptr;
}

std::uint64_t value_of(const std::map<std::string, std::uint64_t>& m, const std::string& k) {
  auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}

void expect_exact(const CorpusRun& r) {
  for (const std::string cat : {"bsn", "iban", "payment_card", "email"}) {
    auto c = category_from_key(cat);
    ASSERT_TRUE(c.has_value());
    auto it = r.report.categories.find(*c);
    std::uint64_t values = it == r.report.categories.end() ? 0 : it->second.values;
    std::uint64_t distinct = it == r.report.categories.end() ? 0 : it->second.distinct;
    EXPECT_EQ(values, r.truth.values(cat)) << cat << " values";
    EXPECT_EQ(distinct, r.truth.distinct(cat)) << cat << " distinct";
    for (const auto& [path, t] : r.truth.files()) {
      const FileReport* f = file(r, path);
      if (f == nullptr) {
        ADD_FAILURE() << "no report for " << path;
        continue;
      }
      EXPECT_EQ(value_of(f->values, cat), value_of(t.values, cat)) << path << " " << cat;
    }
  }
}

TEST(ScanAccuracy, ValidatedCategoriesAreExact) {
  TempDir d;
  CorpusRun r = scan_corpus(d, 20261123, 1);
  expect_exact(r);
  EXPECT_TRUE(r.report.skipped.empty()) << r.report.skipped.front().path << ": " << r.report.skipped.front().reason;
}

TEST(ScanAccuracy, RecordsAndPersonsMatchTheTruth) {
  TempDir d;
  CorpusRun r = scan_corpus(d, 7, 2);
  EXPECT_EQ(r.report.records, r.truth.records());
  double persons = static_cast<double>(r.truth.persons_distinct());
  EXPECT_LE(std::fabs(static_cast<double>(r.report.persons_distinct) - persons), persons * 0.001)
      << r.report.persons_distinct << " vs " << r.truth.persons_distinct();
  for (const auto& [path, t] : r.truth.files()) {
    const FileReport* f = file(r, path);
    ASSERT_NE(f, nullptr) << path;
    EXPECT_EQ(f->records, t.records) << path;
  }
}

TEST(ScanAccuracy, TrapsCountAsNothing) {
  TempDir d;
  CorpusRun r = scan_corpus(d, 99, 1);
  for (const std::string rel : {"traps.csv", "export.zip!traps.csv", "nested.tar.zst!inner/export.zip!traps.csv"}) {
    const FileReport* f = file(r, rel);
    ASSERT_NE(f, nullptr) << rel;
    EXPECT_EQ(f->records, r.truth.files().at(rel).records);
    EXPECT_EQ(f->records_with_personal_data, 0u) << rel;
    for (const auto& [cat, n] : f->values) EXPECT_EQ(n, 0u) << rel << " " << cat;
  }
}

TEST(ScanAccuracy, ProcessorBackupsAreScannedAsSqlInsideTarGz) {
  TempDir d;
  CorpusRun r = scan_corpus(d, 2021, 1);
  for (const std::string rel : {"processor_backups.tar.gz!backup/klant_a/medewerkers.sql",
                                "processor_backups.tar.gz!backup/klant_b/medewerkers.pgsql"}) {
    const FileReport* f = file(r, rel);
    ASSERT_NE(f, nullptr) << rel;
    EXPECT_EQ(f->format, Format::kSql);
    EXPECT_EQ(f->records, r.truth.files().at(rel).records) << rel;
    EXPECT_EQ(value_of(f->values, "bsn"), value_of(r.truth.files().at(rel).values, "bsn")) << rel;
  }
}

TEST(ScanAccuracy, ArchivesScannedByTwoThreadsCountAsByOne) {
  // One archive and two threads: its members are scanned side by side, in whatever
  // order they finish; every count is the same.
  TempDir d;
  CorpusRun corpus = scan_corpus(d, 5, 1);
  for (const std::string rel : {"export.zip", "nested.tar.zst", "processor_backups.tar.gz"}) {
    SCOPED_TRACE(rel);
    std::map<int, ScanReport> by_threads;
    for (int threads : {1, 2}) {
      Scanner scanner;
      InputOptions in;
      in.threads = threads;
      ASSERT_TRUE(read_inputs({d.path() + "/" + rel}, in, scanner).ok());
      by_threads[threads] = scanner.finish();
    }
    const ScanReport& one = by_threads[1];
    const ScanReport& two = by_threads[2];
    EXPECT_EQ(two.records, one.records);
    EXPECT_EQ(two.persons_distinct, one.persons_distinct);
    EXPECT_EQ(two.records_with_personal_data, one.records_with_personal_data);
    ASSERT_EQ(two.categories.size(), one.categories.size());
    for (const auto& [category, c] : one.categories) {
      EXPECT_EQ(two.categories.at(category).values, c.values);
      EXPECT_EQ(two.categories.at(category).distinct, c.distinct);
    }
    ASSERT_EQ(two.files.size(), one.files.size());
    std::map<std::string, const FileReport*> files;
    for (const auto& f : two.files) files[f.path] = &f;
    for (const auto& f : one.files) {
      ASSERT_EQ(files.count(f.path), 1u) << f.path;
      EXPECT_EQ(files[f.path]->records, f.records) << f.path;
      EXPECT_EQ(files[f.path]->values, f.values) << f.path;
    }
  }
}

TEST(ScanAccuracy, ReportsDoNotDependOnWhichThreadFinishesFirst) {
  // Members merge in the order their threads finish; files, columns, samples and
  // findings are put in order of path, so the whole report is the same every time.
  TempDir d;
  CorpusRun corpus = scan_corpus(d, 6, 1);
  auto json_of = [&](const std::string& path, int threads) {
    Scanner scanner;
    InputOptions in;
    in.threads = threads;
    EXPECT_TRUE(read_inputs({path}, in, scanner).ok());
    ScanReport r = scanner.finish();
    r.timings.clear();
    r.seconds = 0;
    return report_to_json(r);
  };
  for (const std::string& path :
       {d.path(), d.path() + "/processor_backups.tar.gz", d.path() + "/export.zip"}) {
    SCOPED_TRACE(path);
    const std::string one = json_of(path, 1);
    for (int run = 0; run < 4; ++run) EXPECT_EQ(json_of(path, 2), one) << run;
  }
}

}  // namespace
}  // namespace bd::scan
