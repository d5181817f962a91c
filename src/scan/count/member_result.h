// MemberResult: everything one member sink counted, in a form the Scanner merges
// (scan/count/state.h). Produced by MemberScan (scan/count/member_scan.h).
//
// Plain data; moved from the sink's thread to the merge under the Scanner's lock.
// Distinct keys and person keys are not part of it: the sink streams them to the
// ScanState while it runs (ScanState::add_distinct, add_persons).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scan/count/pass_clock.h"
#include "scan/count/tentative_list.h"
#include "scan/detect/headers.h"
#include "scan/report.h"

namespace bd::scan::count {

// What one member keeps at most (MemberScan, and the combining of a split file's
// ranges in count/parts.h): past these it goes on counting but keeps no more entries.
constexpr std::size_t kMaxTentativeBsns = 64u << 20;  // per column, until its verdict
constexpr std::size_t kMaxDigests = 1u << 20;         // per hashed column, for --reverse-hashes
constexpr std::size_t kMaxSignatures = 4;             // encryption signatures named
constexpr std::size_t kMaxProblems = 8;               // problems listed under skipped

// Values and samples of one category. Distinct keys are not kept here: a sink hands
// them to the ScanState's DistinctCounter in batches (`pending`).
struct CategoryAccumulator {
  std::uint64_t values = 0;
  std::vector<std::uint64_t> pending;  // keys not yet handed to ScanState::add_distinct
  std::vector<std::string> samples;    // already masked (or clear with show_values)
};

struct HashedColumn {
  std::string column;
  std::string kind;  // "bcrypt", "sha256 hex", ...
  std::uint64_t count = 0;
  bool bare = false;               // unsalted digest: reversible by enumeration
  std::uint64_t reversed = 0;      // digests --reverse-hashes recovered
  std::vector<std::string> digests;  // bare digests kept for --reverse-hashes (hex / base64 as found)
  std::uint64_t reversed_bsn = 0;    // of `reversed`: recovered BSNs
  std::uint64_t reversed_phone = 0;  // of `reversed`: recovered mobile numbers
};

struct ColumnResult {
  ColumnReport report;           // verdict decided at finish
  detect::ColumnRole role = detect::ColumnRole::kNone;  // what the header says
  std::uint64_t bsn_valid = 0;   // whole-field values passing the 11-check (role none)
  TentativeList tentative;
  std::array<std::uint64_t, kCategoryCount> values{};
  // Bare digests (hex / base64 MD5, SHA-1, SHA-256) in a column without a password or
  // hash header. They count as no category; the column is reported as hashed only if
  // its values turn out (nearly) all hash-shaped (ScanState::decide_columns).
  std::uint64_t hash_shaped = 0;
  std::vector<HashedColumn> hashes;  // one per digest kind seen
};


struct MemberResult {
  FileReport file;
  // A range of a split file or stream (MemberPart): ScanState combines all `parts`
  // results of one `split` in range order (scan/count/parts.h) before merging them as
  // one member. `parts` is 0 in a stream's range that ended before the stream did.
  std::uint64_t split = 0;
  std::uint32_t part = 0;
  std::uint32_t parts = 1;
  std::array<std::uint64_t, kCategoryCount> file_values{};  // copied into file.values at the end
  std::array<CategoryAccumulator, kCategoryCount> categories;
  std::vector<ColumnResult> columns;
  std::uint64_t bsn_near_miss = 0;
  std::uint64_t records_unidentified = 0;  // records with personal data but no person key
  std::vector<HashedColumn> hashed;
  std::vector<std::string> signatures;  // encryption signatures seen in the text
  std::vector<std::string> problems;    // tokenizer problems (for the skipped list)
  PassClock input;     // waiting for chunks: reading, decompressing, decoding
  PassClock analysis;  // in on_chunk/on_end: tokenising, digit + dictionary passes, counting
};

}  // namespace bd::scan::count
