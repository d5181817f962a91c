// The breachdesk command line: builds the CLI11 app with its global flags and every
// subcommand (serve, migrate, org, user, token, export, scan, assess, …) and runs it.
//
// Global flags: --db URL (default sqlite:data/breachdesk.db; also $BREACHDESK_DB) and
// --log-level (trace|debug|info|warn|error|off, default info). Logs go to stderr.
//
// Exit codes: 0 success; 1 a command failed (message on stderr); 2 bad input; CLI11's
// own codes for bad usage. Thread-safety: call once, from main().
#pragma once

#include <string>

namespace bd::cli {

int run_cli(int argc, char** argv);

// The global flags as parsed; valid inside a subcommand's callback.
struct GlobalOptions {
  std::string db_url = "sqlite:data/breachdesk.db";
  std::string log_level = "info";
};
const GlobalOptions& global_options();

}  // namespace bd::cli
