#include "cli/command_support.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>
#include <utility>

#include "cli/app.h"

namespace bd::cli {

void fail(std::string_view command, const Error& error) {
  std::cerr << "breachdesk " << command << ": " << error.message;
  if (!error.field.empty() && error.message.find(error.field) == std::string::npos) {
    std::cerr << " (" << error.field << ")";
  }
  std::cerr << "\n";
  if (!error.detail.empty()) spdlog::debug("{}: {}", command, error.detail);
  throw CLI::RuntimeError(error.kind == ErrorKind::kInvalidInput ? kExitBadInput : kExitFailure);
}

std::unique_ptr<Backend> open_backend(std::string_view command, std::size_t pool_size,
                                      service::ServiceOptions service_options) {
  auto backend = std::make_unique<Backend>();
  storage::DatabaseOptions options;
  options.pool_size = pool_size;
  auto db = storage::open_database(global_options().db_url, options);
  if (!db.ok()) fail(command, db.error());
  backend->db = std::move(db).value();
  if (auto migrated = backend->db->migrate(); !migrated.ok()) fail(command, migrated.error());
  backend->services = std::make_unique<service::Services>(*backend->db, backend->clock, std::move(service_options));
  return backend;
}

std::string read_secret_from_stdin() {
  if (isatty(STDIN_FILENO) != 0) return {};
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

service::Actor actor_in_org(std::string_view command, service::Services& services, std::string_view org) {
  auto found = services.organisations().find(service::system_actor(), org);
  if (!found.ok()) fail(command, found.error());
  return service::system_actor(found->id);
}

}  // namespace bd::cli
