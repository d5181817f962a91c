// The mail options shared by `serve` and `mail send`: which SMTP server, how to log in,
// who the sender is, and the address people use for links in e-mails.
//
// add_mail_options() registers the flags on a command; mail_setup() turns them into the
// transport and outbox configuration after parsing. The SMTP password is read from a
// file (never from the command line, where `ps` shows it) and never logged; with a user
// name TLS is required (STARTTLS required or smtps://), so it never travels in the clear.
// Failure: mail_setup() returns kInvalidInput naming the option when a value is wrong
// or the password file cannot be read. Main thread only.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "notify/mail/smtp_mailer.h"
#include "service/mail/deadline_reminders.h"
#include "service/mail/outbox_sender.h"

namespace CLI {
class App;
}

namespace bd::cli {

struct MailFlags {
  std::string smtp_url;  // empty: no mail is sent; messages wait in the outbox
  std::string smtp_user;
  std::string smtp_password_file;
  std::string smtp_ca_file;  // empty: the system's CAs only
  std::string smtp_starttls = "required";
  std::string mail_from = "breachdesk@localhost";
  std::string mail_from_name = "breachdesk";
  std::string base_url = "http://127.0.0.1:8080";
  int interval_seconds = 60;
};

void add_mail_options(CLI::App& command, MailFlags& flags);

struct MailSetup {
  std::optional<notify::SmtpConfig> smtp;  // nullopt without --smtp-url
  service::OutboxOptions outbox;
  service::ReminderOptions reminders;
  std::chrono::milliseconds interval{60'000};
};

Result<MailSetup> mail_setup(const MailFlags& flags);

}  // namespace bd::cli
