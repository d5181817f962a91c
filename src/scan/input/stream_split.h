// StreamCutter: where a member that is read as a stream (a compressed file, an archive
// entry, a plain file below the split threshold) may be cut into ranges while it is
// read, so that the ranges are scanned on several threads (the lanes of a PoolTarget,
// leaf.h). Internal to src/scan/input/.
//
// The ranges and their primes are those of a split file (split.h), found in one pass
// over the stream as it arrives instead of over a file before it is read:
//   CSV/TSV  the CSV tokenizer's quoting rules, followed from quote to quote; a cut is
//            a line start outside quotes; the prime is the member's first record.
//   SQL      the SQL tokenizer itself reads the stream (tokenize/sql_resume.h); a cut
//            is a line start between statements or in COPY data.
//   NDJSON   the JSON tokenizer reads it (tokenize/json_resume.h); a cut is a line
//            start outside any value.
// Free text is not cut (its blocks look up to 1 MiB ahead), nor JSON documents. Cuts
// are only made while everything before them is valid UTF-8: the ranges then start as
// UTF-8, as the whole member's decoder would stand there.
//
// Not thread-safe (the reading thread owns it). Never fails: a stream it cannot follow
// (first CSV record too long, a SQL schema too long for a prime, invalid UTF-8) is
// simply not cut any further.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "scan/format.h"
#include "scan/input/input.h"
#include "scan/input/leaf.h"

namespace bd::scan::input {

class StreamCutter {
 public:
  static constexpr std::size_t kNoCut = static_cast<std::size_t>(-1);

  // A cutter for a stream of this format that sniffed as UTF-8; null when the format
  // is not cut.
  static std::unique_ptr<StreamCutter> make(Format format);
  virtual ~StreamCutter() = default;

  // The stream's next bytes. With `want_cut`, stops at the first place in `bytes` where
  // a range may start and returns its offset (bytes before it are read; the caller
  // passes the rest in the next call); otherwise, or when there is none, reads all of
  // `bytes` and returns kNoCut.
  std::size_t read(std::string_view bytes, bool want_cut);
  // The prime of a range that starts where read() stopped; none when there is none
  // (the stream is then not cut any further).
  virtual std::optional<std::string> prime() const = 0;
  // False once the stream cannot be cut any more.
  bool usable() const { return usable_; }

 protected:
  virtual std::size_t follow(std::string_view bytes, bool want_cut) = 0;
  void give_up() { usable_ = false; }

 private:
  void check_utf8(std::string_view bytes);

  bool usable_ = true;
  std::string carry_;  // a character cut at the end of the last bytes read
};

// Feeds one member's buffers to a LeafTarget, cut into ranges (members of their own,
// MemberPart) where a StreamCutter allows, when the target has two lanes or more to
// scan them on: a range is begun on the least busy lane once the one before holds at
// least half of InputOptions::split_min_bytes. A buffer that a cut falls in is copied
// from the cut on into a fresh buffer of the target's ring. The ranges' count is set
// (MemberPart::stream_count) before the last one ends.
//
// Not thread-safe (the reading thread owns it). Never fails.
class RangeFeeder {
 public:
  // Begins the member (its first range).
  RangeFeeder(LeafTarget& target, const MemberInfo& info, Encoding encoding, const InputOptions& options);
  // `n` bytes of the member in `buffer` (taken, as by LeafTarget::chunk).
  void chunk(int buffer, std::size_t n);
  // Ends the member (its last range).
  void end();

 private:
  std::string_view bytes(int buffer, std::size_t from, std::size_t n) {
    return {target_.data(buffer) + from, n};
  }
  // Ends the current range before `cut` bytes of `*buffer` and begins the next one
  // with the rest (left in *buffer, *n). False when the next range has no prime.
  bool cut(int* buffer, std::size_t* n, std::size_t cut);

  LeafTarget& target_;
  MemberInfo info_;
  std::unique_ptr<StreamCutter> cutter_;
  std::shared_ptr<std::atomic<std::uint32_t>> count_;  // null: the member is not cut
  std::uint64_t range_bytes_ = 0;                      // a range's size before a cut is looked for
  std::uint64_t in_range_ = 0;                         // bytes of the current range so far
};

}  // namespace bd::scan::input
