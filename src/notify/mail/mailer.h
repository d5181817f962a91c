// Mailer: the one interface through which breachdesk hands an e-mail to the outside
// world. SmtpMailer is the real one; tests of logic may record messages instead.
//
// send() either delivers the message to the SMTP server (the server answered 250 to
// the end of DATA) or fails with:
//   kUnavailable   — transient (no connection, timeout, TLS failure, 4xx): retry later;
//   kUnauthorized  — the server refused the login: a fault of the configuration, not of
//                    the message, so every message would fail the same way until an
//                    operator fixes it; retry later, without trying the others now;
//   kInvalidInput  — permanent (malformed message, 5xx such as an unknown recipient):
//                    retrying will not help.
// send() returns within longest_send(), whatever the server does; the outbox relies on
// that to finish a claimed message before its claim runs out.
// Implementations must be safe to call from several threads at once.
#pragma once

#include <chrono>

#include "base/result.h"
#include "notify/mail/mail_message.h"

namespace bd::notify {

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Status send(const MailMessage& message) = 0;
  // The longest one send() can take, from the call until it returns.
  virtual std::chrono::milliseconds longest_send() const = 0;
};

}  // namespace bd::notify
