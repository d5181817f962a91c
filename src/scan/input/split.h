// Splitting one large plain CSV/TSV file, SQL dump, NDJSON file or free-text log
// across the worker threads. Internal to src/scan/input/.
//
// A file on disk (not an archive member, not compressed) that sniffs as one of these
// and is at least InputOptions::split_min_bytes is read as several byte ranges, each
// a member of its own (MemberInfo::part) scanned by whichever worker takes it. Every
// range but the first starts where the tokenizer of the whole file would stand at a
// clean state, and is primed (MemberPart::prime) with text that puts its tokenizer in
// that state; the analysis side combines the ranges' results into one.
//
// CSV/TSV: a range starts at a real record start. The planner runs the CSV tokenizer's
// quoting rules (scan/tokenize/csv.cc) over the bytes before each candidate cut,
// jumping from quote to quote, and moves the cut to the next newline outside quotes.
// A range after the first is primed with the file's first record (the header row, or
// the first data row), decoded as the first range decodes it, so its tokenizer decides
// the same delimiter and header.
//
// SQL (split_sql.cc): a range starts at a line start between statements (outside any
// string, identifier or comment) or at a line of COPY data. The planner runs the SQL
// tokenizer itself over the bytes before each cut (scan/tokenize/sql_resume.h), and
// primes a range with what it knew there: the tables and columns announced, the
// CREATE TABLE schemas, the string escaping and the COPY head. A dump is cut only
// where the bytes before the cut are valid UTF-8 (the prime is their text).
//
// NDJSON (split_lines.cc): a range starts at a line start where the JSON tokenizer,
// run over the bytes before it, stands outside any value (scan/tokenize/
// json_resume.h); its prime declares the keys seen before (the columns, in order) and
// the once-per-file problems already reported. Text (split_lines.cc): a range starts
// after a '\n' where the text tokenizer starts a block (its blocks depend on the text
// alone, scan/tokenize/text_blocks.h); no prime. Both are cut only where the bytes
// before the cut are valid UTF-8. A JSON document (an array) is never split.
//
// Decoding: ranges are cut after a '\n', so no character spans two ranges; a range
// starts as UTF-8 when everything before it is valid UTF-8, else as Windows-1252 (the
// decoder of the whole file would have switched before it).
//
// Scheduling: a file is cut into a few ranges per thread (ranges_per_thread), not one,
// so that a worker that ends early takes another range: the cost of a byte differs
// along a file (a dump's customer table costs three times its order table). Each range
// is queued as soon as the cut after it is found, so the other workers scan the first
// ranges while the planner reads on (planning reads the file up to its last cut at
// 0.5 to 3 GB/s, which would otherwise be wall time of every split scan).
//
// Threads: plan_split() and read_range() run on the worker that calls them; a
// SplitFile is shared (read-only, plus an atomic count) by the workers reading its
// ranges; WorkQueue is thread-safe.
// Failure: a file that cannot be planned (no cut found, first CSV record too long, a
// read error or truncated by another process before its first cut is found:
// plan_bytes.h) is simply not split: plan_split() returns null and the caller reads
// it whole as before. A read error after ranges were queued ends the plan there: the
// last range runs to the end of the file, and its own read reports what it finds.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/format.h"
#include "scan/input/decoder.h"
#include "scan/input/input.h"
#include "scan/input/leaf.h"
#include "scan/input/plan_bytes.h"
#include "scan/input/walker.h"

namespace bd::scan::input {

struct ScanShared;

// Where one file is cut. starts[0] == 0; range i is [starts[i], starts[i + 1]) with
// starts.back() followed by the end of the file.
struct SplitPoints {
  std::vector<std::uint64_t> starts;
  std::vector<Encoding> encodings;  // the decoder's encoding at each range's start
  std::vector<std::string> primes;  // MemberPart::prime of each range (empty for the first)
};

// Watches a plan grow: called each time a planner adds a start after the first, with
// the plan so far (every start with its encoding and prime), once the start is final:
// the range before it may then be scanned. A plan that ends with a single start (no
// split) never calls it.
using PlanWatcher = std::function<void(const SplitPoints&)>;

// Pure planning over the file's bytes (tests call it directly; plan_bytes.h reads a file
// a window at a time, or a block of memory). `delimiter_hint` is '\t' for TSV and 0 for
// CSV (picked like the tokenizer: the most frequent of , ; tab | on the first line).
// Cuts near i * size / parts; a cut with no record start after it is dropped. Returns
// no starts when the file cannot be split.
SplitPoints plan_ranges(PlanBytes& bytes, char delimiter_hint, int parts, const PlanWatcher& watch = {});
// The same for a SQL dump (split_sql.cc), an NDJSON file and a free-text log
// (split_lines.cc). These cut only where the bytes before the cut are valid UTF-8 (the
// primes and text blocks are the decoded text): the plan ends at the first cut that
// follows an invalid byte, and the range before it starts as UTF-8 and switches to
// Windows-1252 where the whole file's decoder would.
SplitPoints plan_sql_ranges(PlanBytes& bytes, int parts, const PlanWatcher& watch = {});
SplitPoints plan_ndjson_ranges(PlanBytes& bytes, int parts, const PlanWatcher& watch = {});
SplitPoints plan_text_ranges(PlanBytes& bytes, int parts, const PlanWatcher& watch = {});

// The planners' shared steps. first_range(): a plan's first range, which starts as
// UTF-8 (the file sniffed as such). add_utf8_cut(): adds a cut with its prime and
// tells `watch`, if the bytes before it are valid UTF-8 (the primes and text blocks of
// SQL, NDJSON and text plans are the decoded text); false when the plan ends there.
SplitPoints first_range();
bool add_utf8_cut(SplitPoints& out, PlanBytes& bytes, std::uint64_t start, std::string prime,
                  const PlanWatcher& watch);

// The same over a block of memory.
inline SplitPoints plan_ranges(std::string_view bytes, char delimiter_hint, int parts) {
  PlanBytes b(bytes);
  return plan_ranges(b, delimiter_hint, parts);
}
inline SplitPoints plan_sql_ranges(std::string_view bytes, int parts) {
  PlanBytes b(bytes);
  return plan_sql_ranges(b, parts);
}
inline SplitPoints plan_ndjson_ranges(std::string_view bytes, int parts) {
  PlanBytes b(bytes);
  return plan_ndjson_ranges(b, parts);
}
inline SplitPoints plan_text_ranges(std::string_view bytes, int parts) {
  PlanBytes b(bytes);
  return plan_text_ranges(b, parts);
}

// What the ranges of a CSV/TSV file after the first need of its start: the delimiter
// (`delimiter_hint` as for plan_ranges), where the text starts (after a byte-order
// mark), where the first record ends (just past its '\n') and that record decoded (the
// prime). None when the first line is longer than 16 KiB or the first record than 64
// KiB (the tokenizer might decide otherwise than the planner).
struct CsvHead {
  char delimiter = ',';
  std::size_t begin = 0;
  std::uint64_t first_end = 0;
  std::string prime;
};
std::optional<CsvHead> csv_head(PlanBytes& bytes, char delimiter_hint);

// A new MemberPart::split id (unique in the process).
std::uint64_t next_split_id();

// Whether files of this format are split (CSV, TSV, SQL, NDJSON, text).
bool splits_format(Format format);
// How many ranges a file of this format is cut into per worker thread: 4 for CSV, TSV
// and text, 2 for SQL dumps and NDJSON, whose planners cost more.
int ranges_per_thread(Format format);

struct SplitFile {
  SplitFile() = default;
  ~SplitFile();
  SplitFile(const SplitFile&) = delete;
  SplitFile& operator=(const SplitFile&) = delete;
  std::string path;  // as reported
  Format format = Format::kCsv;
  std::uint64_t id = 0;  // MemberPart::split
  int fd = -1;           // owned; ranges are read with pread(2)
  std::uint64_t size = 0;
  // Holds on the file: one per range queued and not yet read, and the planner's own
  // while it plans. The last end_hold() marks the file done in the progress.
  std::atomic<int> holds{1};
};

// One range of a split file, as the planner queued it.
struct RangeWork {
  std::shared_ptr<SplitFile> file;
  std::uint32_t index = 0;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  Encoding encoding = Encoding::kUtf8;
  std::string prime;        // MemberPart::prime
  std::uint32_t count = 0;  // the file's number of ranges on its last range; 0 on the others
};

// The workers' shared list of work: whole files (largest first) and ranges of split
// files, which go first so that a split file finishes early.
class WorkQueue {
 public:
  explicit WorkQueue(const std::vector<FileEntry>& files) : files_(files) {}
  // The next work item: a range (*range set) or a file (*file set). Waits while nothing
  // is left but a split is being planned; false when everything was handed out.
  bool take(const FileEntry** file, RangeWork* range);
  // Queues a range of a file being planned (and wakes a worker waiting for one).
  void add_range(RangeWork range);
  // Ends the planning of a file taken with FileEntry::may_split (once per such file,
  // whether it was split or not).
  void planning_done();

 private:
  const std::vector<FileEntry>& files_;
  std::size_t next_file_ = 0;
  std::deque<RangeWork> ranges_;
  int planning_ = 0;  // files taken with may_split whose planning has not ended
  std::mutex mu_;
  std::condition_variable cv_;
};

// Whether a file of this size may be split (read_inputs counts workers with it):
// threads > 1, size >= split_min_bytes, and its first bytes sniff as plain UTF-8 of a
// format that splits_format() accepts.
bool may_split(const std::string& path, std::uint64_t size, const InputOptions& options);

// Plans `fd` (a plain file of a format that splits, sniffed as `format`, UTF-8),
// reading it with pread(2) up to its last cut, and hands each range to `ready` as soon
// as the cut after it is found (in order; the last one, with its count, when planning
// ends). Null when it is not worth or not possible to split: then no range was handed
// out. Otherwise the file, with the planner's hold on it still to end (end_hold).
std::shared_ptr<SplitFile> plan_split(int fd, std::uint64_t size, const std::string& path, Format format,
                                      const InputOptions& options,
                                      const std::function<void(RangeWork)>& ready);

// Ends one hold on `file` (a range read, or the planner's); the last one marks the file
// done in the progress.
void end_hold(ScanShared& shared, SplitFile& file);

// Reads `range` into a buffer of `buffers` (read(2) into the worker's huge-page ring is
// faster than touching a file mapping) and decodes it into a sink opened from
// `shared.factory`, then ends the range's hold on its file. A read error ends the range
// and is reported skipped.
void read_range(ScanShared& shared, const RangeWork& range, LeafTarget& buffers);

}  // namespace bd::scan::input
