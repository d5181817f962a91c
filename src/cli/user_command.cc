#include "cli/user_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/command_support.h"

namespace bd::cli {
namespace {

struct UserOptions {
  std::string org;
  std::string email;
  std::string role;
  std::string name;
  std::string locale = "nl";
};

void user_add(const UserOptions& o) {
  auto backend = open_backend("user add", 1);
  auto& services = *backend->services;
  auto actor = actor_in_org("user add", services, o.org);
  service::NewUser user;
  user.organisation_id = actor.organisation_id;
  user.email = o.email;
  user.display_name = o.name;
  user.role = service::role_from_token(o.role).value_or(service::Role::kReporter);
  user.locale = o.locale;
  user.password = read_secret_from_stdin();
  auto created = services.users().add(actor, std::move(user));
  if (!created.ok()) fail("user add", created.error());
  std::cout << created->user.id << "\t" << created->user.email << "\t" << service::to_token(created->user.role)
            << "\n";
  if (!created->generated_password.empty()) {
    std::cout << "Wachtwoord (wordt maar één keer getoond): " << created->generated_password << "\n";
  }
}

void user_list(const UserOptions& o) {
  auto backend = open_backend("user list", 1);
  auto& services = *backend->services;
  auto actor = actor_in_org("user list", services, o.org);
  auto users = services.users().list(actor);
  if (!users.ok()) fail("user list", users.error());
  for (const auto& u : *users) {
    std::cout << u.id << "\t" << u.email << "\t" << service::to_token(u.role) << (u.disabled ? "\tdisabled" : "")
              << "\n";
  }
}

void user_reset_password(const UserOptions& o) {
  auto backend = open_backend("user reset-password", 1);
  auto& services = *backend->services;
  auto target = services.auth().actor_by_email(service::system_actor(), o.email);
  if (!target.ok()) fail("user reset-password", target.error());
  auto generated = services.users().reset_password(service::system_actor(target->organisation_id),
                                                   target->user_id, read_secret_from_stdin());
  if (!generated.ok()) fail("user reset-password", generated.error());
  if (!generated->empty()) std::cout << "Wachtwoord (wordt maar één keer getoond): " << *generated << "\n";
}

}  // namespace

void add_user_command(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto o = std::make_shared<UserOptions>();
  auto* add = user->add_subcommand("add", "Add a user (password from stdin, or generated and printed once)");
  add->add_option("--org", o->org, "Organisation name or id")->required();
  add->add_option("--email", o->email, "E-mail address (login name)")->required();
  add->add_option("--role", o->role, "Role")
      ->required()
      ->check(CLI::IsMember({"admin", "privacy_officer", "reporter", "auditor"}));
  add->add_option("--name", o->name, "Display name");
  add->add_option("--locale", o->locale, "Language of the pages")->check(CLI::IsMember({"nl", "en"}));
  add->callback([o] { user_add(*o); });
  auto* list = user->add_subcommand("list", "List the users of an organisation");
  list->add_option("--org", o->org, "Organisation name or id")->required();
  list->callback([o] { user_list(*o); });
  auto* reset = user->add_subcommand("reset-password", "Set a new password (stdin, or generated) and end sessions");
  reset->add_option("--email", o->email, "E-mail address")->required();
  reset->callback([o] { user_reset_password(*o); });
}

}  // namespace bd::cli
