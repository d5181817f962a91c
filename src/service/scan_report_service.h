// ScanReportService: scan reports attached to a breach, and taking over their
// suggested answers. A privacy officer runs `breachdesk scan --format json` on the
// leaked files (docs/scan-report.md) and uploads the report — never the data — to the
// breach; the breach page then offers the report's `form` suggestions next to the
// current answers, and the officer takes over the ones they choose in one edit.
//
// Rules enforced here:
//  - access follows BreachService: the breach must be readable by the actor (another
//    organisation's breach is kNotFound; reporters only their own); attaching and
//    applying need can_edit (admin, privacy officer), else kForbidden; auditors read;
//  - a report must be a breachdesk scan report (schema breachdesk.scan-report/1, read
//    by scan::report_from_json), at most kMaxReportBytes, and made without
//    --show-values: a report with unmasked samples is refused rather than stripped, so
//    leaked values never reach the server and the stored report is the one the officer
//    made. What is stored is the report's known members re-serialised, its lists of
//    files, columns and skipped inputs cut to their first kMaxListed entries (with an
//    "omitted" member counting the rest); anything else a client adds is dropped;
//  - applying goes through BreachService::update: the expected version must be the
//    current one (else kConflict, nothing written), and the edit becomes a revision
//    with the note "Antwoorden overgenomen uit scanrapport …".
// Failure: kInvalidInput with a Dutch message naming the problem (nothing written).
// Thread-safe (state lives in the database).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/breach.h"
#include "scan/report.h"
#include "service/actor.h"
#include "service/breach_service.h"
#include "service/scan_suggestions.h"
#include "storage/scan_report_repository.h"

namespace bd::service {

// A report lists every file and column it scanned: a mailbox or a file share of a few
// thousand files gives megabytes. Up to kMaxReportBytes are taken; what is stored keeps
// the first kMaxListed entries of each list and says how many it left out ("omitted").
inline constexpr std::size_t kMaxReportBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxListed = 1000;
inline constexpr std::int64_t kMaxReportsPerBreach = 50;

struct ScanReportUpload {
  std::string label;  // file name or label; "Scanrapport" when empty; a path is cut to its last part
  std::string json;   // the report as `breachdesk scan --format json` wrote it
};

using ScanReportRecord = storage::ScanReportRecord;

struct ScanReportDetail {
  ScanReportRecord record;                  // with report_json
  scan::ScanReport report;                  // as scan::report_from_json reads it
  std::vector<ScanSuggestion> suggestions;  // against the breach's current answers
  std::int64_t breach_version = 0;          // the version the suggestions were computed on
};

struct ApplyScanAnswers {
  std::int64_t expected_version = 0;  // the breach version the officer saw
  std::vector<std::string> ids;       // chosen choice ids (kScanChoiceIds), at least one
};

class ScanReportService {
 public:
  // `breaches` must outlive this service (Services owns both).
  ScanReportService(storage::Database& db, const Clock& clock, BreachService& breaches);

  Result<ScanReportRecord> attach(const Actor& actor, std::string_view breach_id, const ScanReportUpload& upload);
  // Newest first, without the JSON.
  Result<std::vector<ScanReportRecord>> list(const Actor& actor, std::string_view breach_id);
  Result<ScanReportDetail> get(const Actor& actor, std::string_view breach_id, std::string_view report_id);
  // Applies the chosen suggestions as one breach edit; returns the saved breach.
  Result<model::Breach> apply(const Actor& actor, std::string_view breach_id, std::string_view report_id,
                              const ApplyScanAnswers& choice);

 private:
  storage::Database& db_;
  const Clock& clock_;
  BreachService& breaches_;
};

// The checks of attach() without storing: the report as it would be kept (known
// members, re-serialised) and parsed. Exposed for the CLI's --attach and for tests.
struct CheckedReport {
  std::string json;
  scan::ScanReport report;
};
Result<CheckedReport> check_scan_report(std::string_view json);

}  // namespace bd::service
