#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/bulk_seed.h"
#include "storage/field_cipher.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

using model::Breach;
using model::BreachStatus;

constexpr long long kNow = 1772452800;  // 2026-03-02T12:00:00Z

class RegisterTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    org_ = db().organisations().create({"", "Zorggroep Oost", "", OrganisationKind::kController, at(kNow)}).value();
  }

  std::string add(const std::string& title, BreachStatus status, const std::string& type,
                  const std::string& discovered, const std::string& reporter, long long when,
                  const std::string& summary = "") {
    Breach b;
    b.organisation_id = org_.id;
    b.title = title;
    b.status = status;
    b.reported_by = reporter;
    if (!type.empty()) b.answers["breach.incident_type"] = type;
    if (!discovered.empty()) b.answers["time.discovered"] = discovered;
    if (!summary.empty()) b.answers["breach.summary"] = summary;
    auto created = db().breaches().create(b, {reporter, reporter + "@example.nl", at(when), ""});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().detail);
    return created->id;
  }

  std::vector<std::string> titles(BreachQuery q) {
    q.organisation_id = org_.id;
    auto page = db().breaches().list(q);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().detail);
    std::vector<std::string> out;
    for (const auto& s : page->items) out.push_back(s.title);
    return out;
  }

  Organisation org_;
};

TEST_P(RegisterTest, FiltersSortAndPage) {
  add("A mail", BreachStatus::kSuspected, "email_wrong_recipient", "2026-01-10T09:00:00+01:00", "u1", kNow + 1);
  add("B laptop", BreachStatus::kAssessing, "device_or_paper_lost_or_stolen", "2026-02-01", "u2", kNow + 2);
  add("C hack", BreachStatus::kNotified, "hacking_malware_phishing", "2026-02-20T23:30:00Z", "u1", kNow + 3);
  add("D onbekend", BreachStatus::kClosed, "", "", "u2", kNow + 4);

  EXPECT_EQ(titles({}), (std::vector<std::string>{"D onbekend", "C hack", "B laptop", "A mail"}));
  BreachQuery q;
  q.statuses = {BreachStatus::kSuspected, BreachStatus::kNotified};
  EXPECT_EQ(titles(q), (std::vector<std::string>{"C hack", "A mail"}));
  q = {};
  q.incident_type = "device_or_paper_lost_or_stolen";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"B laptop"}));
  q = {};
  q.discovered_from = at(1769904000);  // 2026-02-01T00:00Z, inclusive
  q.discovered_to = at(1771545600);    // 2026-02-20T00:00Z, exclusive
  EXPECT_EQ(titles(q), (std::vector<std::string>{"B laptop"}));
  q = {};
  q.reported_by = "u1";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"C hack", "A mail"}));
  q = {};
  q.sort = BreachSort::kDiscoveredAsc;
  EXPECT_EQ(titles(q), (std::vector<std::string>{"A mail", "B laptop", "C hack", "D onbekend"}));
  q.sort = BreachSort::kTitleAsc;
  q.limit = 2;
  q.offset = 1;
  EXPECT_EQ(titles(q), (std::vector<std::string>{"B laptop", "C hack"}));
  q.organisation_id = org_.id;
  auto page = db().breaches().list(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  EXPECT_EQ(page->items.front().incident_type, "device_or_paper_lost_or_stolen");
  EXPECT_EQ(page->items.front().discovered_at, at(1769904000));
  EXPECT_EQ(page->items.back().discovered_at, at(1771630200));
  q.limit = 0;
  EXPECT_EQ(db().breaches().list(q).error().kind, ErrorKind::kInvalidInput);
}

TEST_P(RegisterTest, SearchIsLiteralCaseInsensitiveAndStoresTextVerbatim) {
  const std::string script = "<script>alert('x')</script>";
  add("100% zeker_niet", BreachStatus::kSuspected, "", "", "u1", kNow);
  add("1000 zeker niet", BreachStatus::kSuspected, "", "", "u1", kNow + 1);
  add("Robert'); DROP TABLE breaches;--", BreachStatus::kSuspected, "", "", "u1", kNow + 2, script);
  add("ÉÉN CLIËNT", BreachStatus::kSuspected, "", "", "u1", kNow + 3, "Back\\slash");

  BreachQuery q;
  q.text = "0%";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"100% zeker_niet"}));
  q.text = "r_n";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"100% zeker_niet"}));
  q.text = "drop table";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Robert'); DROP TABLE breaches;--"}));
  q.text = "<SCRIPT>";
  EXPECT_EQ(titles(q).size(), 1u);
  q.text = "één cliënt";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"ÉÉN CLIËNT"}));
  q.text = "k\\s";
  EXPECT_EQ(titles(q), (std::vector<std::string>{"ÉÉN CLIËNT"}));
  q.text = "2026-000";  // references are searched too
  EXPECT_EQ(titles(q).size(), 4u);

  q = {};
  q.organisation_id = org_.id;
  q.text = "drop";
  auto page = db().breaches().list(q).value();
  auto stored = db().breaches().get(org_.id, page.items.at(0).id).value();
  EXPECT_EQ(stored.title, "Robert'); DROP TABLE breaches;--");
  EXPECT_EQ(stored.answers.at("breach.summary"), model::Value{script});
}

TEST_P(RegisterTest, ConcurrentWritersDoNotFail) {
  std::string shared = add("Gedeeld", BreachStatus::kSuspected, "", "", "u1", kNow);
  std::atomic<int> failures{0};
  std::atomic<int> conflicts{0};
  auto writer = [&](int n) {
    for (int i = 0; i < 25; ++i) {
      Breach b;
      b.organisation_id = org_.id;
      b.title = "Thread " + std::to_string(n) + " #" + std::to_string(i);
      auto created = db().breaches().create(b, {"u", "u@example.nl", at(kNow + i), ""});
      if (!created.ok()) ++failures;
      auto current = db().breaches().get(org_.id, shared);
      if (!current.ok()) {
        ++failures;
        continue;
      }
      Breach edit = current.value();
      edit.answers["data.records"] = std::int64_t{n * 1000 + i};
      auto saved = db().breaches().update(edit, current->version, {"u", "u@example.nl", at(kNow + i), ""});
      if (!saved.ok()) (saved.error().kind == ErrorKind::kConflict ? conflicts : failures)++;
      if (!db().throttle().record_failure("ip:192.0.2.7", at(kNow + i)).ok()) ++failures;
    }
  };
  std::thread a(writer, 1);
  std::thread b(writer, 2);
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  BreachQuery q;
  q.organisation_id = org_.id;
  EXPECT_EQ(db().breaches().list(q).value().total, 51);
  auto final_state = db().breaches().get(org_.id, shared).value();
  auto revs = db().breaches().revisions(org_.id, shared).value();
  EXPECT_EQ(final_state.version, static_cast<std::int64_t>(revs.size()));
  EXPECT_EQ(final_state.version, 1 + 50 - conflicts.load());
  EXPECT_EQ(db().throttle().get("ip:192.0.2.7").value().failures, 50);
}

TEST_P(RegisterTest, BulkSeedFillsTheRegister) {
  BulkSeedOptions options{org_.id, "u1", 3000, 7, at(kNow)};
  auto seeded = seed_breaches(db(), options);
  ASSERT_TRUE(seeded.ok()) << seeded.error().detail;
  EXPECT_EQ(seeded.value(), 3000);
  BreachQuery q;
  q.organisation_id = org_.id;
  auto all = db().breaches().list(q).value();
  EXPECT_EQ(all.total, 3000);
  EXPECT_FALSE(all.total_capped);
  EXPECT_EQ(all.items.size(), 50u);
  q.count_cap = 1000;  // large registers: "more than 1,000", and the pages still work
  q.offset = 2950;
  auto capped = db().breaches().list(q).value();
  EXPECT_EQ(capped.total, 1000);
  EXPECT_TRUE(capped.total_capped);
  EXPECT_EQ(capped.items.size(), 50u);
  q.count_cap = 0;
  q.offset = 0;
  q.statuses = {BreachStatus::kNotified};
  auto notified = db().breaches().list(q).value();
  EXPECT_GT(notified.total, 200);
  EXPECT_LT(notified.total, 700);
  auto one = db().breaches().get(org_.id, all.items.front().id);
  ASSERT_TRUE(one.ok());
  EXPECT_TRUE(one->answers.contains("time.discovered"));
  EXPECT_EQ(seed_breaches(db(), {"", "", 1, 1, at(kNow)}).error().kind, ErrorKind::kInvalidInput);
}

// Seals by reversing and prefixing, so a test can see what reaches the database.
class ReversingCipher final : public FieldCipher {
 public:
  std::string seal(PersonalField, std::string_view plain) const override {
    return "rev:" + std::string(plain.rbegin(), plain.rend());
  }
  Result<std::string> open(PersonalField, std::string_view stored) const override {
    if (!stored.starts_with("rev:")) return Error::internal("not sealed");
    stored.remove_prefix(4);
    return std::string(stored.rbegin(), stored.rend());
  }
  std::string blind_index(PersonalField, std::string_view normalised) const override {
    return "idx:" + std::string(normalised);
  }
};

TEST_P(RegisterTest, PersonalFieldsPassTheCipher) {
  db().set_cipher(std::make_unique<ReversingCipher>());
  User u{"", org_.id, "Piet@Example.nl", "Piet Puk", "reporter", "", "nl", false, at(kNow)};
  ASSERT_TRUE(db().users().create(u).ok());
  Breach b;
  b.organisation_id = org_.id;
  b.title = "Met contact";
  b.answers["contact.name"] = std::string("Fenna Groot");
  b.answers["breach.summary"] = std::string("geen persoonsgegevens");
  auto created = db().breaches().create(b, {"u", "piet@example.nl", at(kNow), ""});
  ASSERT_TRUE(created.ok()) << created.error().detail;

  auto lease = db().lease();
  ASSERT_TRUE(lease.ok());
  std::string email, name, key, answers;
  lease->session() << "SELECT email, display_name, email_key FROM users", soci::into(email), soci::into(name),
      soci::into(key);
  lease->session() << "SELECT answers FROM breaches", soci::into(answers);
  EXPECT_EQ(email, "rev:ln.elpmaxE@teiP");
  EXPECT_EQ(name, "rev:kuP teiP");
  EXPECT_EQ(key, "idx:piet@example.nl");
  EXPECT_EQ(answers.find("Fenna"), std::string::npos);
  EXPECT_NE(answers.find("rev:toorG anneF"), std::string::npos) << answers;
  EXPECT_NE(answers.find("geen persoonsgegevens"), std::string::npos);

  EXPECT_EQ(db().users().find_by_email("PIET@example.nl").value().display_name, "Piet Puk");
  EXPECT_EQ(db().breaches().get(org_.id, created->id).value().answers.at("contact.name"),
            model::Value{std::string("Fenna Groot")});
  auto revs = db().breaches().revisions(org_.id, created->id).value();
  EXPECT_EQ(revs.at(0).user_email, "piet@example.nl");
}

BD_STORAGE_SUITE(RegisterTest);

}  // namespace
}  // namespace bd::storage::testing
