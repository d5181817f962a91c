// `breachdesk mail send [mail options] [--assessment-config FILE|VERSION]`: one mail
// round on the command line — enqueue the deadline reminders that are due (counting
// down the AP deadline of the given assessment configuration, as `serve` does; see
// cli/assessment_config.h) and deliver everything due in the outbox through
// --smtp-url (required here) — then print what happened. For cron-style deployments
// and for flushing the outbox after a mail server outage; `serve` does the same every
// --mail-interval seconds.
//
// Exit 0 when the round ran (messages that failed stay in the outbox with their
// error and retry time), 2 on a bad option, 1 when the database fails.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_mail_command(CLI::App& app);

}  // namespace bd::cli
