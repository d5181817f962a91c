// PostgreSQL's archive formats read as the SQL text a plain dump of the same data
// holds: PgCustomSource for a custom-format archive (pg_dump -Fc, the usual format of
// a database backup), PgDataFiles for the data files of a tar (-Ft) or directory
// (-Fd) format dump, named by its toc.dat. Internal to src/scan/input/.
//
// A custom-format archive is a header, a table of contents (TOC) and then one data
// block per table, in a stream that is read front to back, never seeking. The source
// yields the CREATE TABLE statements of the TOC, then for each block of table data the
// table's COPY statement ("COPY public.klant (id, naam, bsn) FROM stdin;") and the
// block's rows (COPY text format, ending with the "\." line), decompressed; a table
// dumped with --inserts yields its INSERT statements as they are (the CREATE TABLE
// names their columns). Schema, comments and the like yield nothing more: they hold
// no rows. Large objects (BLOBS blocks) are binary and not read;
// large_objects() counts them so the caller can say so.
//
// Formats: archive versions 1.12 (PostgreSQL 9.0) to 1.16 (PostgreSQL 17 and 18),
// uncompressed, gzip (a zlib stream per table, ISA-L) or zstd. LZ4 (pg_dump -Z lz4)
// is reported as not read: no LZ4 decoder is linked.
//
// Ownership: PgCustomSource reads from a ByteSource it does not own; not thread-safe.
// Failure: read() returns an Error naming what is wrong ("damaged pg_dump archive
// (table of contents)", "truncated pg_dump archive", "pg_dump archive compressed with
// LZ4: not read"); the text delivered before it was valid. Decompression is bounded
// by the InputLimits as any compressed stream.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "scan/input/byte_source.h"
#include "scan/input/input.h"

namespace bd::scan::input {

// Whether `head` (a stream's first bytes) is a custom-format archive: the "PGDMP"
// magic with format byte 1. The tar and directory formats' toc.dat shares the magic
// with another format byte; it holds no rows.
bool is_pg_custom_archive(std::string_view head);
bool is_pg_archive_toc(std::string_view head);

class PgCustomSource final : public ByteSource {
 public:
  PgCustomSource(ByteSource& archive, const InputLimits& limits, std::atomic<std::uint64_t>* total_expanded);
  ~PgCustomSource() override;
  PgCustomSource(const PgCustomSource&) = delete;
  PgCustomSource& operator=(const PgCustomSource&) = delete;

  Result<std::size_t> read(char* dst, std::size_t cap) override;

  // Large objects passed over so far (all of them once read() returned 0).
  std::uint64_t large_objects() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The data files of a tar (pg_dump -Ft) or directory (-Fd) format dump, as its
// toc.dat names them: per file ("3342.dat", also when stored as "3342.dat.gz") the SQL
// that goes before its rows to make them a plain dump's: the table's CREATE TABLE and
// its COPY statement (none for --inserts data, whose INSERT statements need only the
// CREATE TABLE). Immutable once read: shared by the threads that read the files.
class PgDataFiles {
 public:
  // Reads a toc.dat (is_pg_archive_toc). Failure: as PgCustomSource.
  static Result<PgDataFiles> read(ByteSource& toc);
  // The SQL for the data file `name` (its base name, compression suffix stripped), or
  // null when the TOC names no such file.
  const std::string* prefix(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::string> prefix_;
};

}  // namespace bd::scan::input
