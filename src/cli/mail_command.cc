#include "cli/mail_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/command_support.h"
#include "cli/mail_options.h"
#include "pages/catalog.h"
#include "pages/web_root.h"
#include "service/mail/deadline_reminders.h"
#include "service/mail/outbox_sender.h"

namespace bd::cli {
namespace {

constexpr std::string_view kCmd = "mail send";

void send_round(const MailFlags& flags) {
  auto setup = mail_setup(flags);
  if (!setup.ok()) fail(kCmd, setup.error());
  if (!setup->smtp) fail(kCmd, Error::invalid("--smtp-url", "Geef met --smtp-url de mailserver op."));
  auto catalog = pages::Catalog::load(pages::i18n_dir(pages::default_web_root()) / "mail");
  if (!catalog.ok()) fail(kCmd, catalog.error());
  auto backend = open_backend(kCmd, 2);

  service::DeadlineReminders reminders(*backend->db, backend->clock, *catalog, setup->reminders);
  auto enqueued = reminders.enqueue_due();
  if (!enqueued.ok()) fail(kCmd, enqueued.error());

  notify::SmtpMailer mailer(*setup->smtp);
  service::OutboxSender sender(*backend->db, mailer, backend->clock, setup->outbox);
  service::SendRound total;
  for (;;) {
    auto round = sender.send_due();
    if (!round.ok()) fail(kCmd, round.error());
    total.claimed += round->claimed;
    total.sent += round->sent;
    total.retry_later += round->retry_later;
    total.given_up += round->given_up;
    if (round->claimed == 0 || round->sent == 0) break;
  }
  std::cout << "herinneringen in de wachtrij gezet: " << *enqueued << "\n"
            << "verstuurd: " << total.sent << "\n"
            << "later opnieuw: " << total.retry_later << "\n"
            << "opgegeven: " << total.given_up << "\n";
}

}  // namespace

void add_mail_command(CLI::App& app) {
  auto flags = std::make_shared<MailFlags>();
  auto* mail = app.add_subcommand("mail", "The mail outbox");
  mail->require_subcommand(1);
  auto* send = mail->add_subcommand("send", "Enqueue due deadline reminders and deliver the outbox once");
  add_mail_options(*send, *flags);
  send->callback([flags] { send_round(*flags); });
}

}  // namespace bd::cli
