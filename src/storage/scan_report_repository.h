// ScanReportRepository: the scan reports attached to breaches
// (migrations/0200_scan_reports.sql). Stores the report JSON as given and its headline
// figures; storage does not parse or judge reports (service/scan_report_service.h
// checks them first). The uploader's e-mail and the report JSON pass through the
// FieldCipher (PersonalField::kOther): the report holds masked samples, file paths
// and column names, which may still say something about people.
//
// Tenant scoping: every call takes the organisation id; a report or breach of another
// organisation is kNotFound, never another tenant's row.
//
// Ownership: holds a reference to the Database, which must outlive it; cheap to
// construct per call. Thread-safety: safe from any thread (each call leases a pooled
// connection, or joins the calling thread's transaction). Failure: driver errors as in
// database.h; kNotFound as above; kInvalidInput for a record without its keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"

namespace bd::storage {

class Database;

struct ScanReportRecord {
  std::string id;               // application-generated; assigned by create() when empty
  std::string organisation_id;
  std::string breach_id;
  std::string label;            // file name or label shown on the breach page
  std::string uploaded_by;      // user id; empty for the operator at the command line
  std::string uploaded_by_email;  // personal data
  TimePoint uploaded_at{};
  std::int64_t report_bytes = 0;  // size of report_json
  std::int64_t records = 0;
  std::int64_t records_with_personal_data = 0;
  std::int64_t persons_distinct = 0;
  std::int64_t records_unidentified = 0;
  std::vector<std::string> categories;  // category keys found ("bsn", "email", …)
  bool encrypted = false;
  std::string report_json;      // filled by create() input and get(); empty in list()
};

class ScanReportRepository {
 public:
  explicit ScanReportRepository(Database& db) : db_(db) {}

  // Stores a report of breach `record.breach_id` in `record.organisation_id` and
  // returns it with its id. kNotFound (nothing written) when that organisation has no
  // such breach.
  Result<ScanReportRecord> create(ScanReportRecord record);

  // The breach's reports, newest first, without report_json. Empty when there are none
  // (also for an unknown breach: the caller checks the breach first).
  Result<std::vector<ScanReportRecord>> list(std::string_view organisation_id, std::string_view breach_id);

  // One report with its JSON; kNotFound when it is not a report of that breach of
  // that organisation.
  Result<ScanReportRecord> get(std::string_view organisation_id, std::string_view breach_id,
                               std::string_view id);

  // How many reports the breach has.
  Result<std::int64_t> count(std::string_view organisation_id, std::string_view breach_id);

 private:
  Database& db_;
};

}  // namespace bd::storage
