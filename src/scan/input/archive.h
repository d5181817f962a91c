// ArchiveReader: iterates the entries of an archive (zip, tar, 7z, xz, bzip2, rar, ...)
// through libarchive, reading the archive bytes from a ByteSource (streaming) or from
// a FileSource (seekable, which 7z and zip's central directory need). Internal to
// src/scan/input/.
//
// Ownership: owns the libarchive handle (freed by the destructor); borrows the source.
// Not thread-safe. Failure: open/next/entry reads return Errors whose message is a
// short reason without content ("truncated archive", "corrupt archive").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "scan/input/byte_source.h"
#include "scan/input/decompress.h"

struct archive;

namespace bd::scan::input {

struct ArchiveEntry {
  std::string name;
  std::uint64_t size = 0;  // 0 when unknown
  bool regular_file = true;
  bool encrypted = false;
  bool raw = false;        // the "archive" is a single compressed stream (.xz, .bz2)
};

class ArchiveReader {
 public:
  // Streaming: any source. `seekable` (may be null) enables seeking for 7z and zip.
  static Result<std::unique_ptr<ArchiveReader>> open(ByteSource& src, FileSource* seekable,
                                                     ExpansionGuard guard);
  ArchiveReader(ByteSource& src, FileSource* seekable, ExpansionGuard guard);  // use open()
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // The next entry; false at the end of the archive.
  Result<bool> next(ArchiveEntry* entry);
  // Reads the current entry's data (valid until the next call of next()).
  ByteSource& entry_data() { return entry_source_; }

 private:
  class EntrySource final : public ByteSource {
   public:
    explicit EntrySource(ArchiveReader& owner) : owner_(owner) {}
    Result<std::size_t> read(char* dst, std::size_t cap) override;

   private:
    ArchiveReader& owner_;
  };

  static long read_cb(struct archive*, void* self, const void** buf);     // NOLINT(runtime/int)
  static std::int64_t skip_cb(struct archive*, void* self, std::int64_t request);
  static std::int64_t seek_cb(struct archive*, void* self, std::int64_t offset, int whence);
  Error archive_error(const char* fallback) const;

  ByteSource& src_;
  FileSource* seekable_;
  ExpansionGuard guard_;
  struct archive* a_ = nullptr;
  // The compressed bytes handed to libarchive. Not zeroed: a small archive (one inside
  // another, a workbook read twice) touches only the part it reads of its megabyte.
  std::unique_ptr<char[]> buf_;
  std::string read_error_;
  EntrySource entry_source_{*this};
  std::uint64_t raw_seen_ = 0;
};

}  // namespace bd::scan::input
