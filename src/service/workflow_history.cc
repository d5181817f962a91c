// WorkflowService: the history of a breach's status — every transition with its
// decision, in the order the moves were made, and who made each one.
#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "service/workflow_service.h"
#include "storage/account_repositories.h"
#include "storage/database.h"

namespace bd::service {
namespace {

using model::BreachStatus;
using storage::TransitionRecord;

// Beyond this many moves within one second the order search is not attempted; a
// person or a script making that many moves in a second is not a case to serve.
constexpr std::size_t kMaxChainSearch = 12;

// Depth first: appends unused steps of `group` to `chain`, each starting where the
// previous one ended, until every step is used. False when no such chain exists.
bool extend_chain(const std::vector<TransitionRecord>& group, std::vector<bool>& used,
                  std::vector<std::size_t>& chain) {
  if (chain.size() == group.size()) return true;
  const BreachStatus at = group[chain.back()].to;
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (used[i] || group[i].from != at) continue;
    used[i] = true;
    chain.push_back(i);
    if (extend_chain(group, used, chain)) return true;
    used[i] = false;
    chain.pop_back();
  }
  return false;
}

// The order of the steps of one second: a chain that starts where the steps before
// ended (`start`), else at a step no other step of the group leads to, else anywhere.
// The stored order when the steps form no chain.
std::vector<std::size_t> chain_order(const std::vector<TransitionRecord>& group,
                                     std::optional<BreachStatus> start) {
  std::vector<std::size_t> stored(group.size());
  for (std::size_t i = 0; i < group.size(); ++i) stored[i] = i;
  if (group.size() < 2 || group.size() > kMaxChainSearch) return stored;
  // Pass 0: continue where the steps before ended; 1: start at a step no other step of
  // the group leads to; 2: start anywhere.
  const auto may_start = [&](int pass, std::size_t i) {
    if (pass == 0) return start.has_value() && group[i].from == *start;
    if (pass == 1) {
      return std::none_of(group.begin(), group.end(),
                          [&](const TransitionRecord& t) { return t.to == group[i].from; });
    }
    return true;
  };
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (!may_start(pass, i)) continue;
      std::vector<bool> used(group.size(), false);
      std::vector<std::size_t> chain{i};
      used[i] = true;
      if (extend_chain(group, used, chain)) return chain;
    }
  }
  return stored;
}

// The store keeps the time of a move to the second and orders moves of the same
// second by their random ids, while a decision makes two moves at one instant
// (suspected → assessing → decided). This puts each second's moves back in the order
// they followed each other.
std::vector<TransitionRecord> in_order_made(std::vector<TransitionRecord> stored) {
  std::stable_sort(stored.begin(), stored.end(),
                   [](const TransitionRecord& a, const TransitionRecord& b) { return a.at < b.at; });
  std::vector<TransitionRecord> ordered;
  ordered.reserve(stored.size());
  for (auto begin = stored.begin(); begin != stored.end();) {
    auto end =
        std::find_if(begin, stored.end(), [&](const TransitionRecord& t) { return t.at != begin->at; });
    std::vector<TransitionRecord> group(std::make_move_iterator(begin), std::make_move_iterator(end));
    std::optional<BreachStatus> start;
    if (!ordered.empty()) start = ordered.back().to;
    for (std::size_t i : chain_order(group, start)) ordered.push_back(std::move(group[i]));
    begin = end;
  }
  return ordered;
}

}  // namespace

Result<std::vector<TransitionRecord>> WorkflowService::history(const Actor& actor,
                                                               std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(model::Breach breach, load(actor, breach_id, false));
  BD_ASSIGN_OR_RETURN(std::vector<TransitionRecord> stored,
                      db_.lifecycle().transitions(actor.organisation_id, breach.id));
  return in_order_made(std::move(stored));
}

Result<std::vector<HistoryStep>> WorkflowService::status_history(const Actor& actor,
                                                                 std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(std::vector<TransitionRecord> transitions, history(actor, breach_id));
  std::map<std::string, std::string, std::less<>> names;  // user id -> e-mail, one look-up per person
  std::vector<HistoryStep> steps;
  steps.reserve(transitions.size());
  for (TransitionRecord& t : transitions) {
    auto known = names.find(t.user_id);
    if (known == names.end()) {
      auto user = db_.users().get(t.user_id);
      if (!user.ok() && user.error().kind != ErrorKind::kNotFound) return std::move(user).error();
      known = names.emplace(t.user_id, user.ok() ? user->email : std::string()).first;
    }
    steps.push_back(HistoryStep{std::move(t), known->second});
  }
  return steps;
}

}  // namespace bd::service
