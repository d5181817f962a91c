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
// Lease vs batch: a round claims only as many messages as it can surely finish while
// their lease lasts — lease / (mailer.longest_send() + record_margin) — because once a
// lease has run out another process may claim the same message and send it a second
// time. Renewing the lease per message would need the store to check, per message,
// that the claim is still ours; claiming fewer needs nothing but arithmetic and keeps
// the lease short, so the messages of a sender that died come back within minutes.
// Before each send the sender checks the clock again, and a message whose lease might
// run out before it is sent and recorded is left alone (its lease expires and it is
// claimed again), so a stalled process cannot cause a duplicate either. This assumes
// the clocks of the processes sharing a database agree to well within record_margin.
//
// A refused login (kUnauthorized) ends the round: the other claimed messages get the
// same error and backoff without connecting, rather than one failed login each.
//
// Thread-safety: send_due() may run on several threads and processes at once.
// Failure: send_due() fails when the database does, or when the lease is too short
// for even one send (kInvalidInput "lease"; nothing is claimed).
#pragma once

#include <chrono>
#include <span>
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
  std::chrono::seconds lease{300};           // a claimed message becomes due again after this
  std::chrono::seconds record_margin{15};    // time allowed per message for the database writes
  std::chrono::seconds first_retry{60};      // backoff: first_retry * 2^(attempts-1) …
  std::chrono::seconds max_retry{6 * 3600};  // … capped here
  int max_attempts = 12;
  int batch = 50;  // at most this many per round; fewer when the lease allows fewer
};

struct SendRound {
  int claimed = 0;
  int sent = 0;
  int retry_later = 0;  // failed transiently, deferred after a refused login, or left to their lease
  int given_up = 0;
};

class OutboxSender {
 public:
  // db, mailer and clock must outlive the sender.
  OutboxSender(storage::Database& db, notify::Mailer& mailer, const Clock& clock, OutboxOptions options = {});

  // Claims the messages due now (at most claims_per_round()) and tries each once.
  // Fails only when the database does or the lease is too short (see above);
  // transport failures are recorded per message.
  Result<SendRound> send_due();

  // How many messages one round claims: as many as surely finish within the lease.
  int claims_per_round() const;

  // When a message that failed `attempts` times is tried again.
  TimePoint next_retry(TimePoint now, std::int64_t attempts) const;

 private:
  std::chrono::seconds time_per_message() const;
  notify::MailMessage to_mail(const storage::OutboxMessage& message) const;
  Status record(const storage::OutboxMessage& message, const Status& sent, SendRound& round);
  Status defer(std::span<const storage::OutboxMessage> rest, const Error& cause, TimePoint lease_end,
               SendRound& round);

  storage::Database& db_;
  notify::Mailer& mailer_;
  const Clock& clock_;
  OutboxOptions options_;
};

}  // namespace bd::service
