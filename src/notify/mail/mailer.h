// Mailer: the one interface through which breachdesk hands an e-mail to the outside
// world. SmtpMailer is the real one; tests of logic may record messages instead.
//
// send() either delivers the message to the SMTP server (the server answered 250 to
// the end of DATA) or fails with:
//   kUnavailable   — transient (no connection, timeout, 4xx): retry later;
//   kInvalidInput  — permanent (malformed message, 5xx such as an unknown recipient):
//                    retrying will not help.
// Implementations must be safe to call from several threads at once.
#pragma once

#include "base/result.h"
#include "notify/mail/mail_message.h"

namespace bd::notify {

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Status send(const MailMessage& message) = 0;
};

}  // namespace bd::notify
