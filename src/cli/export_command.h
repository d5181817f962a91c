// `breachdesk export --org ORG --format json|csv|xlsx [--locale nl|en] [--out FILE]`:
// the breach register of an organisation, written to FILE or stdout (xlsx needs --out
// when stdout is a terminal). Exit 2 for a bad format, 1 for other failures.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_export_command(CLI::App& app);

}  // namespace bd::cli
