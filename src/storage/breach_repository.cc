// Breaches and their revisions: create, get, update with an expected version.
#include <soci/soci.h>

#include "storage/breach_codec.h"
#include "storage/breach_repository.h"
#include "storage/breach_row.h"
#include "storage/database.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::guarded;
using detail::to_column;

std::vector<model::AnswerChange> creation_changes(const model::Breach& b) {
  std::vector<model::AnswerChange> changes = model::diff_answers({}, b.answers);
  changes.push_back({"meta.status", {}, std::string(model::to_token(b.status))});
  changes.push_back({"meta.title", {}, b.title});
  return changes;
}

std::vector<model::AnswerChange> update_changes(const model::Breach& before, const model::Breach& after) {
  std::vector<model::AnswerChange> changes = model::diff_answers(before.answers, after.answers);
  if (before.status != after.status) {
    changes.push_back({"meta.status", std::string(model::to_token(before.status)),
                       std::string(model::to_token(after.status))});
  }
  if (before.title != after.title) changes.push_back({"meta.title", before.title, after.title});
  return changes;
}

void insert_revision(soci::session& s, const FieldCipher& cipher, const std::string& breach_id,
                     std::int64_t version, const ChangeAuthor& author,
                     const std::vector<model::AnswerChange>& changes) {
  std::string email = cipher.seal(PersonalField::kRevisionAuthorEmail, author.user_email);
  std::string text = detail::changes_to_text(changes, cipher);
  long long v = version;
  long long at = to_column(author.at);
  s << "INSERT INTO breach_revisions (breach_id, version, user_id, user_email, at, changes, note) "
       "VALUES (:b, :v, :u, :e, :a, :c, :n)",
      soci::use(breach_id), soci::use(v), soci::use(author.user_id), soci::use(email), soci::use(at),
      soci::use(text), soci::use(author.note);
}

// The organisation's next "YYYY-NNNN" reference for the year of `at`.
std::string next_reference(soci::session& s, const std::string& organisation_id, TimePoint at) {
  auto ymd = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(at));
  std::string prefix = std::to_string(static_cast<int>(ymd.year())) + "-";
  std::string pattern = prefix + "%";
  std::string last;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(reference) FROM breaches WHERE organisation_id = :o AND reference LIKE :p",
      soci::use(organisation_id), soci::use(pattern), soci::into(last, ind);
  long long n = 0;
  if (ind == soci::i_ok && last.size() > prefix.size()) {
    try {
      n = std::stoll(last.substr(prefix.size()));
    } catch (const std::exception&) {
      n = 0;  // a hand-made reference in this year's range; start counting after none
    }
  }
  std::string digits = std::to_string(n + 1);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return prefix + digits;
}

Status check_breach(const model::Breach& b) {
  if (b.organisation_id.empty()) return Error::invalid("organisation_id", "the breach needs an organisation");
  if (b.title.size() > 500) return Error::invalid("meta.title", "the title is too long (500 characters at most)");
  return {};
}

}  // namespace

Result<model::Breach> BreachRepository::create(model::Breach breach, const ChangeAuthor& author) {
  BD_TRY(check_breach(breach));
  if (breach.id.empty()) breach.id = detail::new_id();
  breach.version = 1;
  breach.created_at = author.at;
  breach.updated_at = author.at;
  const FieldCipher& cipher = db_.cipher();
  Status tx_status = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("insert breach", [&]() -> Status {
      soci::session& s = lease.session();
      if (breach.reference.empty()) {
        // PostgreSQL: serialise reference allocation per organisation (SQLite's
        // BEGIN IMMEDIATE already does); the lock does not block foreign-key checks.
        if (lease.dialect() == Dialect::kPostgres) {
          s << "SELECT id FROM organisations WHERE id = :o FOR NO KEY UPDATE", soci::use(breach.organisation_id);
        }
        breach.reference = next_reference(s, breach.organisation_id, author.at);
      }
      detail::insert_breach_row(s, cipher, breach);
      insert_revision(s, cipher, breach.id, 1, author, creation_changes(breach));
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  return breach;
}

Result<model::Breach> BreachRepository::get(std::string_view organisation_id, std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("get breach", [&]() {
    return detail::select_breach(lease.session(), db_.cipher(), std::string(organisation_id), std::string(id));
  });
}

Result<model::Breach> BreachRepository::update(const model::Breach& updated, std::int64_t expected_version,
                                               const ChangeAuthor& author) {
  BD_TRY(check_breach(updated));
  const FieldCipher& cipher = db_.cipher();
  model::Breach result;
  Status tx_status = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("update breach", [&]() -> Status {
      soci::session& s = lease.session();
      BD_ASSIGN_OR_RETURN(model::Breach stored,
                          detail::select_breach(s, cipher, updated.organisation_id, updated.id));
      if (stored.version != expected_version) {
        return Error::conflict("the breach was changed by someone else; reload it and apply your change again");
      }
      auto changes = update_changes(stored, updated);
      if (changes.empty()) {
        result = std::move(stored);
        return {};
      }
      result = updated;
      result.reference = stored.reference;
      result.reported_by = stored.reported_by;
      result.created_at = stored.created_at;
      result.version = stored.version + 1;
      result.updated_at = author.at;
      BD_TRY(detail::update_breach_row(s, cipher, result, stored.version));
      insert_revision(s, cipher, result.id, result.version, author, changes);
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  return result;
}

Result<std::vector<model::Revision>> BreachRepository::revisions(std::string_view organisation_id,
                                                                 std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  const FieldCipher& cipher = db_.cipher();
  return guarded("list revisions", [&]() -> Result<std::vector<model::Revision>> {
    soci::session& s = lease.session();
    std::string org(organisation_id);
    std::string id(breach_id);
    long long exists = 0;
    s << "SELECT COUNT(*) FROM breaches WHERE id = :id AND organisation_id = :o", soci::use(id), soci::use(org),
        soci::into(exists);
    if (exists == 0) return Error::not_found("breach not found");
    model::Revision r;
    long long version = 0, at = 0;
    std::string email, changes;
    soci::statement st = (s.prepare << "SELECT version, user_id, user_email, at, changes, note FROM breach_revisions "
                                       "WHERE breach_id = :b ORDER BY version",
                          soci::into(version), soci::into(r.user_id), soci::into(email), soci::into(at),
                          soci::into(changes), soci::into(r.note), soci::use(id));
    st.execute();
    std::vector<model::Revision> out;
    while (st.fetch()) {
      model::Revision rev{id, version, r.user_id, {}, detail::from_column(at), {}, r.note};
      BD_ASSIGN_OR_RETURN(rev.user_email, cipher.open(PersonalField::kRevisionAuthorEmail, email));
      BD_ASSIGN_OR_RETURN(rev.changes, detail::changes_from_text(changes, cipher));
      out.push_back(std::move(rev));
    }
    return out;
  });
}

}  // namespace bd::storage
