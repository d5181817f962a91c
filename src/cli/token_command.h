// `breachdesk token create --email E --name N`: creates a personal API token for the
// user and prints it once (only its hash is stored). Exit 1 when the user is unknown.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_token_command(CLI::App& app);

}  // namespace bd::cli
