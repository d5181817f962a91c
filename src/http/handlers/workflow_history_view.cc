// View data of the breach page's "Decisions and status history": every move of the
// breach, oldest first, with who made it, the written reason and, for a decision, the
// proposal it was made on (read back from the stored proposal snapshot).
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "http/handlers/workflow_views.h"
#include "pages/breach_view.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

namespace bj = boost::json;
using pages::View;

bool english(const std::string& lang) {
  return lang == "en";
}

bool bool_member(const bj::object& o, std::string_view name) {
  const bj::value* v = o.if_contains(name);
  return v != nullptr && v->is_bool() && v->as_bool();
}

// The reasons of one question in the snapshot (reasons.<question>: [{code, nl, en}]),
// in the page's language.
View snapshot_reasons(const bj::object& proposal, std::string_view question, const std::string& lang) {
  View list{View::type::list};
  const bj::value* reasons = proposal.if_contains("reasons");
  if (reasons == nullptr || !reasons->is_object()) return list;
  const bj::value* of_question = reasons->as_object().if_contains(question);
  if (of_question == nullptr || !of_question->is_array()) return list;
  for (const bj::value& r : of_question->as_array()) {
    if (!r.is_object()) continue;
    const bj::value* text = r.as_object().if_contains(english(lang) ? "en" : "nl");
    if (text == nullptr || !text->is_string()) continue;
    View item{View::type::object};
    item.set("text", std::string(text->as_string()));
    list.push_back(item);
  }
  return list;
}

// What the engine proposed when the decision was made. Unset when the snapshot does
// not read as a JSON object (it is written by json::assessment_to_json, so only a
// damaged row would).
std::optional<View> snapshot_view(const std::string& proposal_json, const std::string& lang) {
  boost::system::error_code ec;
  bj::value parsed = bj::parse(proposal_json, ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  const bj::object& p = parsed.as_object();
  View v{View::type::object};
  v.set("notify_ap", bool_member(p, "notify_ap"));
  v.set("inform_subjects", bool_member(p, "inform_subjects"));
  View notify = snapshot_reasons(p, "notify_ap", lang);
  View inform = snapshot_reasons(p, "inform_subjects", lang);
  v.set("has_notify_reasons", !notify.is_empty_list());
  v.set("has_inform_reasons", !inform.is_empty_list());
  v.set("notify_reasons", notify);
  v.set("inform_reasons", inform);
  return v;
}

View step_decision(const WebContext& ctx, const std::string& lang, const storage::TransitionRecord& t) {
  const storage::DecisionRecord& d = *t.decision;
  View v{View::type::object};
  v.set("overridden", d.outcome == model::Decision::Outcome::kOverridden);
  v.set("outcome", ctx.catalog().text(lang, "workflow.outcome." + std::string(model::to_token(d.outcome))));
  v.set("notify_ap", d.notify_ap);
  v.set("inform_subjects", d.inform_subjects);
  // The move carries the decision's reason; shown once unless they differ.
  v.set("has_own_reason", d.reason != t.reason && !d.reason.empty());
  v.set("own_reason", d.reason);
  // Every key is set, so that a section never falls through to the step's keys.
  auto proposal = snapshot_view(d.proposal_json, lang);
  if (proposal) {
    v.set("proposal", *proposal);
  } else {
    v.set("proposal", false);
  }
  return v;
}

View step_view(const WebContext& ctx, const std::string& lang, const service::HistoryStep& step) {
  const storage::TransitionRecord& t = step.transition;
  View v{View::type::object};
  v.set("at", pages::display_instant(t.at, lang));
  v.set("by", step.by);
  v.set("has_by", !step.by.empty());
  v.set("from", pages::status_label(ctx.catalog(), lang, t.from));
  v.set("to", pages::status_label(ctx.catalog(), lang, t.to));
  v.set("to_token", std::string(model::to_token(t.to)));
  v.set("reason", t.reason);
  v.set("has_reason", !t.reason.empty());
  if (t.decision) {
    v.set("decision", step_decision(ctx, lang, t));
  } else {
    v.set("decision", false);
  }
  return v;
}

}  // namespace

View status_history_view(const WebContext& ctx, const std::string& lang,
                         const std::vector<service::HistoryStep>& steps) {
  View list{View::type::list};
  for (const service::HistoryStep& step : steps) list.push_back(step_view(ctx, lang, step));
  View v{View::type::object};
  v.set("steps", list);
  v.set("has_steps", !steps.empty());
  return v;
}

}  // namespace bd::http::handlers
