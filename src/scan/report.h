// ScanReport: what one scan found, as plain data. Built by Scanner::finish()
// (scan/scanner.h), written as text or JSON by scan/report_text.h and
// scan/report_json.h; the JSON schema is documented in docs/scan-report.md.
//
// The report never holds a scanned value in clear unless the scan ran with
// ScanOptions::show_values: samples are masked ("1234*****"). It holds counts, column
// names, member paths and masked samples only, so it is safe to store with a breach.
//
// Plain values; no locking (build it on one thread, then share it read-only).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scan/format.h"

namespace bd::scan {

// The categories of personal data the scanner detects. The JSON keys (to_key) are
// fixed by the scan-report contract.
enum class Category {
  kBsn,
  kIban,
  kPaymentCard,
  kEmail,
  kPhone,
  kAddress,
  kBirthDate,
  kName,
  kIpAddress,
  kIdDocument,
  kPassword,
  kHealth,
};
inline constexpr std::size_t kCategoryCount = 12;
inline constexpr std::array<Category, kCategoryCount> kAllCategories = {
    Category::kBsn,       Category::kIban,      Category::kPaymentCard, Category::kEmail,
    Category::kPhone,     Category::kAddress,   Category::kBirthDate,   Category::kName,
    Category::kIpAddress, Category::kIdDocument, Category::kPassword,   Category::kHealth};

// "bsn", "iban", "payment_card", "email", "phone", "address", "birth_date", "name",
// "ip_address", "id_document", "password", "health".
std::string_view to_key(Category category);
std::optional<Category> category_from_key(std::string_view key);

struct CategoryStats {
  std::uint64_t values = 0;    // every valid occurrence, in every file and member
  std::uint64_t distinct = 0;  // distinct normalised values over the whole scan
  std::vector<std::string> samples;  // up to 3, masked unless show_values
};

// One column of one structured member (CSV/TSV header, SQL column, JSON key).
struct ColumnReport {
  std::string file;        // member path ("a.tar.gz!dump.sql")
  std::string table;       // SQL table name; empty for CSV/JSON
  std::string column;      // header text; "#3" when the member has no header
  std::string verdict;     // category key the column holds, "" when none
  std::string verdict_reason;  // "header", "values", "header+values"
  std::uint64_t non_empty = 0;  // non-empty values seen
  std::uint64_t passed = 0;     // values that validated as `verdict`
  std::uint64_t near_miss = 0;  // e.g. 9-digit values failing the 11-check in a BSN column
  std::map<std::string, std::uint64_t> values;  // category key -> values counted
};

struct FileReport {
  std::string path;
  Format format = Format::kText;
  std::uint64_t bytes = 0;  // decoded bytes scanned
  std::uint64_t records = 0;
  std::uint64_t records_with_personal_data = 0;
  std::map<std::string, std::uint64_t> values;  // category key -> values counted
};

struct SkippedInput {
  std::string path;
  std::string reason;
};

// The answer to form question protection.measures, with the evidence.
struct ProtectionReport {
  bool encrypted = false;         // some member is an encrypted container / ciphertext
  bool hashed = false;            // some column holds password hashes or hashed identifiers
                                  // (by its header, or by its values: >= 95% bare digests)
  bool hashed_reversible = false;  // --reverse-hashes recovered BSNs or phone numbers
  std::uint64_t reversed_values = 0;
  struct Finding {
    std::string path;    // member path
    std::string column;  // empty for whole members
    std::string what;    // "bcrypt", "argon2", "sha256 hex", "PGP message", ...
    std::uint64_t count = 0;
    bool reversible = false;
    std::map<std::string, std::uint64_t> reversed_to;  // "bsn" / "phone" -> values recovered
  };
  std::vector<Finding> findings;
};

// Time spent in one pass. Passes run by every member (read+decode,
// tokenise+detect+count, merge) are summed over the worker threads, so with N threads
// they can add up to N times the scan's wall time.
struct PassTiming {
  PassTiming() = default;
  PassTiming(std::string pass_name, double wall_seconds, double cpu = -1)
      : pass(std::move(pass_name)), seconds(wall_seconds), cpu_seconds(cpu) {}
  std::string pass;         // "read+decode", "tokenise+detect+count", "persons (union-find)", ...
  double seconds = 0;       // wall time
  double cpu_seconds = -1;  // CPU time; negative when not measured
};

// Suggested answers for the AP form (ids of /work/shared/spec/ap-form.md).
struct FormSuggestion {
  std::vector<std::string> data_general;  // option tokens of data.general
  std::vector<std::string> data_special;  // option tokens of data.special
  std::uint64_t data_records = 0;         // data.records
  bool subjects_count_known = false;      // subjects.count_known
  std::uint64_t subjects_count = 0;       // subjects.count (when known)
  std::uint64_t subjects_count_min = 0;   // subjects.count_min
  std::uint64_t subjects_count_max = 0;   // subjects.count_max
  std::vector<std::string> protection_measures;  // protection.measures tokens
};

struct ScanReport {
  std::uint64_t bytes = 0;    // decoded bytes scanned
  std::uint64_t members = 0;  // files and archive members scanned
  std::uint64_t records = 0;
  std::uint64_t records_with_personal_data = 0;
  std::uint64_t persons_distinct = 0;        // identified persons (BSN / e-mail / name+address)
  std::uint64_t records_unidentified = 0;    // records with personal data but no person key
  std::map<Category, CategoryStats> categories;  // only categories with values > 0
  std::uint64_t bsn_near_miss = 0;           // 9-digit values in BSN context failing the 11-check
  std::vector<FileReport> files;
  std::vector<ColumnReport> columns;
  ProtectionReport protection;
  std::vector<SkippedInput> skipped;
  std::vector<PassTiming> timings;
  double seconds = 0;         // wall time of the scan (set by the caller that ran it)
  bool values_shown = false;  // samples are unmasked (--show-values)
  FormSuggestion form;
};

// The form suggestions for a report whose counts and protection are filled in:
// data.general / data.special tokens for the categories found, data.records, the
// subjects count (exact when every record with personal data has a person key, else
// min = persons_distinct and max = persons_distinct + records_unidentified) and
// protection.measures ("encrypted", "hashed" only for salted or non-reversed hashes,
// else "none").
FormSuggestion suggest_form(const ScanReport& report);

}  // namespace bd::scan
