// ZipReader: a fast path for zip files on disk. It reads the central directory itself
// and inflates deflate entries with ISA-L (4x zlib, which libarchive's zip reader
// uses); stored entries are read as they are. Zips with other methods (bzip2, lzma,
// zstd, deflate64), AES or split archives are left to libarchive: open() says so by
// returning nullopt. ZIP64 is supported. Internal to src/scan/input/.
//
// Ownership: borrows the FileSource (must outlive the reader). Not thread-safe.
// Failure: a corrupt directory makes open() return nullopt (libarchive then reports
// the error); a corrupt or truncated entry ends that entry's stream with an Error.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scan/input/byte_source.h"
#include "scan/input/decompress.h"

namespace bd::scan::input {

struct ZipEntry {
  std::string name;
  std::uint64_t compressed = 0;
  std::uint64_t size = 0;
  std::uint64_t local_offset = 0;
  std::uint16_t method = 0;
  bool encrypted = false;
  bool directory = false;
};

class ZipReader {
 public:
  static std::optional<ZipReader> open(FileSource& file);
  // The same entries, read through another FileSource of the same file (another
  // thread's descriptor): the directory is not read again. `file` must outlive it.
  ZipReader through(FileSource& file) const {
    ZipReader r(*this);
    r.file_ = &file;
    return r;
  }
  const std::vector<ZipEntry>& entries() const { return entries_; }
  // A stream of the entry's decompressed bytes (valid until the next call).
  Result<std::unique_ptr<ByteSource>> entry_data(const ZipEntry& entry, ExpansionGuard guard);

 private:
  explicit ZipReader(FileSource& file) : file_(&file) {}
  bool read_directory();
  FileSource* file_;
  std::vector<ZipEntry> entries_;
};

}  // namespace bd::scan::input
