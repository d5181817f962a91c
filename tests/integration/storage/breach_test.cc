#include <gtest/gtest.h>

#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

using model::Answers;
using model::Breach;
using model::BreachStatus;

// 2026-03-02T12:00:00Z
constexpr long long kNow = 1772452800;

class BreachTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    org_ = db().organisations().create({"", "Zorggroep Oost", "", OrganisationKind::kController, at(kNow)}).value();
    other_ = db().organisations().create({"", "Ander", "", OrganisationKind::kController, at(kNow)}).value();
  }

  Breach draft(const std::string& title, Answers answers = {}) {
    Breach b;
    b.organisation_id = org_.id;
    b.title = title;
    b.answers = std::move(answers);
    b.reported_by = "user-1";
    return b;
  }

  Breach create(Breach b, long long when = kNow) {
    auto created = db().breaches().create(std::move(b), author(when));
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().detail);
    return created.value();
  }

  static ChangeAuthor author(long long when, const std::string& user = "user-1") {
    return {user, user + "@example.nl", at(when), ""};
  }

  Organisation org_;
  Organisation other_;
};

TEST_P(BreachTest, CreateAndGetRoundTripEveryValueType) {
  Answers answers{{"breach.incident_type", std::string("hacking_malware_phishing")},
                  {"breach.nature", std::vector<std::string>{"confidentiality", "integrity"}},
                  {"subjects.count_known", false},
                  {"subjects.count_min", std::int64_t{1000}},
                  {"assess.restore_hours", 2.5},
                  {"time.discovered", std::string("2018-03-28T10:00:00+02:00")},
                  {"reporter.name", std::string("Jan \"JJ\" Jansen")},
                  {"assess.malicious", model::Value{}}};
  Breach b = create(draft("Onbeveiligde webserver", answers));
  EXPECT_EQ(b.version, 1);
  EXPECT_EQ(b.reference, "2026-0001");
  EXPECT_EQ(create(draft("Tweede")).reference, "2026-0002");

  auto got = db().breaches().get(org_.id, b.id);
  ASSERT_TRUE(got.ok()) << got.error().detail;
  answers.erase("assess.malicious");  // unknown == absent
  EXPECT_EQ(got->answers, answers);
  EXPECT_EQ(got->title, "Onbeveiligde webserver");
  EXPECT_EQ(got->status, BreachStatus::kSuspected);
  EXPECT_EQ(got->reported_by, "user-1");
  EXPECT_EQ(got->created_at, at(kNow));
  EXPECT_EQ(got->updated_at, at(kNow));

  Breach dup = draft("Dubbel");
  dup.reference = "2026-0001";
  EXPECT_EQ(db().breaches().create(dup, author(kNow)).error().kind, ErrorKind::kConflict);
  Breach orphan = draft("Wees");
  orphan.organisation_id = "missing";
  EXPECT_EQ(db().breaches().create(orphan, author(kNow)).error().kind, ErrorKind::kConflict);
}

TEST_P(BreachTest, StaleVersionIsAConflictAndWritesNothing) {
  Breach b = create(draft("Laptop kwijt"));
  Breach mine = b;
  mine.answers["breach.summary"] = std::string("Laptop in de trein laten liggen");
  auto saved = db().breaches().update(mine, 1, author(kNow + 60, "user-2"));
  ASSERT_TRUE(saved.ok()) << saved.error().detail;
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->updated_at, at(kNow + 60));

  Breach theirs = b;  // still based on version 1
  theirs.title = "Laptop gestolen";
  theirs.status = BreachStatus::kAssessing;
  auto stale = db().breaches().update(theirs, 1, author(kNow + 120, "user-3"));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);

  auto now = db().breaches().get(org_.id, b.id).value();
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.title, "Laptop kwijt");
  EXPECT_EQ(now.status, BreachStatus::kSuspected);
  EXPECT_EQ(db().breaches().revisions(org_.id, b.id).value().size(), 2u);

  // Saving without a change writes nothing.
  auto same = db().breaches().update(now, 2, author(kNow + 180));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version, 2);
  EXPECT_EQ(db().breaches().revisions(org_.id, b.id).value().size(), 2u);
}

TEST_P(BreachTest, RevisionsRecordWhoWhenAndOldAndNewValues) {
  Breach b = create(draft("Mail aan verkeerde ontvanger", {{"data.records", std::int64_t{10}}}));
  Breach next = b;
  next.answers["data.records"] = std::int64_t{12};
  next.answers["contact.email"] = std::string("fg@example.nl");
  next.status = BreachStatus::kAssessing;
  ChangeAuthor who = author(kNow + 3600, "user-9");
  who.note = "aantal gecorrigeerd";
  ASSERT_TRUE(db().breaches().update(next, 1, who).ok());

  auto revs = db().breaches().revisions(org_.id, b.id);
  ASSERT_TRUE(revs.ok()) << revs.error().detail;
  ASSERT_EQ(revs->size(), 2u);
  const auto& first = revs->at(0);
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.user_email, "user-1@example.nl");
  ASSERT_EQ(first.changes.size(), 3u);  // data.records, meta.status, meta.title
  EXPECT_EQ(first.changes[0].id, "data.records");
  EXPECT_TRUE(model::is_unknown(first.changes[0].old_value));

  const auto& second = revs->at(1);
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.user_id, "user-9");
  EXPECT_EQ(second.at, at(kNow + 3600));
  EXPECT_EQ(second.note, "aantal gecorrigeerd");
  ASSERT_EQ(second.changes.size(), 3u);
  EXPECT_EQ(second.changes[0].id, "contact.email");
  EXPECT_EQ(second.changes[0].new_value, model::Value{std::string("fg@example.nl")});
  EXPECT_EQ(second.changes[1].id, "data.records");
  EXPECT_EQ(second.changes[1].old_value, model::Value{std::int64_t{10}});
  EXPECT_EQ(second.changes[1].new_value, model::Value{std::int64_t{12}});
  EXPECT_EQ(second.changes[2].id, "meta.status");
  EXPECT_EQ(second.changes[2].old_value, model::Value{std::string("suspected")});
  EXPECT_EQ(second.changes[2].new_value, model::Value{std::string("assessing")});
}

TEST_P(BreachTest, AnotherOrganisationsBreachIsNotFound) {
  Breach b = create(draft("Intern"));
  EXPECT_EQ(db().breaches().get(other_.id, b.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(db().breaches().revisions(other_.id, b.id).error().kind, ErrorKind::kNotFound);
  Breach hijack = b;
  hijack.organisation_id = other_.id;
  hijack.title = "Overgenomen";
  EXPECT_EQ(db().breaches().update(hijack, 1, author(kNow)).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(db().breaches().get(org_.id, b.id).value().title, "Intern");
  BreachQuery q;
  q.organisation_id = other_.id;
  EXPECT_EQ(db().breaches().list(q).value().total, 0);
}

TEST_P(BreachTest, TransactionRollsBackEveryWrite) {
  Status status = db().transaction([&]() -> Status {
    auto b = db().breaches().create(draft("Binnen transactie"), author(kNow));
    if (!b.ok()) return b.error();
    return Error::invalid("x", "abort");
  });
  EXPECT_EQ(status.error().kind, ErrorKind::kInvalidInput);
  BreachQuery q;
  q.organisation_id = org_.id;
  EXPECT_EQ(db().breaches().list(q).value().total, 0);
}

BD_STORAGE_SUITE(BreachTest);

}  // namespace
}  // namespace bd::storage::testing
