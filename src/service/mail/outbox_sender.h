// OutboxSender: delivers the mail outbox (storage's `outbox` table) through a Mailer.
//
// Every message is claimed with a lease before it is sent, marked sent right after the
// SMTP server accepted it, and otherwise retried with exponential backoff (transient
// failures) or given up (permanent failures, or after max_attempts). Because a claim
// is a database row, several server processes can run senders against one database,
// and a sender that dies mid-message lets the message become due again when its lease
// runs out — so nothing is lost across restarts. A message the server accepted is
// marked sent before the next one is tried, so a connection dropped mid-batch never
// causes a resend of what was already delivered.
//
// Thread-safety: send_due() may run on several threads and processes at once.
#pragma once

#include <chrono>
#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "notify/mail/mailer.h"

namespace bd::storage {
class Database;
struct OutboxMessage;
}  // namespace bd::storage

namespace bd::service {

struct OutboxOptions {
  std::string from_address = "breachdesk@localhost";
  std::string from_name = "breachdesk";
  std::string message_id_domain = "breachdesk.local";
  std::chrono::seconds lease{300};          // a claimed message becomes due again after this
  std::chrono::seconds first_retry{60};     // backoff: first_retry * 2^(attempts-1) …
  std::chrono::seconds max_retry{6 * 3600};  // … capped here
  int max_attempts = 12;
  int batch = 50;
};

struct SendRound {
  int claimed = 0;
  int sent = 0;
  int retry_later = 0;
  int given_up = 0;
};

class OutboxSender {
 public:
  // db, mailer and clock must outlive the sender.
  OutboxSender(storage::Database& db, notify::Mailer& mailer, const Clock& clock, OutboxOptions options = {});

  // Claims the messages due now and tries each once. Fails only when the database
  // does; transport failures are recorded per message.
  Result<SendRound> send_due();

  // When a message that failed `attempts` times is tried again.
  TimePoint next_retry(TimePoint now, std::int64_t attempts) const;

 private:
  Status deliver(const storage::OutboxMessage& message, SendRound& round);

  storage::Database& db_;
  notify::Mailer& mailer_;
  const Clock& clock_;
  OutboxOptions options_;
};

}  // namespace bd::service
