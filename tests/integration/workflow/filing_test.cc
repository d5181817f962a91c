// Filing the AP notification: the 72-hour clock, the late reason, frozen lateness,
// follow-ups linked to the previous meldnummer, the deadlines and the calendar feed.
#include "workflow_fixture.h"

namespace bd::service::testing {
namespace {

using model::BreachStatus;

class FilingTest : public WorkflowTest {
 protected:
  // The care breach decided "notify", with an initial notification prepared.
  std::pair<model::Breach, storage::ApNotificationRecord> decided(int hours_ago) {
    auto b = care_breach(hours_ago);
    DecideInput in;
    in.expected_version = b.version;
    auto d = wf().decide(officer_, b.id, in);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
    auto n = wf().prepare_notification(officer_, b.id, {});
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error().message);
    return {d.ok() ? *d : b, n.ok() ? *n : storage::ApNotificationRecord{}};
  }
};

TEST_P(FilingTest, FilingInTimeMovesToNotifiedAndStopsTheClock) {
  auto [b, n] = decided(2);
  EXPECT_EQ(n.version, 1);
  EXPECT_EQ(n.kind, "initial");
  FilingInput f{b.version, "M-2026-0042", clock_.now() - std::chrono::minutes(5), ""};
  auto filed = wf().file_notification(officer_, n.id, f);
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  EXPECT_EQ(filed->meldnummer, "M-2026-0042");
  auto view = wf().assessment(officer_, b.id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->breach.status, BreachStatus::kNotified);
  ASSERT_TRUE(view->deadline.has_value());
  EXPECT_FALSE(view->deadline->overdue);
  EXPECT_TRUE(view->deadline->filed_at.has_value());
  // Filing again is refused.
  f.expected_version = view->breach.version;
  EXPECT_EQ(wf().file_notification(officer_, n.id, f).error().kind, ErrorKind::kConflict);
}

TEST_P(FilingTest, LateFilingNeedsAReasonAndLatenessIsFrozen) {
  auto [b, n] = decided(80);  // 8 hours overdue
  FilingInput f{b.version, "M-2026-0099", clock_.now(), ""};
  auto refused = wf().file_notification(officer_, n.id, f);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(refused.error().field, "time.late_reason");
  EXPECT_EQ(svc().breaches().get(officer_, b.id)->status, BreachStatus::kDecidedNotify);

  f.late_reason = "De verwerker meldde het lek pas na drie dagen volledig";
  auto filed = wf().file_notification(officer_, n.id, f);
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  auto before = wf().assessment(officer_, b.id);
  ASSERT_TRUE(before.ok() && before->deadline);
  EXPECT_TRUE(before->deadline->filed_late);
  EXPECT_EQ(before->deadline->time_left, -std::chrono::hours(8));
  clock_.advance(std::chrono::hours(48));
  auto after = wf().assessment(officer_, b.id);
  ASSERT_TRUE(after.ok() && after->deadline);
  EXPECT_EQ(after->deadline->time_left, -std::chrono::hours(8));  // frozen at filing
}

TEST_P(FilingTest, EditsAfterFilingDoNotMoveTheFrozenClock) {
  auto [b, n] = decided(80);
  FilingInput f{b.version, "M-2026-0100", clock_.now(), "Pas na drie dagen volledig bekend"};
  ASSERT_TRUE(wf().file_notification(officer_, n.id, f).ok());
  auto filed = svc().breaches().get(officer_, b.id);
  ASSERT_TRUE(filed.ok());
  // The officer later corrects the awareness time and clears the late reason: a
  // revision of the answers, not of what was filed.
  BreachUpdate edit;
  edit.expected_version = filed->version;
  edit.changes["time.discovered"] = format_iso_in_zone(clock_.now() - std::chrono::hours(2));
  edit.changes["time.late_reason"] = std::monostate{};
  ASSERT_TRUE(svc().breaches().update(officer_, b.id, edit).ok());
  clock_.advance(std::chrono::hours(5));
  auto view = wf().assessment(officer_, b.id);
  ASSERT_TRUE(view.ok() && view->deadline);
  EXPECT_EQ(view->deadline->time_left, -std::chrono::hours(8));
  EXPECT_TRUE(view->deadline->filed_late);
  EXPECT_TRUE(view->deadline->has_late_reason) << "the reason given at filing stays on record";
  EXPECT_FALSE(view->deadline->needs_late_reason);
  auto list = wf().deadlines(officer_);
  ASSERT_TRUE(list.ok() && list->size() == 1u);
  ASSERT_TRUE((*list)[0].deadline.has_value());
  EXPECT_EQ((*list)[0].deadline->time_left, -std::chrono::hours(8));
  EXPECT_FALSE((*list)[0].pending);
}

TEST_P(FilingTest, FilingNeedsAMeldnummerAndTheCurrentVersion) {
  auto [b, n] = decided(2);
  FilingInput f{b.version, " ", clock_.now(), ""};
  EXPECT_EQ(wf().file_notification(officer_, n.id, f).error().field, "meldnummer");
  f.meldnummer = "M-1";
  f.expected_version = b.version - 1;
  EXPECT_EQ(wf().file_notification(officer_, n.id, f).error().kind, ErrorKind::kConflict);
  f.expected_version = b.version;
  f.submitted_at = clock_.now() + std::chrono::hours(1);
  EXPECT_EQ(wf().file_notification(officer_, n.id, f).error().field, "submitted_at");
  EXPECT_EQ(wf().file_notification(auditor_, n.id, FilingInput{b.version, "M-1", clock_.now(), ""}).error().kind,
            ErrorKind::kForbidden);
}

TEST_P(FilingTest, FollowUpIsLinkedToThePreviousMeldnummerAndShowsChanges) {
  auto [b, n] = decided(2);
  EXPECT_EQ(wf().prepare_notification(officer_, b.id, {notify::NotificationKind::kSupplement, {}}).error().kind,
            ErrorKind::kConflict);  // nothing filed yet
  ASSERT_TRUE(wf().file_notification(officer_, n.id, {b.version, "M-2026-0042", clock_.now(), ""}).ok());
  auto current = svc().breaches().get(officer_, b.id);
  ASSERT_TRUE(current.ok());
  BreachUpdate u;
  u.expected_version = current->version;
  u.changes["followup.measures"] = std::string("Webserver offline; wachtwoorden gereset.");
  ASSERT_TRUE(svc().breaches().update(officer_, b.id, u).ok());
  auto changes = wf().changes_since_last_notification(officer_, b.id, model::Language::kNl);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  ASSERT_TRUE(changes->baseline.has_value());
  EXPECT_EQ(changes->baseline->meldnummer, "M-2026-0042");
  ASSERT_EQ(changes->changes.size(), 1u);
  EXPECT_EQ(changes->changes[0].id, "followup.measures");

  auto supplement = wf().prepare_notification(officer_, b.id, {notify::NotificationKind::kSupplement,
                                                                notify::NotificationStatus::kFinal});
  ASSERT_TRUE(supplement.ok()) << supplement.error().message;
  EXPECT_EQ(supplement->version, 2);
  EXPECT_EQ(supplement->previous_id, n.id);
  EXPECT_EQ(std::get<std::string>(supplement->answers.at("meta.previous")), "M-2026-0042");
  auto doc = wf().notification_document(officer_, supplement->id, model::Language::kNl);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->previous, "M-2026-0042");
  EXPECT_FALSE(doc->changes.empty());
  auto json = wf().notification_json(auditor_, supplement->id);
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("M-2026-0042"), std::string::npos);
  auto list = wf().notifications(auditor_, b.id);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 2u);
}

TEST_P(FilingTest, DeadlinesAreSortedByTimeLeftOverdueFirst) {
  auto soon = care_breach(60);
  auto late = care_breach(80);
  auto fresh = care_breach(1);
  auto list = wf().deadlines(auditor_);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].breach_id, late.id);
  EXPECT_TRUE((*list)[0].deadline->overdue);
  EXPECT_EQ((*list)[1].breach_id, soon.id);
  EXPECT_EQ((*list)[2].breach_id, fresh.id);
  auto other = add_user(add_org("Andere organisatie"), "fg@andere.example", Role::kPrivacyOfficer);
  EXPECT_TRUE(wf().deadlines(other)->empty());
}

TEST_P(FilingTest, CalendarFeedByTokenShowsTheOrganisationsDeadlines) {
  auto b = care_breach(2);
  EXPECT_FALSE(*wf().has_calendar_token(officer_));
  auto token = wf().calendar_token(officer_);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_TRUE(*wf().has_calendar_token(officer_));
  auto feed = wf().calendar_feed(*token, "https://breachdesk.example");
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  EXPECT_NE(feed->find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(feed->find("ap-" + b.id + "@breachdesk"), std::string::npos);
  EXPECT_NE(feed->find("AP-melding uiterlijk"), std::string::npos);
  // 70 hours after now (1790000000 + 70 h) in UTC.
  EXPECT_NE(feed->find("DTSTART:20260924"), std::string::npos);
  // Rotating invalidates the old token; an unknown token is not found.
  auto rotated = wf().calendar_token(officer_);
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(wf().calendar_feed(*token, "").error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(wf().calendar_feed(*rotated, "").ok());
  EXPECT_EQ(wf().calendar_feed("bdcal_nonsense", "").error().kind, ErrorKind::kNotFound);
  auto reporter = add_user(org_, "melder@zorg.example", Role::kReporter);
  EXPECT_EQ(wf().calendar_token(reporter).error().kind, ErrorKind::kForbidden);
}

BD_WORKFLOW_SUITE(FilingTest);

}  // namespace
}  // namespace bd::service::testing
