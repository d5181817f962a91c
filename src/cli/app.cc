#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "cli/assess_command.h"
#include "cli/export_command.h"
#include "cli/mail_command.h"
#include "cli/migrate_command.h"
#include "cli/org_command.h"
#include "cli/scan_command.h"
#include "cli/serve_command.h"
#include "cli/token_command.h"
#include "cli/user_command.h"

namespace bd::cli {
namespace {

// The exit code of every usage error (unknown option, missing argument, bad value).
constexpr int kUsageError = 2;

GlobalOptions& mutable_global_options() {
  static GlobalOptions options;
  return options;
}

// Logs go to stderr so that stdout carries only a command's output (JSON, CSV, …).
void configure_logging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("breachdesk");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace

const GlobalOptions& global_options() { return mutable_global_options(); }

int run_cli(int argc, char** argv) {
  CLI::App app{"breachdesk — het register en de meldingen van datalekken (GDPR/AVG)", "breachdesk"};
  app.require_subcommand(1);
  // Global options also after the subcommand: `breachdesk serve --db sqlite:x.db` works
  // like `breachdesk --db sqlite:x.db serve` (subcommands created below inherit this).
  app.fallthrough();
  auto& options = mutable_global_options();
  if (const char* env = std::getenv("BREACHDESK_DB"); env != nullptr && *env != '\0') options.db_url = env;
  app.add_option("--db", options.db_url, "Database: sqlite:PATH or postgresql://…")->capture_default_str();
  app.add_option("--log-level", options.log_level, "Log level")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  app.parse_complete_callback([&options] { configure_logging(options.log_level); });

  add_serve_command(app);
  add_migrate_command(app);
  add_org_command(app);
  add_user_command(app);
  add_token_command(app);
  add_export_command(app);
  add_assess_command(app);
  add_scan_command(app);
  add_mail_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command's own outcome (1, 2, 3, …), already reported
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message (or the help) and has its own codes per kind of
    // mistake (105, 106, 109, …); every command documents one code for a usage error.
    const int code = app.exit(e);
    return code == 0 ? 0 : kUsageError;
  }
  return 0;
}

}  // namespace bd::cli
