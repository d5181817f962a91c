#include "cli/mail_options.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <sstream>

namespace bd::cli {
namespace {

Result<notify::StartTls> parse_starttls(const std::string& text) {
  if (text == "required") return notify::StartTls::kRequired;
  if (text == "opportunistic") return notify::StartTls::kOpportunistic;
  if (text == "off") return notify::StartTls::kOff;
  return Error::invalid("--smtp-starttls", "Gebruik required, opportunistic of off.");
}

Result<std::string> read_password_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid("--smtp-password-file", "Het wachtwoordbestand kan niet worden gelezen.");
  std::ostringstream text;
  text << in.rdbuf();
  std::string password = text.str();
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  return password;
}

// "host" of "user@host" in the From address, for Message-IDs.
std::string domain_of(const std::string& address) {
  auto at = address.rfind('@');
  return at == std::string::npos || at + 1 == address.size() ? "breachdesk.local" : address.substr(at + 1);
}

}  // namespace

void add_mail_options(CLI::App& command, MailFlags& flags) {
  command.add_option("--smtp-url", flags.smtp_url, "SMTP server, smtp://host:587 or smtps://host:465");
  command.add_option("--smtp-user", flags.smtp_user, "SMTP user name (AUTH)");
  command.add_option("--smtp-password-file", flags.smtp_password_file, "File holding the SMTP password");
  command.add_option("--smtp-starttls", flags.smtp_starttls, "required, opportunistic or off")
      ->check(CLI::IsMember({"required", "opportunistic", "off"}))
      ->capture_default_str();
  command.add_option("--mail-from", flags.mail_from, "Sender address of breachdesk's e-mail")->capture_default_str();
  command.add_option("--mail-from-name", flags.mail_from_name, "Sender display name")->capture_default_str();
  command.add_option("--base-url", flags.base_url, "The address people use, for links in e-mails")
      ->capture_default_str();
  command.add_option("--mail-interval", flags.interval_seconds, "Seconds between mail rounds")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
}

Result<MailSetup> mail_setup(const MailFlags& flags) {
  MailSetup setup;
  setup.outbox.from_address = flags.mail_from;
  setup.outbox.from_name = flags.mail_from_name;
  setup.outbox.message_id_domain = domain_of(flags.mail_from);
  setup.reminders.base_url = flags.base_url;
  while (!setup.reminders.base_url.empty() && setup.reminders.base_url.back() == '/') {
    setup.reminders.base_url.pop_back();
  }
  setup.interval = std::chrono::seconds(flags.interval_seconds);
  if (flags.smtp_url.empty()) return setup;
  if (flags.smtp_url.rfind("smtp://", 0) != 0 && flags.smtp_url.rfind("smtps://", 0) != 0) {
    return Error::invalid("--smtp-url", "Gebruik smtp://HOST:POORT of smtps://HOST:POORT.");
  }
  notify::SmtpConfig smtp;
  smtp.url = flags.smtp_url;
  BD_ASSIGN_OR_RETURN(smtp.starttls, parse_starttls(flags.smtp_starttls));
  smtp.username = flags.smtp_user;
  if (!flags.smtp_password_file.empty()) {
    BD_ASSIGN_OR_RETURN(smtp.password, read_password_file(flags.smtp_password_file));
  }
  smtp.helo_domain = setup.outbox.message_id_domain;
  setup.smtp = std::move(smtp);
  return setup;
}

}  // namespace bd::cli
