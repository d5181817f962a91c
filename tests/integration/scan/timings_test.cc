// --stats: every pass of a scan is timed (per chunk, not per value) and reported with
// wall and CPU time in the report's `timings` / `timings_cpu` and in the text report.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "scan/input/input.h"
#include "scan/report_json.h"
#include "scan/report_text.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;

const PassTiming* timing(const ScanReport& r, const std::string& pass) {
  for (const auto& t : r.timings) {
    if (t.pass == pass) return &t;
  }
  return nullptr;
}

TEST(ScanTimings, EveryPassIsTimedWithWallAndCpu) {
  TempDir d;
  std::string csv = "naam,email,notitie\n";
  for (int i = 0; i < 20000; ++i) {
    csv += "Jan Jansen " + std::to_string(i) + ",jan" + std::to_string(i) + "@example.nl,belde over zijn diabetes\n";
  }
  testing::write_compressed(d.file("klanten.csv.gz"), "gzip", csv);
  ScanOptions options;
  options.reverse_hashes = true;
  options.reverse_space.bsn_prefix_end = 1000;  // nothing hashed here: a token space
  options.reverse_space.mobile_end = 1000;
  options.threads = 2;  // the distinct values beside the person count: both still timed
  Scanner scanner(options);
  InputOptions in;
  in.threads = 2;
  ASSERT_TRUE(read_inputs({d.file("klanten.csv.gz")}, in, scanner).ok());
  ScanReport r = scanner.finish();
  ASSERT_EQ(r.categories.at(Category::kEmail).values, 20000u);

  for (const char* pass : {"read+decode", "tokenise+detect+count", "merge"}) {
    const PassTiming* t = timing(r, pass);
    ASSERT_NE(t, nullptr) << pass;
    EXPECT_GE(t->seconds, 0) << pass;
    EXPECT_GE(t->cpu_seconds, 0) << pass;
  }
  // Scanning 20000 rows takes measurable time on any machine, in the analysis pass.
  EXPECT_GT(timing(r, "tokenise+detect+count")->seconds, 0);
  EXPECT_GT(timing(r, "tokenise+detect+count")->cpu_seconds, 0);
  for (const char* pass : {"column verdicts", "reverse hashes", "distinct values", "persons (union-find)"}) {
    EXPECT_NE(timing(r, pass), nullptr) << pass;
  }
  EXPECT_GE(timing(r, "reverse hashes")->cpu_seconds, 0);

  boost::json::object o = boost::json::parse(report_to_json(r)).as_object();
  EXPECT_TRUE(o.at("timings").as_object().contains("tokenise+detect+count"));
  EXPECT_TRUE(o.at("timings_cpu").as_object().contains("read+decode"));
  EXPECT_FALSE(o.at("timings_cpu").as_object().contains("column verdicts"));  // wall only

  std::string text = report_to_text(r, true);
  EXPECT_NE(text.find("Time per pass:"), std::string::npos);
  EXPECT_NE(text.find("tokenise+detect+count"), std::string::npos);
  EXPECT_EQ(report_to_text(r, false).find("Time per pass:"), std::string::npos);
}

}  // namespace
}  // namespace bd::scan
