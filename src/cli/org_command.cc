#include "cli/org_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/command_support.h"

namespace bd::cli {
namespace {

struct OrgAddOptions {
  std::string name;
  std::string kvk;
  bool processor = false;
};

void org_add(const OrgAddOptions& o) {
  auto backend = open_backend("org add", 1);
  auto kind = o.processor ? storage::OrganisationKind::kProcessor : storage::OrganisationKind::kController;
  auto org = backend->services->organisations().create(service::system_actor(), o.name, kind, o.kvk);
  if (!org.ok()) fail("org add", org.error());
  std::cout << org->id << "\t" << org->name << "\n";
}

void org_list() {
  auto backend = open_backend("org list", 1);
  auto orgs = backend->services->organisations().list(service::system_actor());
  if (!orgs.ok()) fail("org list", orgs.error());
  for (const auto& org : *orgs) {
    std::cout << org.id << "\t" << storage::to_token(org.kind) << "\t" << org.name << "\n";
  }
}

}  // namespace

void add_org_command(CLI::App& app) {
  auto* org = app.add_subcommand("org", "Manage organisations (tenants)");
  org->require_subcommand(1);
  auto add_opts = std::make_shared<OrgAddOptions>();
  auto* add = org->add_subcommand("add", "Add an organisation");
  add->add_option("NAME", add_opts->name, "Name of the organisation")->required();
  add->add_option("--kvk", add_opts->kvk, "KvK number (8 digits)");
  add->add_flag("--processor", add_opts->processor, "The organisation is a processor (verwerker)");
  add->callback([add_opts] { org_add(*add_opts); });
  org->add_subcommand("list", "List organisations")->callback([] { org_list(); });
}

}  // namespace bd::cli
