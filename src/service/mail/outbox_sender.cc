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

Result<SendRound> OutboxSender::send_due() {
  SendRound round;
  BD_ASSIGN_OR_RETURN(auto claimed, db_.outbox().claim_due(clock_.now(), options_.batch, options_.lease));
  round.claimed = static_cast<int>(claimed.size());
  for (const auto& message : claimed) BD_TRY(deliver(message, round));
  return round;
}

Status OutboxSender::deliver(const storage::OutboxMessage& message, SendRound& round) {
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

  const Status sent = mailer_.send(mail);
  if (sent.ok()) {
    ++round.sent;
    return db_.outbox().mark_sent(message.id, clock_.now());
  }
  const Error& e = sent.error();
  // Only the client-safe message is stored; the transport detail goes to the log,
  // without the recipient (personal data).
  spdlog::warn("mail {} ({}) attempt {} failed: {}", message.id, message.kind, message.attempts, e.detail);
  const bool permanent = e.kind != ErrorKind::kUnavailable || message.attempts >= options_.max_attempts;
  if (permanent) {
    ++round.given_up;
    return db_.outbox().mark_failed(message.id, e.message, std::nullopt);
  }
  ++round.retry_later;
  return db_.outbox().mark_failed(message.id, e.message, next_retry(clock_.now(), message.attempts));
}

}  // namespace bd::service
