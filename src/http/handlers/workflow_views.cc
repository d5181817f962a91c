#include "http/handlers/workflow_views.h"

#include <cstdio>

#include "model/form_schema.h"
#include "pages/breach_view.h"
#include "pages/form_view.h"
#include "pages/local_time.h"

namespace bd::http::handlers {
namespace {

using model::BreachStatus;
using pages::View;

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

bool english(const std::string& lang) { return lang == "en"; }

View reasons_view(const std::vector<model::assess::Reason>& reasons, const std::string& lang) {
  View list{View::type::list};
  for (const auto& r : reasons) {
    View item{View::type::object};
    item.set("code", std::string(r.code));
    item.set("text", std::string(english(lang) ? r.en : r.nl));
    list.push_back(item);
  }
  return list;
}

View severity_view(const WebContext& ctx, const std::string& lang, const model::assess::Assessment& a) {
  View s{View::type::object};
  s.set("dpc", std::to_string(a.dpc));
  s.set("dpc_base", std::to_string(a.dpc_base));
  s.set("dpc_adjusted", a.dpc != a.dpc_base);
  s.set("dpc_adjustment", std::string(english(lang) ? a.dpc_adjustment_reason.en : a.dpc_adjustment_reason.nl));
  s.set("ei", number(a.ei));
  s.set("cb", number(a.cb.total()));
  s.set("score", number(a.score));
  s.set("band", ctx.catalog().text(lang, "workflow.band." + std::string(model::assess::to_token(a.band))));
  s.set("band_token", std::string(model::assess::to_token(a.band)));
  s.set("more_than_100", a.flags.more_than_100);
  s.set("unintelligible", a.flags.unintelligible);
  return s;
}

// Each unknown that matters, linked to its question on its chapter page when the
// person may fill it in.
View unknowns_view(const std::string& lang, const service::AssessmentView& av) {
  View unknowns{View::type::list};
  for (std::string_view id : av.proposal.unknowns_that_matter) {
    const model::Question* q = model::find_question(id);
    View item{View::type::object};
    item.set("id", std::string(id));
    item.set("label", q ? std::string(q->label(pages::to_language(lang))) : std::string(id));
    if (q != nullptr && av.can_edit) {
      item.set("href", "/breaches/" + av.breach.id + "/chapters/" + std::to_string(q->chapter) + "#" +
                           pages::question_anchor(id));
    }
    unknowns.push_back(item);
  }
  return unknowns;
}

View proposal_view(const WebContext& ctx, const std::string& lang, const service::AssessmentView& av) {
  const model::assess::Assessment& a = av.proposal;
  View p{View::type::object};
  p.set("notify_ap", a.notify_ap);
  p.set("inform_subjects", a.inform_subjects);
  p.set("public_notice", a.public_notice_required);
  p.set("notify_controllers", a.notify_controllers);
  p.set("risk", ctx.catalog().text(lang, "workflow.risk." + std::string(model::assess::to_token(a.risk))));
  p.set("severity", severity_view(ctx, lang, a));
  p.set("notify_reasons", reasons_view(a.notify_reasons, lang));
  p.set("inform_reasons", reasons_view(a.inform_reasons, lang));
  View exemptions{View::type::list};
  for (const auto& e : a.exemptions) {
    View item{View::type::object};
    item.set("code", std::string(e.code));
    item.set("text", std::string(english(lang) ? e.en : e.nl));
    exemptions.push_back(item);
  }
  p.set("exemptions", exemptions);
  p.set("has_exemptions", !a.exemptions.empty());
  p.set("unknowns", unknowns_view(lang, av));
  p.set("has_unknowns", !a.unknowns_that_matter.empty());
  p.set("engine_version", std::string(a.engine_version) + " / " + std::string(a.config_version));
  return p;
}

View decision_view(const WebContext& ctx, const std::string& lang, const storage::DecisionRecord& d) {
  View v{View::type::object};
  v.set("overridden", d.outcome == model::Decision::Outcome::kOverridden);
  v.set("outcome", ctx.catalog().text(lang, "workflow.outcome." + std::string(model::to_token(d.outcome))));
  v.set("notify_ap", d.notify_ap);
  v.set("inform_subjects", d.inform_subjects);
  v.set("reason", d.reason);
  v.set("at", pages::display_instant(d.at, lang));
  return v;
}

View next_view(const WebContext& ctx, const std::string& lang, const std::vector<BreachStatus>& next,
               BreachStatus current) {
  View list{View::type::list};
  for (BreachStatus s : next) {
    View item{View::type::object};
    item.set("value", std::string(model::to_token(s)));
    const bool reopen = s == BreachStatus::kAssessing && current != BreachStatus::kSuspected;
    item.set("label", ctx.catalog().text(lang, reopen ? "workflow.reopen" : "workflow.to." + std::string(model::to_token(s))));
    item.set("needs_reason", reopen);
    list.push_back(item);
  }
  return list;
}

}  // namespace

std::optional<std::int64_t> version_of(const Params& form) { return parse_version(field(form, "version")); }

View deadline_view(const std::string& lang, const model::DeadlineStatus& status) {
  View d{View::type::object};
  const model::Language language = pages::to_language(lang);
  d.set("due", pages::display_instant(status.due, lang) + " (Europe/Amsterdam)");
  d.set("due_iso", pages::instant_to_iso(status.due));
  d.set("text", model::describe_deadline(status, language));
  d.set("overdue", status.overdue);
  d.set("filed", status.filed_at.has_value());
  d.set("needs_late_reason", status.needs_late_reason);
  d.set("hours", std::to_string(status.length.count()));
  return d;
}

View workflow_panel(const WebContext& ctx, const std::string& lang, const service::AssessmentView& av) {
  View w{View::type::object};
  w.set("breach_id", av.breach.id);
  w.set("version", std::to_string(av.breach.version));
  w.set("proposal", proposal_view(ctx, lang, av));
  if (av.deadline) w.set("deadline", deadline_view(lang, *av.deadline));
  w.set("processor", av.proposal.notify_controllers);  // set only for a processor (Art. 33(2))
  if (av.decision) w.set("decision", decision_view(ctx, lang, *av.decision));
  w.set("can_decide", av.can_decide);
  w.set("next", next_view(ctx, lang, av.next, av.breach.status));
  w.set("has_next", !av.next.empty());
  w.set("notification_href", "/breaches/" + av.breach.id + "/notification");
  return w;
}

View deadline_row(const WebContext& ctx, const std::string& lang, const service::DeadlineEntry& entry) {
  View r{View::type::object};
  r.set("href", "/breaches/" + entry.breach_id);
  r.set("reference", entry.reference);
  r.set("title", entry.title);
  r.set("status", pages::status_label(ctx.catalog(), lang, entry.status));
  r.set("status_token", std::string(model::to_token(entry.status)));
  if (entry.deadline) r.set("deadline", deadline_view(lang, *entry.deadline));
  // Red only while the notification is still to be filed; a late filing is history.
  r.set("late", entry.pending && entry.deadline && entry.deadline->overdue);
  r.set("pending", entry.pending);
  return r;
}

View notification_row(const WebContext& ctx, const std::string& lang, const storage::ApNotificationRecord& record) {
  View r{View::type::object};
  r.set("id", record.id);
  r.set("version", std::to_string(record.version));
  r.set("kind", ctx.catalog().text(lang, "workflow.kind." + record.kind));
  r.set("status", ctx.catalog().text(lang, "workflow.nstatus." + record.status));
  r.set("meldnummer", record.meldnummer);
  r.set("filed", !record.meldnummer.empty());
  r.set("submitted_at", record.submitted_at ? pages::display_instant(*record.submitted_at, lang) : std::string());
  r.set("created_at", pages::display_instant(record.created_at, lang));
  r.set("view_href", "/notifications/" + record.id);
  r.set("print_href", "/notifications/" + record.id + "/print");
  r.set("pdf_href", "/notifications/" + record.id + "/pdf");
  r.set("json_href", "/notifications/" + record.id + "/json");
  r.set("filing_action", "/notifications/" + record.id + "/filing");
  auto prev = record.answers.find("meta.previous");
  if (prev != record.answers.end()) {
    if (const auto* s = std::get_if<std::string>(&prev->second)) r.set("previous", *s);
  }
  return r;
}

}  // namespace bd::http::handlers
