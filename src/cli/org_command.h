// `breachdesk org add NAME [--processor] [--kvk NUMBER]` and `breachdesk org list`: the
// organisations (tenants), as the operator of the machine. Exit 2 for a bad name or KvK
// number, 1 for a duplicate or a database failure.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_org_command(CLI::App& app);

}  // namespace bd::cli
