// `breachdesk migrate`: applies every pending database migration and lists the applied
// versions. Idempotent. Exit 1 when the database cannot be opened or a migration fails.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_migrate_command(CLI::App& app);

}  // namespace bd::cli
