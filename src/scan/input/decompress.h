// Streaming decompressors as ByteSources: gzip (ISA-L igzip, multi-member aware) and
// zstd (libzstd), each guarded against decompression bombs. Internal to
// src/scan/input/.
//
// Ownership: each source owns its decoder state and an input buffer, and reads
// compressed bytes from a ByteSource it does not own. Not thread-safe.
// Failure: corrupt or truncated input, and a limit reached, end the stream with an
// Error whose message is the reason ("truncated gzip stream", "expansion ratio above
// 250:1 (zip bomb?)"); bytes delivered before that were valid output.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "scan/input/byte_source.h"
#include "scan/input/input.h"

namespace bd::scan::input {

// The compressed and expanded bytes of all entries of one archive read so far. Kept
// by the reader of that archive, shared by its entries' guards, so that many entries
// each below the per-stream grace cannot add up to a bomb. Atomic: the entries of a
// zip on disk may be read by several threads at once (MemberReader::
// read_zip_side_by_side).
struct ArchiveExpansion {
  std::atomic<std::uint64_t> in{0};
  std::atomic<std::uint64_t> out{0};
};

// The ratio check: kInvalidInput naming the limit when `out` expanded bytes from `in`
// compressed ones exceed it past the grace size.
Status check_expansion(const InputLimits& limits, std::uint64_t in, std::uint64_t out, const char* what);

// Counts compressed input against decompressed output and enforces InputLimits: the
// per-stream ratio (after a grace size), the same ratio over the whole archive when
// the stream is an archive entry, and the scan-wide total of expanded bytes.
class ExpansionGuard {
 public:
  ExpansionGuard(const InputLimits& limits, std::atomic<std::uint64_t>* total_expanded,
                 ArchiveExpansion* archive = nullptr)
      : limits_(limits), total_(total_expanded), archive_(archive) {}
  void add_input(std::uint64_t n) {
    in_ += n;
    if (archive_ != nullptr) archive_->in += n;
  }
  Status add_output(std::uint64_t n);

 private:
  const InputLimits& limits_;
  std::atomic<std::uint64_t>* total_;
  ArchiveExpansion* archive_;  // not owned; null for a stream that is no archive entry
  std::uint64_t in_ = 0;
  std::uint64_t out_ = 0;
};

// gzip streams (members one after the other, as concatenated .gz files are) or, with
// Framing::kZlib, one zlib stream (RFC 1950: what pg_dump writes per table).
class GzipSource final : public ByteSource {
 public:
  enum class Framing { kGzip, kZlib };
  GzipSource(ByteSource& compressed, ExpansionGuard guard, Framing framing = Framing::kGzip);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  Result<std::size_t> read(char* dst, std::size_t cap) override;

 private:
  struct State;
  Result<bool> refill();
  const char* truncated() const;
  ByteSource& in_;
  ExpansionGuard guard_;
  std::unique_ptr<State> state_;
  std::vector<unsigned char> buf_;
  Framing framing_;
  bool input_eof_ = false;
  bool done_ = false;
};

class ZstdSource final : public ByteSource {
 public:
  ZstdSource(ByteSource& compressed, ExpansionGuard guard);
  ~ZstdSource() override;
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;
  Result<std::size_t> read(char* dst, std::size_t cap) override;

 private:
  struct State;
  ByteSource& in_;
  ExpansionGuard guard_;
  std::unique_ptr<State> state_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  bool input_eof_ = false;
  bool frame_open_ = false;
};

}  // namespace bd::scan::input
