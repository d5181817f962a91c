#include "cli/token_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/command_support.h"

namespace bd::cli {
namespace {

struct TokenOptions {
  std::string email;
  std::string name;
};

void token_create(const TokenOptions& o) {
  auto backend = open_backend("token create", 1);
  auto& services = *backend->services;
  auto actor = services.auth().actor_by_email(service::system_actor(), o.email);
  if (!actor.ok()) fail("token create", actor.error());
  auto token = services.auth().create_api_token(*actor, o.name);
  if (!token.ok()) fail("token create", token.error());
  std::cout << token->plaintext << "\n";
  std::cerr << "API-sleutel '" << token->info.name << "' (id " << token->info.id
            << ") aangemaakt; hij wordt maar één keer getoond.\n";
}

}  // namespace

void add_token_command(CLI::App& app) {
  auto* token = app.add_subcommand("token", "Personal API tokens");
  token->require_subcommand(1);
  auto o = std::make_shared<TokenOptions>();
  auto* create = token->add_subcommand("create", "Create an API token for a user and print it once");
  create->add_option("--email", o->email, "The user's e-mail address")->required();
  create->add_option("--name", o->name, "A label for the token")->required();
  create->callback([o] { token_create(*o); });
}

}  // namespace bd::cli
