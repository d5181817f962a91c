#include "cli/migrate_command.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command_support.h"

namespace bd::cli {

void add_migrate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  cmd->callback([] {
    auto backend = open_backend("migrate", 1);
    auto applied = backend->db->applied_migrations();
    if (!applied.ok()) fail("migrate", applied.error());
    for (const auto& version : *applied) std::cout << version << "\n";
  });
}

}  // namespace bd::cli
