// Scanner: the analysis side of the scope scanner. It is the SinkFactory the input
// layer (scan/input/input.h) feeds: for every member it opens a sink that tokenises
// the decoded text (CSV/TSV, SQL dump, JSON/NDJSON, free text), classifies each field
// once (validated detectors, scan/validate/), gives columns a verdict, and counts
// records, values, distinct values and persons. finish() merges everything into one
// ScanReport (scan/report.h). A large plain CSV/TSV file may arrive as several members,
// one per byte range (MemberInfo::part), on several threads; their counts are combined
// into the file's one entry before they are merged (scan/count/parts.h).
//
// Ownership: the Scanner owns the accumulated counts; sinks it returns hold a pointer
// back to it and must be destroyed before finish() is called (read_inputs does so).
//
// Threads: open(), on_skipped() and on_protected() may be called from several threads
// at once. Each sink accumulates privately and merges into the Scanner under a mutex
// when it ends, so the hot path takes no lock. finish() is called once, after the
// input side returned.
//
// Failure: bad input never fails a scan: malformed CSV/SQL/JSON is scanned as far as
// it makes sense (unterminated quotes, depth limits, endless lines are bounded) and
// noted in the report's skipped list when something was left out.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "scan/input/sink.h"
#include "scan/protect/reverse.h"
#include "scan/report.h"

namespace bd::scan {

struct ScanOptions {
  bool show_values = false;     // samples in clear instead of masked
  bool reverse_hashes = false;  // try hashed columns against every BSN and 06-number
  protect::ReverseSpace reverse_space;  // what --reverse-hashes enumerates (tests narrow it)
  std::size_t samples_per_category = 3;
  // Memory for counting (docs/scan-report.md, "Memory"): each distinct-value batch (one
  // per category, and the person keys) and the person-link buffer hold at most this
  // many bytes before they spill runs to an unnamed temporary file.
  std::size_t count_set_bytes = 2u << 20;
  // Threads finish() may use: with two or more, the distinct values of the other
  // categories are counted on a second thread beside the person count.
  int threads = 1;
};

namespace count {
class ScanState;  // the merged accumulators (scan/count/state.h)
}

class Scanner final : public SinkFactory {
 public:
  explicit Scanner(ScanOptions options = {});
  ~Scanner() override;
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  std::unique_ptr<MemberSink> open(const MemberInfo& info) override;
  void on_skipped(const std::string& path, const std::string& reason) override;
  void on_protected(const std::string& path, const std::string& how) override;

  // Decides column verdicts, counts persons, reverses hashes when asked, and builds
  // the report. Call once, after every sink was destroyed.
  ScanReport finish();

 private:
  ScanOptions options_;
  std::unique_ptr<count::ScanState> state_;
};

// Convenience for tests and small callers: scans one in-memory member as if the input
// layer had delivered it in chunks of `chunk_size` bytes.
void scan_buffer(Scanner& scanner, const MemberInfo& info, std::string_view data,
                 std::size_t chunk_size = 1 << 20);

}  // namespace bd::scan
