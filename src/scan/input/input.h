// read_inputs: the scanner's input side. Walks files and directories, opens archives
// in place (zip, tar, tar.gz, tar.zst, gz, zst, 7z, xz, bz2; nested to any allowed
// depth), converts XLSX sheets to TSV rows, decodes every member to UTF-8 and streams
// it into the SinkFactory's sinks (scan/input/sink.h).
//
// Decoding, per member: a UTF-8 BOM is dropped; UTF-16 LE/BE with a BOM is converted;
// otherwise bytes are taken as UTF-8 until the first invalid sequence, from where the
// rest of the member is decoded as Windows-1252 (MemberInfo::encoding says what was
// assumed at open()). NUL-heavy members are Format::kBinary and passed raw.
//
// Memory is bounded whatever the input size: each worker owns a small ring of reused,
// pre-faulted buffers (InputOptions::buffer_size each); nothing is loaded whole.
//
// Threads: `threads` workers take files from a shared list. A large plain CSV/TSV
// file, SQL dump, NDJSON file or log is split at record (statement, line, text block)
// boundaries into ranges that several workers scan (split_min_bytes; each range is a
// member of its own, MemberInfo::part). When there are fewer files
// than workers, a spare thread decompresses/extracts while the worker decodes and
// scans (a producer/consumer pipeline over the buffer ring). The SinkFactory and the
// ProgressObserver are called from several threads at once.
//
// Failure: problems with single inputs (unreadable file, truncated or corrupt archive,
// zip bomb, limits) never stop the scan: they go to SinkFactory::on_skipped with a
// reason. read_inputs returns an error only when the call itself is unusable (no
// paths, bad options) or when none of the given top-level paths exists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "scan/input/sink.h"

namespace bd::scan {

struct InputLimits {
  int max_depth = 8;                             // archive nesting levels ("a.zip!b.zip!c" is 2)
  double max_expansion_ratio = 250.0;            // decompressed / compressed, per stream
  std::uint64_t ratio_grace_bytes = 64ull << 20;  // the ratio applies only past this output size
  std::uint64_t max_total_expanded = 1ull << 42;  // 4 TiB decompressed over the whole scan
  std::uint64_t max_member_size = 1ull << 40;     // 1 TiB decoded per member; the rest is skipped
  std::uint64_t max_spool_size = 16ull << 30;     // 16 GiB: a nested 7z copied to a temp file to seek in
};

struct InputOptions {
  int threads = 1;                           // worker threads, >= 1
  std::size_t buffer_size = 1u << 20;        // bytes per ring buffer (fresh memory costs: small)
  int ring_buffers = 4;                      // buffers per pipeline lane, >= 2
  bool follow_symlinks = true;               // symlinks to files and directories (loop-safe)
  // A plain (not compressed, not archived) CSV/TSV file, SQL dump, NDJSON file or log
  // of at least this size is split at record boundaries into `threads` ranges scanned
  // in parallel (scan/input/split.h).
  std::uint64_t split_min_bytes = 32ull << 20;
  InputLimits limits;
};

// Totals so far; all counters only grow.
struct InputProgress {
  std::uint64_t bytes_total = 0;    // size of all top-level files found (on disk)
  std::uint64_t bytes_read = 0;     // of those, read so far
  std::uint64_t bytes_decoded = 0;  // bytes handed to sinks (after decompression)
  std::uint64_t files_total = 0;    // top-level files found
  std::uint64_t files_done = 0;
  std::uint64_t members = 0;        // members opened (files and archive entries)
};

// Receives progress. Called from worker threads (serialised by the input layer, at most
// every ~50 ms plus once at the end), so it needs no locking but must be quick.
class ProgressObserver {
 public:
  virtual ~ProgressObserver() = default;
  virtual void on_progress(const InputProgress& progress) = 0;
};

Status read_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                   SinkFactory& factory, ProgressObserver* progress = nullptr);

}  // namespace bd::scan
