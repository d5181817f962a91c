// `breachdesk scan PATH... [--format text|json] [--threads N] [--stats] [--show-values]
// [--reverse-hashes] [--attach BREACH_REF --org ORG]`: the scope scanner on files,
// directories and archives. Prints the report (scan/report.h; JSON schema in
// docs/scan-report.md) on stdout and, when stderr is a terminal, a progress bar on
// stderr. The scanned data never leaves the process, and values are masked unless
// --show-values. With --attach the report (never the data) is also stored with that
// breach of --db, as the operator (service/scan_report_service.h); a refused report
// or an unknown breach fails the command with exit code 1 or 2, after the report
// was printed.
//
// Exit codes: 0 the scan completed and every input was read; 2 usage error or none of
// the paths exists; 3 the report was printed but some inputs or parts of inputs could
// not be read (listed under "skipped"). Finding personal data is not an error.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

inline constexpr int kExitScanIncomplete = 3;

void add_scan_command(CLI::App& app);

}  // namespace bd::cli
