// SmtpMailer: sends MailMessages over SMTP with libcurl (one connection per message,
// so a dropped connection affects only the message in flight).
//
// TLS: the server's certificate is always verified (chain and host name) against the
// system's CAs plus `ca_file`; there is deliberately no way to turn that off. A user
// name means TLS is required, whatever `starttls` says, so a password never crosses
// the network unencrypted.
//
// Thread-safe: every send() uses its own curl handle. Passwords are never logged;
// errors carry curl's message in Error::detail only. The failure kinds are those of
// mailer.h: a refused login is kUnauthorized, a TLS failure kUnavailable.
#pragma once

#include <chrono>
#include <string>

#include "notify/mail/mailer.h"

namespace bd::notify {

// How an smtp:// connection gets TLS (an smtps:// one has TLS from its first byte).
enum class StartTls {
  kRequired,       // STARTTLS before anything else; without it nothing is sent (never plain text)
  kOpportunistic,  // STARTTLS when the server offers it, else plain text (not with a user name)
  kOff,            // plain text (loopback test relays; not with a user name)
};

struct SmtpConfig {
  std::string url = "smtp://127.0.0.1:25";  // smtp://host:port, or smtps://host:465 for implicit TLS
  StartTls starttls = StartTls::kRequired;
  std::string username;  // empty: no AUTH
  std::string password;
  std::string helo_domain = "breachdesk.local";
  std::chrono::milliseconds connect_timeout{10'000};
  // The whole delivery (connect, TLS, login, the message). Waiting for the answer to
  // QUIT afterwards is bounded by the same time, so send() takes at most twice this.
  std::chrono::milliseconds total_timeout{60'000};
  std::string ca_file;  // PEM CA certificate(s) trusted besides the system's; empty: system only
};

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpConfig config);
  Status send(const MailMessage& message) override;
  std::chrono::milliseconds longest_send() const override;

 private:
  SmtpConfig config_;
};

}  // namespace bd::notify
