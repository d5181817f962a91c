#include "service/mail/outbox_sender.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "storage/database.h"
#include "storage/workflow_repositories.h"

namespace bd::service {

OutboxSender::OutboxSender(storage::Database& db, notify::Mailer& mailer, const Clock& clock,
                           OutboxOptions options)
    : db_(db), mailer_(mailer), clock_(clock), options_(std::move(options)) {}

TimePoint OutboxSender::next_retry(TimePoint now, std::int64_t attempts) const {
  auto delay = options_.first_retry;
  for (std::int64_t i = 1; i < attempts && delay < options_.max_retry; ++i) delay *= 2;
  return now + std::min(delay, options_.max_retry);
}

// The longest one message can hold its claim: the send, then recording its outcome.
std::chrono::seconds OutboxSender::time_per_message() const {
  return std::chrono::ceil<std::chrono::seconds>(mailer_.longest_send()) + options_.record_margin;
}

int OutboxSender::claims_per_round() const {
  const auto per_message = std::max(time_per_message(), std::chrono::seconds(1));
  return static_cast<int>(std::min<std::int64_t>(options_.batch, options_.lease / per_message));
}

Result<SendRound> OutboxSender::send_due() {
  const int limit = claims_per_round();
  if (limit < 1) {
    return Error::invalid("lease", "the outbox lease is shorter than one send; "
                                   "lengthen it or shorten the SMTP timeout");
  }
  const TimePoint claimed_at = clock_.now();
  const TimePoint lease_end = claimed_at + options_.lease;  // what claim_due stores
  BD_ASSIGN_OR_RETURN(auto claimed, db_.outbox().claim_due(claimed_at, limit, options_.lease));
  SendRound round;
  round.claimed = static_cast<int>(claimed.size());
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    if (clock_.now() + time_per_message() > lease_end) {
      // The round ran late (a stalled process or database). Sending now could outlast
      // the lease, so the rest stay claimed until it runs out and are tried again then.
      round.retry_later += static_cast<int>(claimed.size() - i);
      spdlog::warn("mail round ran late: {} message(s) left until their claim expires", claimed.size() - i);
      break;
    }
    const Status sent = mailer_.send(to_mail(claimed[i]));
    BD_TRY(record(claimed[i], sent, round));
    if (!sent.ok() && sent.error().kind == ErrorKind::kUnauthorized) {
      BD_TRY(defer(std::span(claimed).subspan(i + 1), sent.error(), lease_end, round));
      break;
    }
  }
  return round;
}

notify::MailMessage OutboxSender::to_mail(const storage::OutboxMessage& message) const {
  notify::MailMessage mail;
  // The outbox id makes the Message-ID, so a duplicate (should one ever happen) is
  // recognisable as the same message by the recipient's mail system.
  mail.message_id = "<" + message.id + "@" + options_.message_id_domain + ">";
  mail.from = options_.from_address;
  mail.from_name = options_.from_name;
  mail.to = {message.recipient};
  mail.subject = message.subject;
  mail.text_body = message.body_text;
  mail.html_body = message.body_html;
  return mail;
}

Status OutboxSender::record(const storage::OutboxMessage& message, const Status& sent, SendRound& round) {
  if (sent.ok()) {
    ++round.sent;
    return db_.outbox().mark_sent(message.id, clock_.now());
  }
  const Error& e = sent.error();
  // Only the client-safe message is stored; the transport detail goes to the log,
  // without the recipient (personal data).
  spdlog::warn("mail {} ({}) attempt {} failed: {}", message.id, message.kind, message.attempts, e.detail);
  const bool retryable = e.kind == ErrorKind::kUnavailable || e.kind == ErrorKind::kUnauthorized;
  if (!retryable || message.attempts >= options_.max_attempts) {
    ++round.given_up;
    return db_.outbox().mark_failed(message.id, e.message, std::nullopt);
  }
  ++round.retry_later;
  return db_.outbox().mark_failed(message.id, e.message, next_retry(clock_.now(), message.attempts));
}

// The login was refused: the rest would fail the same way, and every try is one more
// failed login at the relay (which may lock the account). They get the same error and
// backoff without connecting — while their claim is surely still ours to change.
Status OutboxSender::defer(std::span<const storage::OutboxMessage> rest, const Error& cause,
                           TimePoint lease_end, SendRound& round) {
  if (!rest.empty()) {
    spdlog::warn("mail login refused: {} other message(s) of this round deferred", rest.size());
  }
  for (const auto& message : rest) {
    ++round.retry_later;
    if (clock_.now() + options_.record_margin > lease_end) continue;  // tried again when the claim expires
    BD_TRY(db_.outbox().mark_failed(message.id, cause.message, next_retry(clock_.now(), message.attempts)));
  }
  return {};
}

}  // namespace bd::service
