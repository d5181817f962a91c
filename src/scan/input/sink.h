// The seam between the scanner's input side (scanio: files, archives, decompression,
// encodings) and its analysis side (scancore: tokenisers, detectors, counting).
//
// The input layer finds every member (a file, or an entry of an archive, nested to any
// allowed depth), decodes it to UTF-8 and streams it, in chunks of arbitrary size and
// boundaries, into one MemberSink per member, created by the caller's SinkFactory.
//
// Ownership: the input layer owns each MemberSink it opens and destroys it right after
// on_end(). Chunks are only valid during the on_chunk() call (they point into a reused
// buffer of the input layer's ring).
//
// Threads: SinkFactory is shared by all worker threads and must be thread-safe. A
// MemberSink is used by exactly one thread, the one that called open(), from open()
// to on_end(); it needs no locking of its own.
//
// Failure: the input layer never throws into the sink. When a member cannot be read
// to its end (truncated archive, limit reached), the sink still gets on_end() for
// what it received, and the factory gets on_skipped() with the reason.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "scan/format.h"

namespace bd::scan {

// One byte range of a large plain CSV/TSV file, SQL dump, NDJSON file or log that the
// input layer split across its threads (scan/input/split.h), or of a decompressed
// stream or archive member of those formats that it cut as it read it (scan/input/
// stream_split.h). Every range is a member of its own, with the file's path; the
// analysis side combines the results of all ranges of one `split`, in range order,
// into the one result the unsplit member gives.
struct MemberPart {
  std::uint64_t split = 0;  // which split file or stream (unique in the process); 0: not split
  std::uint32_t index = 0;  // the range's place in the file, 0 first
  // Ranges of the file. A split file's are queued while it is planned: only its last
  // range knows their number, the others say 0; a stream's all say 0 (see stream_count).
  std::uint32_t count = 1;
  // A stream's ranges are begun before its end is known: the input layer sets this to
  // the number of ranges when the stream has ended, before the last range's on_end().
  std::shared_ptr<const std::atomic<std::uint32_t>> stream_count;
  // For index > 0: text that puts the tokenizer where the whole file's stood at the
  // range's start. CSV/TSV: the file's first record (header row or first data row),
  // decoded as the first range decoded it, so that the delimiter and the header are
  // decided as the first range's were. SQL: statements declaring the tables and
  // columns seen before, the schemas, and the COPY head when the range starts in COPY
  // data (scan/tokenize/sql_resume.h). NDJSON: lines declaring the keys seen before
  // and repeating the once-per-file problems already reported (scan/tokenize/
  // json_resume.h). Text: empty. A sink feeds `prime` to its tokenizer first and
  // counts and reports nothing of it.
  std::string prime;
};

struct MemberInfo {
  MemberInfo() = default;
  MemberInfo(std::string p, std::uint64_t size, Format f, std::string enc)
      : path(std::move(p)), size_hint(size), format(f), encoding(std::move(enc)) {}

  std::string path;            // "a.tar.gz!dump.sql": archive nesting joined with '!'
  std::uint64_t size_hint = 0;  // decoded size if known in advance, else 0
  Format format = Format::kText;
  std::string encoding;        // source encoding: "utf-8", "utf-16le", "utf-16be", "windows-1252"
                               // (may switch from utf-8 to windows-1252 mid-member; see input.h)
  MemberPart part;             // a range of a split file (default: the whole member)
};

class MemberSink {
 public:
  virtual ~MemberSink() = default;
  // Decoded UTF-8 (raw bytes for Format::kBinary). Chunk boundaries are arbitrary (a
  // line, a field or a token may span chunks) but never split a UTF-8 character.
  // Never called with an empty chunk.
  virtual void on_chunk(std::string_view utf8) = 0;
  // The member ended (completely, or as far as it could be read).
  virtual void on_end() = 0;
};

class SinkFactory {
 public:
  virtual ~SinkFactory() = default;
  // Called on the worker thread that will feed the returned sink. May return nullptr
  // to say "not interested": the member is then not decoded further.
  virtual std::unique_ptr<MemberSink> open(const MemberInfo& info) = 0;
  // A file or member that was not read (or not read to its end), and why. The reason is
  // English, short, and holds no content of the member.
  virtual void on_skipped(const std::string& path, const std::string& reason) = 0;
  // A member that is protected: an encrypted archive entry, a PGP/age/OpenSSL container,
  // or high-entropy bytes. `how` says which ("zip encryption", "PGP message", ...).
  virtual void on_protected(const std::string& path, const std::string& how) = 0;
};

}  // namespace bd::scan
