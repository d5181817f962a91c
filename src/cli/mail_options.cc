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

Status check_url(const std::string& url) {
  if (url.rfind("smtp://", 0) != 0 && url.rfind("smtps://", 0) != 0) {
    return Error::invalid("--smtp-url", "Gebruik smtp://HOST:POORT of smtps://HOST:POORT.");
  }
  const std::string authority = url.substr(url.find("://") + 3);
  if (authority.substr(0, authority.find('/')).find('@') != std::string::npos) {
    return Error::invalid("--smtp-url", "Zet geen gebruiker of wachtwoord in --smtp-url; "
                                        "gebruik --smtp-user en --smtp-password-file.");
  }
  return {};
}

// A CA file that cannot be read or holds no certificate would fail every delivery later;
// say so now, naming the option.
Status check_ca_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid("--smtp-ca-file", "Het CA-bestand kan niet worden gelezen.");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    return Error::invalid("--smtp-ca-file", "Het CA-bestand bevat geen certificaat (PEM).");
  }
  return {};
}

// A password never crosses the network unencrypted: with a user, TLS is required.
Status check_login(const MailFlags& flags, notify::StartTls starttls) {
  if (flags.smtp_user.empty()) {
    if (flags.smtp_password_file.empty()) return {};
    return Error::invalid("--smtp-user", "Geef bij --smtp-password-file ook --smtp-user op.");
  }
  if (flags.smtp_url.rfind("smtp://", 0) == 0 && starttls != notify::StartTls::kRequired) {
    return Error::invalid("--smtp-starttls",
                          "Met --smtp-user is --smtp-starttls required nodig (of smtps://): "
                          "het wachtwoord gaat nooit onversleuteld over het netwerk.");
  }
  return {};
}

Result<notify::SmtpConfig> smtp_config(const MailFlags& flags, const std::string& helo_domain) {
  BD_TRY(check_url(flags.smtp_url));
  notify::SmtpConfig smtp;
  smtp.url = flags.smtp_url;
  BD_ASSIGN_OR_RETURN(smtp.starttls, parse_starttls(flags.smtp_starttls));
  BD_TRY(check_login(flags, smtp.starttls));
  smtp.username = flags.smtp_user;
  if (!flags.smtp_password_file.empty()) {
    BD_ASSIGN_OR_RETURN(smtp.password, read_password_file(flags.smtp_password_file));
  }
  if (!flags.smtp_ca_file.empty()) {
    BD_TRY(check_ca_file(flags.smtp_ca_file));
    smtp.ca_file = flags.smtp_ca_file;
  }
  smtp.helo_domain = helo_domain;
  return smtp;
}

}  // namespace

void add_mail_options(CLI::App& command, MailFlags& flags) {
  command.add_option("--smtp-url", flags.smtp_url, "SMTP server, smtp://host:587 or smtps://host:465");
  command.add_option("--smtp-user", flags.smtp_user, "SMTP user name (AUTH)");
  command.add_option("--smtp-password-file", flags.smtp_password_file, "File holding the SMTP password");
  command.add_option("--smtp-ca-file", flags.smtp_ca_file,
                     "PEM file with the CA certificate(s) to trust for the SMTP server, besides the "
                     "system's");
  command.add_option("--smtp-starttls", flags.smtp_starttls,
                     "smtp:// only. required: STARTTLS or nothing is sent; opportunistic: STARTTLS when "
                     "offered; off: plain text. With --smtp-user only required")
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
  BD_ASSIGN_OR_RETURN(setup.smtp, smtp_config(flags, setup.outbox.message_id_domain));
  return setup;
}

}  // namespace bd::cli
