// ByteSource: a pull stream of raw bytes (a file, a decompressed stream, an archive
// entry) and the helpers the input layer builds on it. Internal to src/scan/input/.
//
// Ownership: a source never owns the source it reads from (callers nest them on the
// stack, innermost last). Not thread-safe: one thread reads a source at a time.
// Failure: read() returns an Error whose message is a short, content-free reason
// ("truncated gzip stream"); after an error the source must not be read again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace bd::scan::input {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `cap` (> 0) bytes into dst; 0 means the end of the stream.
  virtual Result<std::size_t> read(char* dst, std::size_t cap) = 0;
};

// Reads until `cap` bytes or the end; returns the count (short only at the end).
Result<std::size_t> read_full(ByteSource& src, char* dst, std::size_t cap);
// The same, keeping what came before an error: returns the count read, and sets
// `error` when the source failed (the bytes before it are in dst).
std::size_t read_full_keeping(ByteSource& src, char* dst, std::size_t cap, std::optional<Error>& error);

// A file read with read(2). Owns the descriptor (closed by the destructor).
class FileSource final : public ByteSource {
 public:
  static Result<FileSource> open(const std::string& path);
  FileSource(FileSource&& other) noexcept;
  FileSource& operator=(FileSource&&) = delete;
  FileSource(const FileSource&) = delete;
  ~FileSource() override;
  Result<std::size_t> read(char* dst, std::size_t cap) override;
  std::uint64_t size() const { return size_; }
  // Takes over an open descriptor of a regular file (closed by the destructor).
  static Result<FileSource> adopt(int fd);
  // Repositions (for libarchive's seekable readers: 7z, zip's central directory).
  Result<std::int64_t> seek(std::int64_t offset, int whence);
  std::uint64_t consumed() const { return consumed_; }
  int fd() const { return fd_; }  // still owned by the FileSource

 private:
  FileSource(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::uint64_t consumed_ = 0;
};

// Copies `src` into an unnamed temporary file (created 0600 under $TMPDIR or /tmp and
// unlinked at once, so nothing is left behind even after a crash) and returns it
// positioned at its start, for readers that must seek (a 7z inside another archive).
// kInvalidInput when `src` holds more than `max_bytes`; kUnavailable when the disk
// refuses.
Result<FileSource> spool_to_temp_file(ByteSource& src, std::uint64_t max_bytes);

// Lets the reader look at the first bytes of a stream (to sniff its kind) and then
// read it from the start, without seeking. The peeked bytes are kept in a buffer taken
// from a small per-thread pool and given back once they are read (or with the source):
// a directory of small files peeks at each, and a fresh zeroed buffer per file cost
// page faults that showed. Not thread-safe; a source stays on the thread that made it.
class PeekSource final : public ByteSource {
 public:
  explicit PeekSource(ByteSource& inner) : inner_(inner) {}
  ~PeekSource() override;
  PeekSource(const PeekSource&) = delete;
  PeekSource& operator=(const PeekSource&) = delete;

  // Up to `n` first bytes (fewer if the stream is shorter). Call before any read().
  Result<std::string_view> peek(std::size_t n);
  Result<std::size_t> read(char* dst, std::size_t cap) override;

 private:
  void release();

  ByteSource& inner_;
  std::unique_ptr<char[]> head_;
  std::size_t head_capacity_ = 0;
  std::size_t head_size_ = 0;
  std::optional<Error> deferred_;  // the inner source's error after the peeked bytes
  std::size_t head_pos_ = 0;
};

// A fixed block of memory as a source (fuzzers, tests, XLSX parts).
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  Result<std::size_t> read(char* dst, std::size_t cap) override;

 private:
  std::string_view bytes_;
};

// Text put before a stream (a pg_dump data file's COPY statement): `prefix` first, then
// what `rest` yields. Owns neither.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string_view prefix, ByteSource& rest) : prefix_(prefix), rest_(rest) {}
  Result<std::size_t> read(char* dst, std::size_t cap) override;

 private:
  MemorySource prefix_;
  ByteSource& rest_;
  bool prefix_done_ = false;
};

}  // namespace bd::scan::input
