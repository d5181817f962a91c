// Helpers shared by the CLI commands that work on the database: failing with a clear
// message, opening and migrating the database named by --db, and building Services.
// Used on the main thread only.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"
#include "service/services.h"
#include "storage/database.h"

namespace bd::cli {

inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Prints "breachdesk <command>: <message>" to stderr (the client-safe message; the
// detail goes to the debug log) and throws CLI::RuntimeError with the exit code
// (2 for kInvalidInput, 1 otherwise).
[[noreturn]] void fail(std::string_view command, const Error& error);

// The database of --db, opened and migrated, with everything the services need
// (configured with `service_options`). Fails the command when it cannot be opened or migrated.
struct Backend {
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
  std::unique_ptr<service::Services> services;
};
std::unique_ptr<Backend> open_backend(std::string_view command, std::size_t pool_size = 2,
                                      service::ServiceOptions service_options = {});

// Reads one line (a password) from stdin when stdin is not a terminal; empty otherwise.
std::string read_secret_from_stdin();

// The system actor acting in the organisation named (or with the id) `org`;
// fails the command when there is no such organisation.
service::Actor actor_in_org(std::string_view command, service::Services& services, std::string_view org);

}  // namespace bd::cli
