#include "cli/mail_command.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/assessment_config.h"
#include "cli/command_support.h"
#include "cli/mail_options.h"
#include "pages/catalog.h"
#include "pages/web_root.h"
#include "service/mail/deadline_reminders.h"
#include "service/mail/outbox_sender.h"

namespace bd::cli {
namespace {

constexpr std::string_view kCmd = "mail send";

struct SendFlags {
  MailFlags mail;
  std::string assessment_config = std::string(model::assess::default_config().version);
};

void send_round(const SendFlags& send) {
  const MailFlags& flags = send.mail;
  auto setup = mail_setup(flags);
  if (!setup.ok()) fail(kCmd, setup.error());
  // The reminders count down the same deadline as the server's.
  auto config = resolve_assessment_config("--assessment-config", send.assessment_config);
  if (!config.ok()) fail(kCmd, config.error());
  setup->reminders.deadline_hours = config->deadline_hours;
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
  auto flags = std::make_shared<SendFlags>();
  auto* mail = app.add_subcommand("mail", "The mail outbox");
  mail->require_subcommand(1);
  auto* send = mail->add_subcommand("send", "Enqueue due deadline reminders and deliver the outbox once");
  add_mail_options(*send, flags->mail);
  send->add_option("--assessment-config", flags->assessment_config,
                   "Assessment configuration whose AP deadline the reminders count down (as serve's)")
      ->capture_default_str();
  send->callback([flags] { send_round(*flags); });
}

}  // namespace bd::cli
