// Helpers of the split tests (CSV, SQL, NDJSON and log files cut across threads): a
// report without its timings, and the check that splitting changes nothing in it.
// Header-only; each test file includes it.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "scan/input/input.h"
#include "scan/input/plan_bytes.h"
#include "scan/input/split.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan::testing {

// The JSON report of scanning `paths` with `threads` workers, timings cleared.
inline std::string report_json(const std::vector<std::string>& paths, int threads,
                               std::uint64_t split_min_bytes, std::size_t buffer_size = 64u << 10) {
  ScanOptions so;
  Scanner scanner(so);
  InputOptions in;
  in.threads = threads;
  in.buffer_size = buffer_size;
  in.split_min_bytes = split_min_bytes;
  EXPECT_TRUE(read_inputs(paths, in, scanner).ok());
  ScanReport r = scanner.finish();
  r.timings.clear();
  r.seconds = 0;
  return report_to_json(r);
}

// Scans `content` (written as `name`) whole and split on 2..4 threads (into
// input::ranges_per_thread ranges per thread); the reports must be equal. Then the same gzipped: read as a
// stream and cut (scan/input/ stream_split.h) on 2 and 3 threads, wherever it may be cut when it is short,
// into about 16 ranges when it is longer (every range's prime repeats what came before).
inline void expect_same_report(const std::string& name, const std::string& content) {
  TempDir d;
  std::string path = d.file(name);
  write_file(path, content);
  std::string whole = report_json({path}, 1, 1);
  for (int threads : {2, 3, 4}) {
    SCOPED_TRACE(name + " split on " + std::to_string(threads) + " threads");
    EXPECT_EQ(report_json({path}, threads, 1), whole);
  }
  std::string gz = d.file(name + ".gz");
  write_compressed(gz, "gzip", content);
  std::string stream = report_json({gz}, 1, 1);
  std::uint64_t range_min = content.size() < (16u << 10) ? 1 : content.size() / 8;
  for (int threads : {2, 3}) {
    SCOPED_TRACE(name + ".gz cut on " + std::to_string(threads) + " threads");
    EXPECT_EQ(report_json({gz}, threads, range_min), stream);
  }
}

// `plan` (a planner of split.h, given PlanBytes) over `content` written to a file and
// read through the smallest window, and over `content` in memory: the cuts, encodings
// and primes must be the same. Returns the number of ranges.
template <typename Plan>
std::size_t expect_same_plan_through_a_window(const std::string& content, Plan plan) {
  TempDir d;
  write_file(d.file("f"), content);
  int fd = ::open(d.file("f").c_str(), O_RDONLY | O_CLOEXEC);
  EXPECT_GE(fd, 0);
  input::PlanBytes file(fd, content.size(), 0);
  input::PlanBytes memory(content);
  input::SplitPoints a = plan(file);
  input::SplitPoints b = plan(memory);
  ::close(fd);
  EXPECT_FALSE(file.failed());
  EXPECT_EQ(a.starts, b.starts);
  EXPECT_TRUE(a.encodings == b.encodings);
  EXPECT_TRUE(a.primes == b.primes);
  return a.starts.size();
}

// `rounds` texts, each some random `pieces` (at least `min_pieces`, fewer than
// `min_pieces` + 400) after head(round), written as `name` and expected to report the
// same whole and split (expect_same_report). Returns how many of them the planner cut
// into 3 ranges or more (ranges(text): its number of ranges for 4 threads). Stops at
// the first failure.
template <typename Head, typename Ranges>
int expect_random_texts_same_report(const std::string& name, const std::vector<std::string>& pieces,
                                    std::uint32_t seed, int rounds, int min_pieces, Head head, Ranges ranges) {
  std::mt19937 rng(seed);
  int split = 0;
  for (int round = 0; round < rounds; ++round) {
    std::string text = head(round);
    int n = min_pieces + static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    SCOPED_TRACE("round " + std::to_string(round));
    if (ranges(text) >= 3) ++split;
    expect_same_report(name, text);
    if (::testing::Test::HasFailure()) break;
  }
  return split;
}

inline std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace bd::scan::testing
