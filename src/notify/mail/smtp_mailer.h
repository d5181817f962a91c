// SmtpMailer: sends MailMessages over SMTP with libcurl (one connection per message,
// so a dropped connection affects only the message in flight).
//
// Thread-safe: every send() uses its own curl handle. Passwords are never logged;
// errors carry curl's message in Error::detail only.
#pragma once

#include <chrono>
#include <string>

#include "notify/mail/mailer.h"

namespace bd::notify {

enum class StartTls {
  kRequired,       // refuse to send unless the server upgrades to TLS
  kOpportunistic,  // upgrade when offered
  kOff,            // plain text (loopback test servers only)
};

struct SmtpConfig {
  std::string url = "smtp://127.0.0.1:25";  // smtp://host:port, or smtps://host:465 for implicit TLS
  StartTls starttls = StartTls::kRequired;
  std::string username;  // empty: no AUTH
  std::string password;
  std::string helo_domain = "breachdesk.local";
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  std::string ca_file;  // empty: the system store
};

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpConfig config);
  Status send(const MailMessage& message) override;

 private:
  SmtpConfig config_;
};

}  // namespace bd::notify
