// ExportService: the breach register as a file — JSON (an array of breaches in the
// JSON contract of json/answers_codec.h), CSV (one row per breach, one column per form id,
// RFC 4180 quoting, cells starting with = + - @ (and tab/CR) prefixed with ' so
// spreadsheets do not run them as formulas) or XLSX (libxlsxwriter, written to a
// private temp file and returned as bytes). Headers in Dutch or English.
//
// Who: everyone who may read the whole register (admin, privacy officer, auditor);
// reporters get kForbidden. The export is audited. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/breach.h"
#include "service/actor.h"
#include "service/breach_service.h"

namespace bd::service {

enum class ExportFormat { kJson, kCsv, kXlsx };

std::optional<ExportFormat> export_format_from_token(std::string_view token);  // json csv xlsx

struct ExportFile {
  std::string content_type;  // application/json, text/csv; charset=utf-8, application/vnd.openxml…
  std::string filename;      // e.g. "datalekregister-2026-11-23.csv"
  std::string bytes;
};

class ExportService {
 public:
  ExportService(BreachService& breaches, const Clock& clock);

  // `locale` "nl" or "en" chooses the header language (empty = the actor's locale).
  Result<ExportFile> export_register(const Actor& actor, ExportFormat format, const RegisterQuery& filter = {},
                                     std::string_view locale = {});

 private:
  BreachService& breaches_;
  const Clock& clock_;
};

// Pure helpers, exposed for unit tests.
// One CSV field: formula-safe and RFC 4180-quoted when needed.
std::string csv_field(std::string_view text);
// The text of a value in a cell: tokens joined by "; ", booleans ja/nee or yes/no.
std::string cell_text(const model::Value& value, std::string_view locale);

}  // namespace bd::service
