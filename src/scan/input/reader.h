// MemberReader: reads one top-level file to its leaves. It sniffs every stream,
// unwraps gzip/zstd, walks archives (nested), reports protected and skipped members to
// the SinkFactory, and pumps each leaf member's bytes through the buffer ring into a
// LeafTarget. Internal to src/scan/input/.
//
// ScanShared holds what all workers share for one read_inputs() call.
//
// Threads: one MemberReader per worker thread; ScanShared and ProgressTracker are
// thread-safe. A worker with a pool of lanes (LeafTarget::lanes() >= 2) reads the
// entries of a zip file on disk on that many threads of its own, each with its own
// MemberReader, and joins them before it returns. Failure: never returns an error; every problem with a file or member
// becomes an on_skipped()/on_protected() call, and reading goes on.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "scan/input/byte_source.h"
#include "scan/input/input.h"
#include "scan/input/leaf.h"
#include "scan/input/pg_custom.h"
#include "scan/input/sniff.h"
#include "scan/input/split.h"
#include "scan/input/xlsx.h"

namespace bd::scan::input {

class ProgressTracker {
 public:
  explicit ProgressTracker(ProgressObserver* observer) : observer_(observer) {}
  void add_total(std::uint64_t bytes) {
    bytes_total_ += bytes;
    ++files_total_;
  }
  void add_read(std::uint64_t n) { bytes_read_.fetch_add(n, std::memory_order_relaxed); }
  void add_decoded(std::uint64_t n) { bytes_decoded_.fetch_add(n, std::memory_order_relaxed); }
  void add_member() { members_.fetch_add(1, std::memory_order_relaxed); }
  void file_done() { files_done_.fetch_add(1, std::memory_order_relaxed); }
  void report(bool force);  // calls the observer at most every 50 ms unless forced

 private:
  ProgressObserver* observer_;
  std::uint64_t bytes_total_ = 0;
  std::uint64_t files_total_ = 0;
  std::atomic<std::uint64_t> bytes_read_{0}, bytes_decoded_{0}, members_{0}, files_done_{0};
  std::mutex mu_;
  std::chrono::steady_clock::time_point last_{};
};

struct ScanShared {
  ScanShared(const InputOptions& o, SinkFactory& f, ProgressObserver* p) : options(o), factory(f), progress(p) {}
  const InputOptions& options;
  SinkFactory& factory;
  ProgressTracker progress;
  std::atomic<std::uint64_t> total_expanded{0};
  WorkQueue* queue = nullptr;  // where the ranges of a split file go (null: never split)
  // The toc.dat of each directory that holds pg_dump data files (-Fd), read once by
  // the first thread that needs it; null where a directory has none.
  std::shared_ptr<const PgDataFiles> pg_data_files(const std::string& directory);

 private:
  std::mutex pg_mu_;
  std::map<std::string, std::shared_ptr<const PgDataFiles>> pg_tocs_;
};

class ZipReader;
struct ZipEntry;
struct ArchiveExpansion;

class MemberReader {
 public:
  MemberReader(ScanShared& shared, LeafTarget& target) : shared_(shared), target_(target) {}
  // `display` is the path as reported (relative as given by the user). `may_split`:
  // read_inputs found it a candidate for splitting (WorkQueue::planning_done is due).
  void read_file(const std::string& fs_path, const std::string& display, std::uint64_t size,
                 bool may_split = false);
  // Reads an in-memory blob as if it were a file named `display` (fuzzing, tests).
  void read_memory(std::string_view bytes, const std::string& display);

 private:
  void read_stream(ByteSource& src, FileSource* file, const std::string& path, const std::string& name,
                   int depth);
  void read_decompressed(PeekSource& src, Container kind, const std::string& path, const std::string& name,
                         int depth);
  void read_archive(ByteSource& src, FileSource* file, const std::string& path, int depth);
  void read_spooled(PeekSource& src, const std::string& path, const std::string& name, int depth);
  // `depth`: the document's nesting (what is embedded in it is one deeper).
  void read_workbook(PeekSource& src, FileSource* file, const std::string& path, Container kind, int depth);
  void read_database(PeekSource& src, FileSource* file, const std::string& path);
  void read_pg_dump(PeekSource& src, const std::string& path, const std::string& name, int depth);
  void read_mailbox(PeekSource& src, const std::string& path, bool mbox, int depth);
  void read_toc_entry(ByteSource& src, const std::string& path, const std::string& name, int depth);
  // Callbacks that hand each sheet, table or document part on as a member of `format`.
  SheetCallbacks members(Format format);
  bool read_zip_fast(FileSource& file, const std::string& path, int depth);
  void read_zip_side_by_side(const ZipReader& zip, const std::string& path, int threads);
  Status read_zip_entry(ZipReader& zip, const ZipEntry& entry, const std::string& path, int depth,
                        ArchiveExpansion& whole);
  void emit_copy(std::string_view bytes);
  void read_leaf(ByteSource& src, const std::string& path, const Sniff& sniff, std::uint64_t size_hint);
  bool read_split(FileSource& file, const std::string& path, const Sniff& sniff);
  void end_planning();
  void skipped(const std::string& path, const std::string& reason);
  void update_read();

  ScanShared& shared_;
  LeafTarget& target_;
  FileSource* top_file_ = nullptr;
  const std::string* top_path_ = nullptr;  // top_file_'s path on disk, while it is read
  std::uint64_t top_reported_ = 0;
  bool planning_ = false;  // the file being read was taken as a split candidate
  bool split_ = false;     // ... and was split: its ranges report their own progress
  // While the data files of a pg_dump tar or directory are read: their TOC, which
  // turns each into the SQL of a plain dump (pg_custom.h).
  std::shared_ptr<const PgDataFiles> pg_files_;
};

}  // namespace bd::scan::input
