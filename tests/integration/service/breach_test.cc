#include "service_fixture.h"

namespace bd::service::testing {
namespace {

using model::Answers;
using model::BreachStatus;
using model::Value;

class BreachTest : public ServiceTest {
 protected:
  model::Breach intake(const Actor& actor, const std::string& what) {
    IntakeInput input;
    input.what_happened = what;
    input.discovered = clock_.now() - std::chrono::hours(2);
    input.reporter_phone = "+31 6 12345678";
    auto b = svc().breaches().intake(actor, input);
    EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.error().message + " " + b.error().field);
    return b.ok() ? *b : model::Breach{};
  }
};

TEST_P(BreachTest, IntakeRecordsASuspectedBreachWithTheReporter) {
  auto reporter = add_user(org_, "melder@eerste.example", Role::kReporter);
  auto b = intake(reporter, "Laptop met klantgegevens in de trein laten liggen");
  EXPECT_EQ(b.status, BreachStatus::kSuspected);
  EXPECT_EQ(b.version, 1);
  EXPECT_EQ(b.reported_by, reporter.user_id);
  EXPECT_EQ(b.title, "Laptop met klantgegevens in de trein laten liggen");
  EXPECT_EQ(std::get<std::string>(b.answers.at("breach.summary")), "Laptop met klantgegevens in de trein laten liggen");
  EXPECT_EQ(std::get<std::string>(b.answers.at("reporter.email")), "melder@eerste.example");
  EXPECT_EQ(std::get<std::string>(b.answers.at("reporter.phone")), "+31 6 12345678");
  // 1790000000 - 2h = 2026-09-21T12:13:20Z, in Amsterdam summer time.
  EXPECT_EQ(std::get<std::string>(b.answers.at("time.discovered")), "2026-09-21T14:13:20+02:00");
}

TEST_P(BreachTest, IntakeRefusesEmptyOrFutureReports) {
  IntakeInput empty;
  empty.what_happened = "   ";
  EXPECT_EQ(svc().breaches().intake(admin_, empty).error().field, "what_happened");
  IntakeInput future;
  future.what_happened = "iets";
  future.discovered = clock_.now() + std::chrono::hours(1);
  EXPECT_EQ(svc().breaches().intake(admin_, future).error().field, "discovered");
  auto page = svc().breaches().list(admin_, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
}

TEST_P(BreachTest, AnotherTenantsBreachIsNotFound) {
  auto other_org = add_org("Andere organisatie");
  auto other_admin = add_user(other_org, "admin@andere.example", Role::kAdmin);
  auto b = intake(admin_, "Mail aan verkeerde ontvanger");
  auto get = svc().breaches().get(other_admin, b.id);
  ASSERT_FALSE(get.ok());
  EXPECT_EQ(get.error().kind, ErrorKind::kNotFound);
  BreachUpdate u;
  u.expected_version = 1;
  u.title = "Overgenomen";
  EXPECT_EQ(svc().breaches().update(other_admin, b.id, u).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(svc().breaches().revisions(other_admin, b.id).error().kind, ErrorKind::kNotFound);
  auto list = svc().breaches().list(other_admin, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
  // The message does not differ from a breach that does not exist at all.
  EXPECT_EQ(get.error().message, svc().breaches().get(other_admin, "no-such-id").error().message);
}

TEST_P(BreachTest, ReporterSeesOnlyOwnReportsAndCannotEdit) {
  auto a = add_user(org_, "a@eerste.example", Role::kReporter);
  auto c = add_user(org_, "c@eerste.example", Role::kReporter);
  auto mine = intake(a, "Mijn melding");
  auto theirs = intake(c, "Andermans melding");
  auto list = svc().breaches().list(a, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].id, mine.id);
  EXPECT_TRUE(svc().breaches().get(a, mine.id).ok());
  EXPECT_EQ(svc().breaches().get(a, theirs.id).error().kind, ErrorKind::kNotFound);
  BreachUpdate u;
  u.expected_version = 1;
  u.title = "Gewijzigd";
  EXPECT_EQ(svc().breaches().update(a, mine.id, u).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(svc().breaches().update(a, theirs.id, u).error().kind, ErrorKind::kNotFound);
  auto all = svc().breaches().list(admin_, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 2);
}

TEST_P(BreachTest, AuditorReadsEverythingAndChangesNothing) {
  auto auditor = add_user(org_, "audit@eerste.example", Role::kAuditor);
  auto b = intake(admin_, "Gestolen telefoon");
  EXPECT_TRUE(svc().breaches().get(auditor, b.id).ok());
  EXPECT_TRUE(svc().breaches().revisions(auditor, b.id).ok());
  BreachUpdate u;
  u.expected_version = 1;
  u.changes["breach.incident_type"] = std::string("device_or_paper_lost_or_stolen");
  EXPECT_EQ(svc().breaches().update(auditor, b.id, u).error().kind, ErrorKind::kForbidden);
  IntakeInput input;
  input.what_happened = "iets";
  EXPECT_EQ(svc().breaches().intake(auditor, input).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(svc().breaches().create(auditor, "x", {}).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(svc().breaches().get(admin_, b.id)->version, 1);
}

TEST_P(BreachTest, StaleUpdateIsAConflictAndWritesNothing) {
  auto b = intake(admin_, "USB-stick kwijt");
  BreachUpdate first;
  first.expected_version = 1;
  first.changes["breach.incident_type"] = std::string("device_or_paper_lost_or_stolen");
  auto saved = svc().breaches().update(admin_, b.id, first);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->version, 2);

  BreachUpdate stale;
  stale.expected_version = 1;  // based on what the other officer saw
  stale.changes["breach.incident_type"] = std::string("published_by_mistake");
  stale.title = "Andere titel";
  auto conflict = svc().breaches().update(admin_, b.id, stale);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().kind, ErrorKind::kConflict);
  auto now = svc().breaches().get(admin_, b.id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->version, 2);
  EXPECT_EQ(now->title, "USB-stick kwijt");
  EXPECT_EQ(std::get<std::string>(now->answers.at("breach.incident_type")), "device_or_paper_lost_or_stolen");
  EXPECT_EQ(svc().breaches().revisions(admin_, b.id)->size(), 2u);
}

TEST_P(BreachTest, InvalidAnswersAreRefusedAndNothingIsWritten) {
  auto b = intake(admin_, "Verkeerde bijlage");
  BreachUpdate u;
  u.expected_version = 1;
  u.changes["breach.incident_type"] = std::string("not_an_option");
  auto r = svc().breaches().update(admin_, b.id, u);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(r.error().field, "breach.incident_type");
  u.changes = {{"no.such.question", std::string("x")}};
  EXPECT_EQ(svc().breaches().update(admin_, b.id, u).error().field, "no.such.question");
  u.changes = {{"subjects.count_min", std::int64_t{10}}, {"subjects.count_max", std::int64_t{5}}};
  EXPECT_EQ(svc().breaches().update(admin_, b.id, u).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(svc().breaches().get(admin_, b.id)->version, 1);
}

TEST_P(BreachTest, RevisionsListWhoChangedWhatFromWhatToWhat) {
  auto b = intake(admin_, "Phishingmail");
  clock_.advance(std::chrono::minutes(5));
  BreachUpdate u;
  u.expected_version = 1;
  u.changes["breach.incident_type"] = std::string("hacking_malware_phishing");
  u.changes["reporter.phone"] = Value{};  // clear
  u.status = BreachStatus::kAssessing;
  u.note = "Eerste beoordeling";
  ASSERT_TRUE(svc().breaches().update(admin_, b.id, u).ok());
  auto revs = svc().breaches().revisions(admin_, b.id);
  ASSERT_TRUE(revs.ok());
  ASSERT_EQ(revs->size(), 2u);
  const auto& r = revs->back();
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(r.user_id, admin_.user_id);
  EXPECT_EQ(r.user_email, "admin@eerste.example");
  EXPECT_EQ(r.note, "Eerste beoordeling");
  EXPECT_EQ(r.at, clock_.now());
  bool saw_type = false, saw_phone = false, saw_status = false;
  for (const auto& c : r.changes) {
    if (c.id == "breach.incident_type") {
      saw_type = true;
      EXPECT_TRUE(model::is_unknown(c.old_value));
      EXPECT_EQ(std::get<std::string>(c.new_value), "hacking_malware_phishing");
    } else if (c.id == "reporter.phone") {
      saw_phone = true;
      EXPECT_EQ(std::get<std::string>(c.old_value), "+31 6 12345678");
      EXPECT_TRUE(model::is_unknown(c.new_value));
    } else if (c.id == "meta.status") {
      saw_status = true;
    }
  }
  EXPECT_TRUE(saw_type && saw_phone && saw_status);
}

TEST_P(BreachTest, RegisterFiltersAndPages) {
  for (int i = 0; i < 7; ++i) intake(admin_, "Melding nummer " + std::to_string(i));
  auto target = intake(admin_, "Bijzondere zoekterm kwijtgeraakt");
  BreachUpdate u;
  u.expected_version = 1;
  u.status = BreachStatus::kAssessing;
  u.changes["breach.incident_type"] = std::string("post_lost");
  ASSERT_TRUE(svc().breaches().update(admin_, target.id, u).ok());

  RegisterQuery q;
  q.page_size = 3;
  q.page = 3;
  auto page = svc().breaches().list(admin_, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 8);
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->page_count(), 3);

  RegisterQuery text;
  text.text = "zoekterm";
  EXPECT_EQ(svc().breaches().list(admin_, text)->total, 1);
  RegisterQuery status;
  status.statuses = {BreachStatus::kAssessing};
  EXPECT_EQ(svc().breaches().list(admin_, status)->total, 1);
  RegisterQuery type;
  type.incident_type = "post_lost";
  EXPECT_EQ(svc().breaches().list(admin_, type)->total, 1);
  RegisterQuery later;
  later.discovered_from = clock_.now();
  EXPECT_EQ(svc().breaches().list(admin_, later)->total, 0);
}

TEST_P(BreachTest, DecisionsAndFilingAreNotPlainEdits) {
  auto b = intake(admin_, "Verloren dossier");
  BreachUpdate u;
  u.expected_version = 1;
  u.status = BreachStatus::kNotified;
  EXPECT_EQ(svc().breaches().update(admin_, b.id, u).error().kind, ErrorKind::kConflict);
  u.status = BreachStatus::kAssessing;
  auto assessing = svc().breaches().update(admin_, b.id, u);
  ASSERT_TRUE(assessing.ok());
  EXPECT_EQ(assessing->status, BreachStatus::kAssessing);
  u.expected_version = 2;
  u.status = BreachStatus::kSuspected;
  EXPECT_EQ(svc().breaches().update(admin_, b.id, u).error().kind, ErrorKind::kConflict);
}

BD_SERVICE_SUITE(BreachTest);

}  // namespace
}  // namespace bd::service::testing
