// `breachdesk serve [--listen ADDR:PORT] [--demo] [--web-root DIR] [--workers N]
// [--assessment-config FILE|VERSION] [mail options]`: puts the assessment configuration
// in force (cli/assessment_config.h; default the compiled-in 2026.1) and logs its
// version, opens and migrates the database, creates the first administrator when there
// are no users (printing its e-mail and one-time password once, to stdout, never to
// the log), loads
// the demo organisations with --demo, runs the mail worker (deadline reminders and the
// outbox, through --smtp-url when given), and serves the web application and /api/v1
// until SIGINT/SIGTERM. Exit 1 when the database, the web root or the address fails;
// exit 2 on a bad mail option or assessment configuration.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_serve_command(CLI::App& app);

}  // namespace bd::cli
