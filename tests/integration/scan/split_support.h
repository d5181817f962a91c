// Helpers of the split tests (CSV, SQL, NDJSON and log files cut across threads): a
// report without its timings, and the check that splitting changes nothing in it.
// Header-only; each test file includes it.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "scan/input/input.h"
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

// Scans `content` (written as `name`) whole and split into 2..4 ranges; the reports
// must be equal.
inline void expect_same_report(const std::string& name, const std::string& content) {
  TempDir d;
  std::string path = d.file(name);
  write_file(path, content);
  std::string whole = report_json({path}, 1, 1);
  for (int threads : {2, 3, 4}) {
    SCOPED_TRACE(name + " in " + std::to_string(threads) + " ranges");
    EXPECT_EQ(report_json({path}, threads, 1), whole);
  }
}

inline std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace bd::scan::testing
