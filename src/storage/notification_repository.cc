// Versions of a breach's notification to the AP.
#include <soci/soci.h>

#include "storage/breach_codec.h"
#include "storage/breach_row.h"
#include "storage/database.h"
#include "storage/sql_util.h"
#include "storage/workflow_repositories.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

bool valid_kind(std::string_view k) {
  return k == "initial" || k == "supplement" || k == "amendment" || k == "withdrawal";
}
bool valid_status(std::string_view s) { return s == "preliminary" || s == "final"; }

// The clock columns of 0170 (all NULL until an initial version is filed).
struct ClockColumns {
  std::string awareness_id;
  long long awareness_at = 0, due_at = 0, hours = 0;
  int late_reason = 0;
  soci::indicator id_ind = soci::i_null, awareness_ind = soci::i_null, due_ind = soci::i_null,
                  hours_ind = soci::i_null, late_ind = soci::i_null;
};

struct NotificationRow {
  std::string id, breach_id, kind, status, meldnummer, previous_id, answers, created_by;
  long long version = 0, submitted_at = 0, breach_version = 0, created_at = 0;
  soci::indicator submitted_ind = soci::i_null, previous_ind = soci::i_null;
  ClockColumns clock;
};

constexpr const char* kColumns =
    "SELECT n.id, n.breach_id, n.version, n.kind, n.status, n.meldnummer, n.submitted_at, n.previous_id, "
    "n.breach_version, n.answers, n.created_by, n.created_at, n.clock_awareness_id, n.clock_awareness_at, "
    "n.clock_due_at, n.clock_hours, n.clock_late_reason FROM ap_notifications n "
    "JOIN breaches b ON b.id = n.breach_id";

soci::details::prepare_temp_type& into_row(soci::details::prepare_temp_type& p, NotificationRow& r) {
  ClockColumns& c = r.clock;
  return (p, soci::into(r.id), soci::into(r.breach_id), soci::into(r.version), soci::into(r.kind),
          soci::into(r.status), soci::into(r.meldnummer), soci::into(r.submitted_at, r.submitted_ind),
          soci::into(r.previous_id, r.previous_ind), soci::into(r.breach_version), soci::into(r.answers),
          soci::into(r.created_by), soci::into(r.created_at), soci::into(c.awareness_id, c.id_ind),
          soci::into(c.awareness_at, c.awareness_ind), soci::into(c.due_at, c.due_ind), soci::into(c.hours, c.hours_ind),
          soci::into(c.late_reason, c.late_ind));
}

// The stored clock, when the row has a complete one with a known awareness id.
std::optional<model::FiledClock> clock_of(const ClockColumns& c, const std::optional<TimePoint>& submitted_at) {
  const bool complete = c.id_ind == soci::i_ok && c.awareness_ind == soci::i_ok && c.due_ind == soci::i_ok &&
                        c.hours_ind == soci::i_ok && submitted_at.has_value();
  const auto id = complete ? model::awareness_id_of(c.awareness_id) : std::nullopt;
  if (!id) return std::nullopt;
  return model::FiledClock{*id, from_column(c.awareness_at), from_column(c.due_at), std::chrono::hours(c.hours),
                           *submitted_at, c.late_ind == soci::i_ok && c.late_reason != 0};
}

Result<ApNotificationRecord> to_record(const NotificationRow& r, const FieldCipher& cipher) {
  ApNotificationRecord out;
  out.id = r.id;
  out.breach_id = r.breach_id;
  out.version = r.version;
  out.kind = r.kind;
  out.status = r.status;
  out.meldnummer = r.meldnummer;
  if (r.submitted_ind == soci::i_ok) out.submitted_at = from_column(r.submitted_at);
  if (r.previous_ind == soci::i_ok) out.previous_id = r.previous_id;
  out.breach_version = r.breach_version;
  BD_ASSIGN_OR_RETURN(out.answers, detail::answers_from_text(r.answers, cipher));
  out.created_by = r.created_by;
  out.created_at = from_column(r.created_at);
  out.clock = clock_of(r.clock, out.submitted_at);
  return out;
}

Result<std::vector<ApNotificationRecord>> query(soci::session& s, const FieldCipher& cipher, const std::string& where,
                                                const std::string& a, const std::string& b) {
  NotificationRow r;
  auto prep = s.prepare << std::string(kColumns) + " WHERE " + where + " ORDER BY n.version";
  soci::statement st = (into_row(prep, r), soci::use(a), soci::use(b));
  st.execute();
  std::vector<ApNotificationRecord> out;
  while (st.fetch()) {
    BD_ASSIGN_OR_RETURN(ApNotificationRecord rec, to_record(r, cipher));
    out.push_back(std::move(rec));
  }
  return out;
}

Status check_previous(soci::session& s, const ApNotificationRecord& rec) {
  if (rec.previous_id.empty()) return {};
  long long n = 0;
  s << "SELECT COUNT(*) FROM ap_notifications WHERE id = :id AND breach_id = :b", soci::use(rec.previous_id),
      soci::use(rec.breach_id), soci::into(n);
  if (n == 0) return Error::invalid("meta.previous", "the previous notification is not one of this breach");
  return {};
}

void insert(soci::session& s, const FieldCipher& cipher, const ApNotificationRecord& rec) {
  std::string answers = detail::answers_to_text(rec.answers, cipher);
  long long version = rec.version, breach_version = rec.breach_version, created = to_column(rec.created_at);
  long long submitted = rec.submitted_at ? to_column(*rec.submitted_at) : 0;
  soci::indicator submitted_ind = rec.submitted_at ? soci::i_ok : soci::i_null;
  soci::indicator previous_ind = rec.previous_id.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO ap_notifications (id, breach_id, version, kind, status, meldnummer, submitted_at, previous_id, "
       "breach_version, answers, created_by, created_at) "
       "VALUES (:id, :b, :v, :k, :s, :m, :sa, :p, :bv, :a, :cb, :ca)",
      soci::use(rec.id), soci::use(rec.breach_id), soci::use(version), soci::use(rec.kind), soci::use(rec.status),
      soci::use(rec.meldnummer), soci::use(submitted, submitted_ind), soci::use(rec.previous_id, previous_ind),
      soci::use(breach_version), soci::use(answers), soci::use(rec.created_by), soci::use(created);
}

}  // namespace

Result<ApNotificationRecord> NotificationRepository::create(std::string_view organisation_id,
                                                            ApNotificationRecord record) {
  if (!valid_kind(record.kind)) return Error::invalid("meta.kind", "unknown notification kind");
  if (!valid_status(record.status)) return Error::invalid("meta.status", "unknown notification status");
  if (record.id.empty()) record.id = detail::new_id();
  const FieldCipher& cipher = db_.cipher();
  Status tx_status = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("insert notification", [&]() -> Status {
      soci::session& s = lease.session();
      if (!detail::breach_in_organisation(s, std::string(organisation_id), record.breach_id)) {
        return Error::not_found("breach not found");
      }
      BD_TRY(check_previous(s, record));
      long long highest = 0;
      soci::indicator ind = soci::i_null;
      s << "SELECT MAX(version) FROM ap_notifications WHERE breach_id = :b", soci::use(record.breach_id),
          soci::into(highest, ind);
      record.version = (ind == soci::i_ok ? highest : 0) + 1;
      insert(s, cipher, record);
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  return record;
}

Result<ApNotificationRecord> NotificationRepository::get(std::string_view organisation_id, std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("get notification", [&]() -> Result<ApNotificationRecord> {
    BD_ASSIGN_OR_RETURN(auto rows, query(lease.session(), db_.cipher(), "n.id = :id AND b.organisation_id = :o",
                                         std::string(id), std::string(organisation_id)));
    if (rows.empty()) return Error::not_found("notification not found");
    return std::move(rows.front());
  });
}

Result<std::vector<ApNotificationRecord>> NotificationRepository::list_for_breach(std::string_view organisation_id,
                                                                                  std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list notifications", [&]() -> Result<std::vector<ApNotificationRecord>> {
    std::string org(organisation_id);
    std::string id(breach_id);
    if (!detail::breach_in_organisation(lease.session(), org, id)) return Error::not_found("breach not found");
    return query(lease.session(), db_.cipher(), "n.breach_id = :b AND b.organisation_id = :o", id, org);
  });
}

namespace {

// Stores the clock at filing (NULLs when there is none).
void update_clock(soci::session& s, const std::string& id, const std::optional<model::FiledClock>& clock) {
  if (!clock) return;
  std::string awareness_id(clock->awareness_id);
  long long awareness = to_column(clock->awareness), due = to_column(clock->due), hours = clock->length.count();
  int late = clock->had_late_reason ? 1 : 0;
  s << "UPDATE ap_notifications SET clock_awareness_id = :i, clock_awareness_at = :a, clock_due_at = :d, "
       "clock_hours = :h, clock_late_reason = :l WHERE id = :id",
      soci::use(awareness_id), soci::use(awareness), soci::use(due), soci::use(hours), soci::use(late), soci::use(id);
}

}  // namespace

Status NotificationRepository::record_submission(std::string_view organisation_id, std::string_view id,
                                                 std::string_view meldnummer, TimePoint submitted_at,
                                                 const std::optional<model::FiledClock>& clock) {
  if (meldnummer.empty()) return Error::invalid("meta.ap_reference", "the meldnummer is required");
  return db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ApNotificationRecord current, get(organisation_id, id));
    if (!current.meldnummer.empty() && current.meldnummer != meldnummer) {
      return Error::conflict("this notification was already filed under another meldnummer");
    }
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("record submission", [&]() -> Status {
      std::string number(meldnummer);
      long long at = to_column(submitted_at);
      lease.session() << "UPDATE ap_notifications SET meldnummer = :m, submitted_at = :t WHERE id = :id",
          soci::use(number), soci::use(at), soci::use(current.id);
      update_clock(lease.session(), current.id, clock);
      return {};
    });
  });
}

Result<std::map<std::string, model::FiledClock, std::less<>>> NotificationRepository::filed_clocks(
    std::string_view organisation_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list filed clocks", [&]() -> Result<std::map<std::string, model::FiledClock, std::less<>>> {
    std::string org(organisation_id);
    std::string breach_id;
    long long submitted = 0;
    ClockColumns c;
    soci::statement st =
        (lease.session().prepare << "SELECT n.breach_id, n.submitted_at, n.clock_awareness_id, n.clock_awareness_at, "
                                    "n.clock_due_at, n.clock_hours, n.clock_late_reason FROM ap_notifications n "
                                    "JOIN breaches b ON b.id = n.breach_id WHERE b.organisation_id = :o "
                                    "AND n.kind = 'initial' AND n.meldnummer <> '' AND n.submitted_at IS NOT NULL "
                                    "AND n.clock_due_at IS NOT NULL",
         soci::into(breach_id), soci::into(submitted), soci::into(c.awareness_id, c.id_ind),
         soci::into(c.awareness_at, c.awareness_ind), soci::into(c.due_at, c.due_ind), soci::into(c.hours, c.hours_ind),
         soci::into(c.late_reason, c.late_ind), soci::use(org));
    st.execute();
    std::map<std::string, model::FiledClock, std::less<>> out;
    while (st.fetch()) {
      if (auto clock = clock_of(c, from_column(submitted))) out.emplace(breach_id, *clock);
    }
    return out;
  });
}

}  // namespace bd::storage
