// The care organisation's breach (seeds/000) from intake to filing: the engine proposes
// notify + inform naming the BSN and payment data, the officer accepts, the clock runs
// across the facts, filing needs the meldnummer, and the notification reads back from
// the PDF with the AP number on it.
#include <gtest/gtest.h>

#include <chrono>

#include "base/time_zone.h"
#include "model/assess/assessment.h"
#include "model/deadline.h"
#include "model/lifecycle.h"
#include "notify/ap_notification.h"
#include "pdf_text.h"

namespace bd::notify {
namespace {

using Strings = std::vector<std::string>;
using S = model::BreachStatus;

model::Breach stmg() {
  model::Breach b;
  b.id = "b-stmg";
  b.reference = "2018-0001";
  b.title = "Onbeveiligde webserver";
  b.status = S::kSuspected;
  b.answers = {{"meta.kind", std::string("initial")},
               {"meta.status", std::string("final")},
               {"org.name", std::string("STMG")},
               {"time.discovered", std::string("2018-03-28T10:00:00+02:00")},
               {"breach.nature", Strings{"confidentiality"}},
               {"breach.incident_type", std::string("authorisation_misconfigured")},
               {"data.general", Strings{"name", "address", "bsn", "financial", "birth_date_or_age", "email"}},
               {"data.special", Strings{}},
               {"subjects.groups", Strings{"customers", "employees"}},
               {"protection.measures", Strings{"none"}},
               {"followup.measures", std::string("Webserver direct offline gehaald.")},
               {"assess.recipients", std::string("unknown_number")},
               {"assess.malicious", false},
               {"assess.controller_context", std::string("care_provider")}};
  return b;
}

model::TransitionRequest step(S to, TimePoint at) {
  model::TransitionRequest r;
  r.to = to;
  r.user_id = "officer-1";
  r.at = at;
  return r;
}

TEST(NotifySeedScenario, CareOrganisationFromProposalToFiledNotification) {
  model::Breach b = stmg();
  auto proposal = model::assess::assess(b.answers);
  ASSERT_TRUE(proposal.ok());
  ASSERT_TRUE(proposal->notify_ap);
  ASSERT_TRUE(proposal->inform_subjects);
  const TimePoint monday{std::chrono::seconds{1'522'310'400}};  // 2018-03-29T08:00:00Z
  ASSERT_TRUE(model::transition(b, step(S::kAssessing, monday)).ok());
  auto decide = step(S::kDecidedNotify, monday);
  decide.decision = *model::make_decision(*proposal, true, true, "", "officer-1", monday);
  ASSERT_TRUE(model::transition(b, decide).ok());

  auto clock = model::deadline_status(b.answers, monday, 72);
  ASSERT_TRUE(clock.ok() && clock->has_value());
  EXPECT_EQ(format_iso_in_zone((*clock)->due), "2018-03-31T10:00:00+02:00");
  EXPECT_EQ(model::describe_deadline(**clock, Language::kNl), "Nog 2 dagen");

  EXPECT_EQ(model::transition(b, step(S::kNotified, monday)).error().field, "meta.ap_reference");
  b.answers["meta.ap_reference"] = std::string("M-2018-0042");
  b.answers["meta.submitted_at"] = std::string("2018-03-29T15:00:00+02:00");
  ASSERT_TRUE(model::transition(b, step(S::kNotified, monday)).ok());

  const auto doc = build_ap_notification(b, {Language::kNl, monday, nullptr, 72});
  const std::string text = pdf_to_text(*render_pdf(doc));
  for (const char* expected : {"M-2018-0042", "STMG", "Burgerservicenummer", "Definitief"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

}  // namespace
}  // namespace bd::notify
