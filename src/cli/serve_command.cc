#include "cli/serve_command.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <charconv>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <utility>

#include "cli/assessment_config.h"
#include "cli/command_support.h"
#include "cli/mail_options.h"
#include "http/handlers/routes.h"
#include "http/router.h"
#include "http/server.h"
#include "pages/catalog.h"
#include "pages/web_root.h"
#include "service/bootstrap.h"
#include "service/demo.h"
#include "service/mail/mail_worker.h"

namespace bd::cli {
namespace {

constexpr std::string_view kCmd = "serve";

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;
  bool demo = false;
  bool force_secure_cookies = false;
  int workers = 8;
  std::string assessment_config = std::string(model::assess::default_config().version);
  MailFlags mail;
};

// The deadline reminders and the outbox delivery of this process, on their own thread.
// Without --smtp-url reminders still enter the outbox and wait for a mail server.
struct MailService {
  pages::Catalog catalog;
  std::unique_ptr<service::DeadlineReminders> reminders;
  std::unique_ptr<notify::SmtpMailer> mailer;
  std::unique_ptr<service::OutboxSender> sender;
  std::unique_ptr<service::MailWorker> worker;
};

std::unique_ptr<MailService> start_mail(const ServeOptions& o, Backend& backend) {
  auto setup = mail_setup(o.mail);
  if (!setup.ok()) fail(kCmd, setup.error());
  const auto root = o.web_root.empty() ? pages::default_web_root() : std::filesystem::path(o.web_root);
  auto catalog = pages::Catalog::load(pages::i18n_dir(root) / "mail");
  if (!catalog.ok()) fail(kCmd, catalog.error());
  auto mail = std::make_unique<MailService>(MailService{std::move(catalog).value(), {}, {}, {}, {}});
  setup->reminders.deadline_hours = backend.services->workflow().assessment_config().deadline_hours;
  mail->reminders = std::make_unique<service::DeadlineReminders>(*backend.db, backend.clock, mail->catalog,
                                                                 setup->reminders);
  if (setup->smtp) {
    mail->mailer = std::make_unique<notify::SmtpMailer>(*setup->smtp);
    mail->sender = std::make_unique<service::OutboxSender>(*backend.db, *mail->mailer, backend.clock, setup->outbox);
  } else {
    spdlog::info("no --smtp-url: e-mail waits in the outbox");
  }
  mail->worker = std::make_unique<service::MailWorker>(mail->reminders.get(), mail->sender.get(), setup->interval);
  mail->worker->start();
  return mail;
}

// "127.0.0.1:8080", "localhost:80", "[::1]:8080".
Result<std::pair<std::string, std::uint16_t>> parse_listen(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Error::invalid("--listen", "Gebruik ADRES:POORT, bijvoorbeeld 127.0.0.1:8080.");
  }
  std::string host(text.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  auto port_text = text.substr(colon + 1);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return Error::invalid("--listen", "Ongeldige poort in --listen.");
  }
  return std::make_pair(host, static_cast<std::uint16_t>(port));
}

// Printed to the terminal only: credentials never go to the log.
void first_start(service::Services& services) {
  auto admin = service::ensure_first_admin(services);
  if (!admin.ok()) fail(kCmd, admin.error());
  if (!admin->has_value()) return;
  std::cout << "Eerste start: beheerder aangemaakt voor '" << (*admin)->organisation_name << "'.\n"
            << "  E-mailadres: " << (*admin)->email << "\n"
            << "  Eenmalig wachtwoord: " << (*admin)->password << "\n"
            << "Wijzig het wachtwoord na de eerste keer inloggen; het wordt niet opnieuw getoond.\n";
}

void load_demo(service::Services& services) {
  auto demo = service::load_demo_data(services);
  if (!demo.ok()) fail(kCmd, demo.error());
  if (!demo->created) {
    std::cout << "Demogegevens waren al geladen.\n";
    return;
  }
  std::cout << "Demogegevens geladen:\n";
  for (const auto& c : demo->credentials) {
    std::cout << "  " << c.organisation << ": " << c.email << " / " << c.password << "\n";
  }
}

void serve(const ServeOptions& o) {
  auto address = parse_listen(o.listen);
  if (!address.ok()) fail(kCmd, address.error());
  service::ServiceOptions options;
  auto config = resolve_assessment_config("--assessment-config", o.assessment_config);
  if (!config.ok()) fail(kCmd, config.error());
  options.assessment = std::move(config).value();
  spdlog::info("{}", describe_assessment_config(options.assessment, o.assessment_config));
  // One connection per request worker, one for start-up work and one for the mail worker.
  auto backend = open_backend(kCmd, static_cast<std::size_t>(std::max(o.workers, 1)) + 2, std::move(options));
  first_start(*backend->services);
  if (o.demo) load_demo(*backend->services);
  auto mail = start_mail(o, *backend);

  http::Router router;
  http::WebOptions web;
  if (!o.web_root.empty()) web.web_root = o.web_root;
  web.force_secure_cookies = o.force_secure_cookies;
  try {
    http::register_routes(router, *backend->services, web);
  } catch (const std::exception& e) {
    fail(kCmd, Error::unavailable(std::string("De webbestanden konden niet worden geladen: ") + e.what()));
  }
  http::ServerOptions server_options;
  server_options.host = address->first;
  server_options.port = address->second;
  server_options.worker_threads = std::max(o.workers, 1);
  server_options.handle_signals = true;
  http::Server server(server_options, router);
  if (auto listening = server.listen(); !listening.ok()) fail(kCmd, listening.error());
  std::cout << "breachdesk luistert op http://" << o.listen.substr(0, o.listen.rfind(':')) << ":" << server.port()
            << "/" << std::endl;
  server.run();
  mail->worker->stop();
  spdlog::info("server stopped");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web application and the API");
  cmd->add_option("--listen", o->listen, "ADDR:PORT to listen on")->capture_default_str();
  cmd->add_flag("--demo", o->demo, "Load the demo organisations and breaches (idempotent)");
  cmd->add_option("--web-root", o->web_root, "Directory with templates/, static/ and i18n/");
  cmd->add_option("--workers", o->workers, "Worker threads for requests")->check(CLI::Range(1, 256));
  cmd->add_flag("--force-secure-cookies", o->force_secure_cookies, "Secure cookies behind a TLS proxy");
  cmd->add_option("--assessment-config", o->assessment_config,
                  "Assessment configuration in force: a compiled-in version (2026.1, omnibus-2025) or a JSON file")
      ->capture_default_str();
  add_mail_options(*cmd, o->mail);
  cmd->callback([o] { serve(*o); });
}

}  // namespace bd::cli
