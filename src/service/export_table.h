// Internal to the export: the register as a table of text cells (one header row, one
// row per breach, one column per register field and form id), and the XLSX writer.
// Pure except write_xlsx, which uses a private temp file. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/breach.h"

namespace bd::service {

using Table = std::vector<std::vector<std::string>>;

// Header row in `locale` ("nl"/"en") and one row per breach.
Table register_table(const std::vector<model::Breach>& breaches, std::string_view locale);

// CSV text of the table: CRLF line ends (RFC 4180), formula-safe cells, UTF-8 BOM so
// spreadsheet programs read the accents right.
std::string table_to_csv(const Table& table);

// The .xlsx bytes of the table (one sheet, header row frozen, cells written as
// strings so nothing is evaluated). kInternal when libxlsxwriter or the temp file fails.
Result<std::string> table_to_xlsx(const Table& table, std::string_view sheet_name);

}  // namespace bd::service
