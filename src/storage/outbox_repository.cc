// The mail outbox: enqueue in the caller's transaction, claim due messages, record
// the outcome of each attempt.
#include <soci/soci.h>

#include "storage/database.h"
#include "storage/field_cipher.h"
#include "storage/sql_util.h"
#include "storage/workflow_repositories.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

struct Row {
  std::string id, organisation_id, breach_id, kind, recipient, subject, body_text, body_html, status, last_error,
      dedupe_key;
  long long attempts = 0, next_attempt_at = 0, created_at = 0, sent_at = 0;
  soci::indicator breach_ind = soci::i_null, dedupe_ind = soci::i_null, sent_ind = soci::i_null;
};

constexpr const char* kColumns =
    "SELECT id, organisation_id, breach_id, kind, recipient, subject, body_text, body_html, status, attempts, "
    "next_attempt_at, last_error, dedupe_key, created_at, sent_at FROM outbox";

Result<OutboxMessage> to_message(const Row& r, const FieldCipher& cipher) {
  OutboxMessage m;
  m.id = r.id;
  m.organisation_id = r.organisation_id;
  if (r.breach_ind == soci::i_ok) m.breach_id = r.breach_id;
  m.kind = r.kind;
  BD_ASSIGN_OR_RETURN(m.recipient, cipher.open(PersonalField::kOther, r.recipient));
  m.subject = r.subject;
  BD_ASSIGN_OR_RETURN(m.body_text, cipher.open(PersonalField::kOther, r.body_text));
  BD_ASSIGN_OR_RETURN(m.body_html, cipher.open(PersonalField::kOther, r.body_html));
  m.status = r.status;
  m.attempts = r.attempts;
  m.next_attempt_at = from_column(r.next_attempt_at);
  m.last_error = r.last_error;
  if (r.dedupe_ind == soci::i_ok) m.dedupe_key = r.dedupe_key;
  m.created_at = from_column(r.created_at);
  if (r.sent_ind == soci::i_ok) m.sent_at = from_column(r.sent_at);
  return m;
}

// Rows of `sql` (kColumns + conditions) binding `texts`, then `number` if given.
Result<std::vector<OutboxMessage>> fetch(soci::session& s, const FieldCipher& cipher, const std::string& sql,
                                         std::vector<std::string> texts, std::optional<long long> number) {
  Row r;
  soci::statement st(s);
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.organisation_id));
  st.exchange(soci::into(r.breach_id, r.breach_ind));
  st.exchange(soci::into(r.kind));
  st.exchange(soci::into(r.recipient));
  st.exchange(soci::into(r.subject));
  st.exchange(soci::into(r.body_text));
  st.exchange(soci::into(r.body_html));
  st.exchange(soci::into(r.status));
  st.exchange(soci::into(r.attempts));
  st.exchange(soci::into(r.next_attempt_at));
  st.exchange(soci::into(r.last_error));
  st.exchange(soci::into(r.dedupe_key, r.dedupe_ind));
  st.exchange(soci::into(r.created_at));
  st.exchange(soci::into(r.sent_at, r.sent_ind));
  for (auto& t : texts) st.exchange(soci::use(t));
  if (number) st.exchange(soci::use(*number));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<OutboxMessage> out;
  while (st.fetch()) {
    BD_ASSIGN_OR_RETURN(OutboxMessage m, to_message(r, cipher));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Result<OutboxMessage> OutboxRepository::enqueue(OutboxMessage m) {
  if (m.organisation_id.empty() || m.recipient.empty() || m.kind.empty()) {
    return Error::invalid("recipient", "a message needs an organisation, a kind and a recipient");
  }
  if (m.id.empty()) m.id = detail::new_id();
  m.status = "pending";
  m.attempts = 0;
  m.sent_at.reset();
  const FieldCipher& cipher = db_.cipher();
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("enqueue mail", [&]() -> Result<OutboxMessage> {
    std::string recipient = cipher.seal(PersonalField::kOther, m.recipient);
    std::string text = cipher.seal(PersonalField::kOther, m.body_text);
    std::string html = cipher.seal(PersonalField::kOther, m.body_html);
    soci::indicator breach_ind = m.breach_id.empty() ? soci::i_null : soci::i_ok;
    soci::indicator dedupe_ind = m.dedupe_key.empty() ? soci::i_null : soci::i_ok;
    long long next = to_column(m.next_attempt_at), created = to_column(m.created_at);
    lease.session() << "INSERT INTO outbox (id, organisation_id, breach_id, kind, recipient, subject, body_text, "
                       "body_html, status, attempts, next_attempt_at, dedupe_key, created_at) "
                       "VALUES (:id, :o, :b, :k, :r, :s, :t, :h, 'pending', 0, :na, :dk, :c)",
        soci::use(m.id), soci::use(m.organisation_id), soci::use(m.breach_id, breach_ind), soci::use(m.kind),
        soci::use(recipient), soci::use(m.subject), soci::use(text), soci::use(html), soci::use(next),
        soci::use(m.dedupe_key, dedupe_ind), soci::use(created);
    return m;
  });
}

Result<std::vector<OutboxMessage>> OutboxRepository::claim_due(TimePoint now, int limit, std::chrono::seconds lease) {
  if (limit < 1 || limit > 1000) return Error::invalid("limit", "limit must be between 1 and 1000");
  std::vector<OutboxMessage> claimed;
  Status tx_status = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease conn, db_.lease());
    return guarded("claim mail", [&]() -> Status {
      soci::session& s = conn.session();
      long long at = to_column(now);
      BD_ASSIGN_OR_RETURN(auto due, fetch(s, db_.cipher(),
                                          std::string(kColumns) +
                                              " WHERE status IN ('pending', 'sending') AND next_attempt_at <= :n "
                                              "ORDER BY next_attempt_at, id LIMIT " + std::to_string(limit),
                                          {}, at));
      long long until = to_column(now + lease);
      for (OutboxMessage& m : due) {
        long long previous = to_column(m.next_attempt_at);
        // Claimed only if nobody else changed it since we read it.
        soci::statement st = (s.prepare << "UPDATE outbox SET status = 'sending', attempts = attempts + 1, "
                                           "next_attempt_at = :u WHERE id = :id AND status = :s AND next_attempt_at = :p",
                              soci::use(until), soci::use(m.id), soci::use(m.status), soci::use(previous));
        st.execute(true);
        if (st.get_affected_rows() != 1) continue;
        m.status = "sending";
        m.attempts += 1;
        m.next_attempt_at = now + lease;
        claimed.push_back(std::move(m));
      }
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  return claimed;
}

Status OutboxRepository::mark_sent(std::string_view id, TimePoint at) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("mark mail sent", [&]() -> Status {
    std::string key(id);
    long long t = to_column(at);
    soci::statement st = (lease.session().prepare << "UPDATE outbox SET status = 'sent', sent_at = :t, last_error = '' "
                                                     "WHERE id = :id",
                          soci::use(t), soci::use(key));
    st.execute(true);
    if (st.get_affected_rows() == 0) return Error::not_found("message not found");
    return {};
  });
}

Status OutboxRepository::mark_failed(std::string_view id, std::string_view error, std::optional<TimePoint> retry_at) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("mark mail failed", [&]() -> Status {
    std::string key(id);
    std::string message(error.substr(0, 500));
    soci::statement st(lease.session());
    long long next = retry_at ? to_column(*retry_at) : 0;
    if (retry_at) {
      st = (lease.session().prepare << "UPDATE outbox SET status = 'pending', last_error = :e, next_attempt_at = :n "
                                       "WHERE id = :id",
            soci::use(message), soci::use(next), soci::use(key));
    } else {
      st = (lease.session().prepare << "UPDATE outbox SET status = 'failed', last_error = :e WHERE id = :id",
            soci::use(message), soci::use(key));
    }
    st.execute(true);
    if (st.get_affected_rows() == 0) return Error::not_found("message not found");
    return {};
  });
}

Result<std::vector<OutboxMessage>> OutboxRepository::list_for_breach(std::string_view organisation_id,
                                                                     std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list mail", [&]() {
    return fetch(lease.session(), db_.cipher(),
                 std::string(kColumns) + " WHERE organisation_id = :o AND breach_id = :b ORDER BY created_at DESC, id",
                 {std::string(organisation_id), std::string(breach_id)}, std::nullopt);
  });
}

}  // namespace bd::storage
