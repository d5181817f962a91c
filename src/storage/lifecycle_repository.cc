// Status transitions of breaches and the officer's decisions.
#include <soci/soci.h>

#include "json/assessment_codec.h"
#include "storage/breach_row.h"
#include "storage/database.h"
#include "storage/sql_util.h"
#include "storage/workflow_repositories.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

std::string insert_decision(soci::session& s, const std::string& breach_id, const model::Decision& d) {
  std::string id = detail::new_id();
  std::string outcome(model::to_token(d.outcome));
  std::string proposal = json::assessment_to_json(d.proposal);
  int notify = d.notify_ap ? 1 : 0;
  int inform = d.inform_subjects ? 1 : 0;
  long long at = to_column(d.at);
  s << "INSERT INTO breach_decisions (id, breach_id, outcome, notify_ap, inform_subjects, reason, user_id, at, "
       "proposal) VALUES (:id, :b, :o, :n, :i, :r, :u, :a, :p)",
      soci::use(id), soci::use(breach_id), soci::use(outcome), soci::use(notify), soci::use(inform),
      soci::use(d.reason), soci::use(d.user_id), soci::use(at), soci::use(proposal);
  return id;
}

DecisionRecord decision_record(const std::string& id, const std::string& breach_id, const model::Decision& d) {
  return {id,       breach_id, d.outcome, d.notify_ap, d.inform_subjects, d.reason,
          d.user_id, d.at,      json::assessment_to_json(d.proposal)};
}

struct Row {
  std::string id, breach_id, from, to, user_id, reason;
  long long at = 0;
  std::string d_id, d_outcome, d_reason, d_user, d_proposal;
  int d_notify = 0, d_inform = 0;
  long long d_at = 0;
  soci::indicator d_ind = soci::i_null, d_outcome_ind = soci::i_null, d_reason_ind = soci::i_null,
                  d_user_ind = soci::i_null, d_proposal_ind = soci::i_null, d_notify_ind = soci::i_null,
                  d_inform_ind = soci::i_null, d_at_ind = soci::i_null;
};

Result<TransitionRecord> to_record(const Row& r) {
  auto from = model::status_from_token(r.from);
  auto to = model::status_from_token(r.to);
  if (!from || !to) return Error::internal("stored transition has an unknown status");
  TransitionRecord t{r.id, r.breach_id, *from, *to, r.user_id, from_column(r.at), r.reason, std::nullopt};
  if (r.d_ind == soci::i_ok) {
    auto outcome = r.d_outcome == "overridden" ? model::Decision::Outcome::kOverridden
                                               : model::Decision::Outcome::kAccepted;
    t.decision = DecisionRecord{r.d_id,     r.breach_id,       outcome,  r.d_notify != 0, r.d_inform != 0,
                                r.d_reason, r.d_user, from_column(r.d_at), r.d_proposal};
  }
  return t;
}

}  // namespace

Result<TransitionRecord> LifecycleRepository::record(std::string_view organisation_id,
                                                     const model::StatusChange& change) {
  TransitionRecord out{detail::new_id(), change.breach_id, change.from, change.to, change.user_id, change.at,
                       change.reason, std::nullopt};
  Status tx_status = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("record transition", [&]() -> Status {
      soci::session& s = lease.session();
      if (!detail::breach_in_organisation(s, std::string(organisation_id), change.breach_id)) {
        return Error::not_found("breach not found");
      }
      std::string decision_id;
      soci::indicator decision_ind = soci::i_null;
      if (change.decision) {
        decision_id = insert_decision(s, change.breach_id, *change.decision);
        decision_ind = soci::i_ok;
        out.decision = decision_record(decision_id, change.breach_id, *change.decision);
      }
      std::string from(model::to_token(change.from));
      std::string to(model::to_token(change.to));
      long long at = to_column(change.at);
      s << "INSERT INTO breach_transitions (id, breach_id, from_status, to_status, user_id, at, reason, decision_id) "
           "VALUES (:id, :b, :f, :t, :u, :a, :r, :d)",
          soci::use(out.id), soci::use(change.breach_id), soci::use(from), soci::use(to), soci::use(change.user_id),
          soci::use(at), soci::use(change.reason), soci::use(decision_id, decision_ind);
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  return out;
}

Result<std::vector<TransitionRecord>> LifecycleRepository::transitions(std::string_view organisation_id,
                                                                       std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list transitions", [&]() -> Result<std::vector<TransitionRecord>> {
    soci::session& s = lease.session();
    std::string org(organisation_id);
    std::string id(breach_id);
    if (!detail::breach_in_organisation(s, org, id)) return Error::not_found("breach not found");
    Row r;
    soci::statement st =
        (s.prepare << "SELECT t.id, t.breach_id, t.from_status, t.to_status, t.user_id, t.at, t.reason, d.id, "
                      "d.outcome, d.notify_ap, d.inform_subjects, d.reason, d.user_id, d.at, d.proposal "
                      "FROM breach_transitions t LEFT JOIN breach_decisions d ON d.id = t.decision_id "
                      "WHERE t.breach_id = :b ORDER BY t.at, t.id",
         soci::into(r.id), soci::into(r.breach_id), soci::into(r.from), soci::into(r.to), soci::into(r.user_id),
         soci::into(r.at), soci::into(r.reason), soci::into(r.d_id, r.d_ind), soci::into(r.d_outcome, r.d_outcome_ind),
         soci::into(r.d_notify, r.d_notify_ind), soci::into(r.d_inform, r.d_inform_ind),
         soci::into(r.d_reason, r.d_reason_ind), soci::into(r.d_user, r.d_user_ind), soci::into(r.d_at, r.d_at_ind),
         soci::into(r.d_proposal, r.d_proposal_ind), soci::use(id));
    st.execute();
    std::vector<TransitionRecord> out;
    while (st.fetch()) {
      BD_ASSIGN_OR_RETURN(TransitionRecord t, to_record(r));
      out.push_back(std::move(t));
    }
    return out;
  });
}

Result<std::optional<DecisionRecord>> LifecycleRepository::latest_decision(std::string_view organisation_id,
                                                                           std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("latest decision", [&]() -> Result<std::optional<DecisionRecord>> {
    std::string id(breach_id);
    if (!detail::breach_in_organisation(lease.session(), std::string(organisation_id), id)) {
      return Error::not_found("breach not found");
    }
    DecisionRecord d;
    std::string outcome;
    int notify = 0, inform = 0;
    long long at = 0;
    lease.session() << "SELECT id, outcome, notify_ap, inform_subjects, reason, user_id, at, proposal "
                       "FROM breach_decisions WHERE breach_id = :b ORDER BY at DESC, id DESC LIMIT 1",
        soci::use(id), soci::into(d.id), soci::into(outcome), soci::into(notify), soci::into(inform),
        soci::into(d.reason), soci::into(d.user_id), soci::into(at), soci::into(d.proposal_json);
    if (!lease.session().got_data()) return std::optional<DecisionRecord>{};
    d.breach_id = id;
    d.outcome = outcome == "overridden" ? model::Decision::Outcome::kOverridden : model::Decision::Outcome::kAccepted;
    d.notify_ap = notify != 0;
    d.inform_subjects = inform != 0;
    d.at = from_column(at);
    return std::optional<DecisionRecord>{std::move(d)};
  });
}

}  // namespace bd::storage
