// `breachdesk user add --org ORG --email E --role R [--name N] [--locale nl|en]`,
// `breachdesk user list --org ORG`, `breachdesk user reset-password --email E`: the users
// of an organisation, as the operator of the machine. The password is read from stdin
// when stdin is not a terminal; otherwise (or when the line is empty) one is generated
// and printed once. Exit 2 for bad input, 1 for a duplicate e-mail or database failure.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_user_command(CLI::App& app);

}  // namespace bd::cli
