// Truth: what a generated corpus holds, counted the way the scan report counts
// (docs/scan-report.md): records, records with personal data, per category every
// valid occurrence (values) and the distinct normalised values, and the distinct
// persons (records sharing a BSN or an e-mail are one person, transitively; records
// with neither fall back to name + postcode + house number; a BSN or e-mail in free
// text is a person unless a record joins it).
//
// Not thread-safe. Never fails. to_json() writes the truth file bench/scan and the
// accuracy tests compare the scanner against.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace bd::gen {

// What one record (row, tuple, JSON object) identifies a person by; empty = absent.
struct PersonKeys {
  std::string bsn;    // valid BSN, 9 digits
  std::string email;  // lower-case
  std::string name_address;  // "name|postcode|house", used when both above are empty
};

struct FileTruth {
  std::uint64_t records = 0;
  std::uint64_t records_with_personal_data = 0;
  std::map<std::string, std::uint64_t> values;  // category key -> values
};

class Truth {
 public:
  // One valid occurrence of a category value in `file`.
  void value(const std::string& file, const std::string& category, const std::string& normalised);
  // One record in `file`; keys are empty for a record that is no person.
  void record(const std::string& file, bool personal_data, const PersonKeys& keys);
  // A BSN or e-mail seen outside any record (free text): a person of its own unless a
  // record carries the same key (the scanner's rule, docs/scan-report.md).
  void free_text_key(const std::string& kind, const std::string& key);
  // An occurrence that must NOT be counted (a trap), for the report.
  void trap(const std::string& kind) { ++traps_[kind]; }
  // `copy` holds the same bytes as `original` (an archive member): counts again.
  void copy(const std::string& original, const std::string& copy);

  std::uint64_t records() const;
  std::uint64_t records_with_personal_data() const;
  std::uint64_t values(const std::string& category) const;
  std::uint64_t distinct(const std::string& category) const;
  std::uint64_t persons_distinct() const;
  const std::map<std::string, FileTruth>& files() const { return files_; }
  std::string to_json(std::uint64_t seed) const;

 private:
  std::size_t find(std::size_t x) const;
  std::size_t key_node(const std::string& key);

  std::map<std::string, FileTruth> files_;
  // Hashes, not values: a 200 MB corpus has millions of them (64-bit collisions are
  // negligible at that size).
  std::map<std::string, std::unordered_set<std::uint64_t>> distinct_;
  std::map<std::string, std::uint64_t> traps_;
  std::unordered_map<std::uint64_t, std::size_t> nodes_;  // person key -> union-find node
  mutable std::vector<std::size_t> parent_;
  std::vector<bool> is_record_;
};

}  // namespace bd::gen
