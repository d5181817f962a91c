// ScanState: the Scanner's merged accumulators. Member sinks hand over their
// MemberResult when they end; merge() decides the member's column verdicts at once (a
// column without a BSN header is a BSN column when >= 95% of at least 10 non-empty
// values pass the 11-check; a column without a password/hash header is a hashed column
// when >= 95% of at least 10 non-empty values are bare digests) and keeps only the
// column reports, so a member's tentative BSNs and digests are freed when it ends, not
// when the scan does. finish() counts persons, reverses hashes when asked, and builds
// the ScanReport.
// Distinct values (a DistinctCounter per category) and the person graph are fed while
// the sinks run, in batches, and spill to temporary files past
// ScanOptions::count_set_bytes (scan/count/distinct.h, persons.h).
//
// Thread-safe: merge(), add_skipped() and add_protected() lock a mutex (called once
// per member, never per value); add_distinct() locks its category's mutex and
// add_persons() the graph's, once per batch. finish() is called once, after all
// members ended. Failure: a temporary file that cannot be written throws
// std::runtime_error (see DistinctCounter).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "scan/count/distinct.h"
#include "scan/count/member_result.h"
#include "scan/count/parts.h"
#include "scan/count/persons.h"
#include "scan/report.h"

namespace bd::scan {
struct ScanOptions;
}

namespace bd::scan::count {

class ScanState {
 public:
  explicit ScanState(const ScanOptions& options);

  void merge(MemberResult&& member);
  // A batch of keys of one category (the sink's CategoryAccumulator::pending).
  void add_distinct(Category category, const std::vector<std::uint64_t>& keys);
  // A batch of person keys and of links between keys of one record.
  void add_persons(const std::vector<std::uint64_t>& keys, const std::vector<PersonLink>& links);
  void add_skipped(const std::string& path, const std::string& reason);
  void add_protected(const std::string& path, const std::string& how);

  ScanReport finish();

 private:
  // A merged member: its file report and the reports of its non-empty columns (their
  // verdicts decided), together, so that a merge moves the member's columns as one
  // vector (a scan of many small files merges thousands, and moving each column into
  // one list cost more than scanning the file) and putting the members in order of
  // path takes their columns along. A column's `file` is set when the report is built.
  struct Member {
    FileReport file;
    std::vector<ColumnReport> columns;
  };

  // Puts files (and their columns), samples and the lists of findings in order of
  // path: members merge in the order their threads finish, and the report must not
  // depend on that.
  void order_by_path();
  // The verdicts of a whole member's columns (under mu_); the reports of its non-empty
  // columns, the rest of each column freed.
  std::vector<ColumnReport> decide_columns(MemberResult& member);
  void decide_column(MemberResult& member, ColumnResult& column);
  // A BSN column by its values: its tentative BSNs count (a sample of them goes to the
  // member's samples, after its own).
  void count_tentative(MemberResult& member, ColumnResult& column);
  // One value found after the scan (a reversed digest), at finish().
  void add_value(Category category, std::uint64_t key, const std::string& sample);
  void build_protection(ScanReport& report);
  void reverse_hashes(ScanReport& report);
  void report_category(ScanReport& report, std::size_t category, std::uint64_t distinct);
  void count_distinct(ScanReport& report);               // the two below, side by side with threads
  void count_categories(ScanReport& report);             // all but the person categories
  void count_persons(ScanReport& report);                // persons, BSN and e-mail

  const ScanOptions& options_;
  std::mutex mu_;
  std::array<CategoryAccumulator, kCategoryCount> categories_;  // samples filled by order_by_path()
  std::array<std::vector<std::pair<std::string, std::string>>, kCategoryCount> samples_;  // path, sample
  std::vector<Member> members_;
  std::array<std::mutex, kCategoryCount> distinct_mu_;
  std::array<std::unique_ptr<DistinctCounter>, kCategoryCount> distinct_;
  std::mutex persons_mu_;
  PersonGraph persons_;
  PartCollector parts_;  // ranges of split files waiting for the rest of their file
  std::vector<std::pair<std::string, HashedColumn>> hashed_;  // member path, column
  std::vector<std::pair<std::string, std::string>> signatures_;
  std::vector<SkippedInput> skipped_;
  std::vector<std::pair<std::string, std::string>> protected_;
  std::uint64_t bsn_near_miss_ = 0;
  std::uint64_t unidentified_ = 0;
  std::uint64_t extra_personal_records_ = 0;
  PassClock input_;     // summed over members (MemberResult::input)
  PassClock analysis_;  // summed over members (MemberResult::analysis)
  PassClock merge_;     // merge() calls, waiting for the lock included
  double verdicts_seconds_ = 0;  // deciding column verdicts, in merge()
};

}  // namespace bd::scan::count
