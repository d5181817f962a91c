// OutboxTest: the fixture of the outbox tests — a real SQLite file with one
// organisation, a clock the test moves, messages enqueued for one breach, and an
// SmtpConfig for a loopback test server. Test-only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "notify/mail/smtp_mailer.h"
#include "storage/account_repositories.h"
#include "storage/database.h"
#include "storage/workflow_repositories.h"
#include "support/smtp_test_server.h"

namespace bd::service {

inline TimePoint at(int y, unsigned m, unsigned d, int h) {
  using namespace std::chrono;
  return TimePoint(sys_days(year(y) / month(m) / day(d)) + hours(h));
}

class OutboxTest : public ::testing::Test {
 protected:
  static constexpr const char* kBreachId = "b-outbox";  // outbox.breach_id has no foreign key

  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "bd-outbox-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    auto db = storage::open_database("sqlite:" + dir_ + "/bd.db");
    ASSERT_TRUE(db.ok()) << db.error().detail;
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->migrate().ok());
    storage::Organisation org;
    org.name = "Zorg BV";
    org.created_at = clock_.now();
    auto created = db_->organisations().create(org);
    ASSERT_TRUE(created.ok()) << created.error().detail;
    org_id_ = created->id;
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  void enqueue(int n) {
    for (int i = 0; i < n; ++i) {
      storage::OutboxMessage m;
      m.organisation_id = org_id_;
      m.breach_id = kBreachId;
      m.kind = "test";
      m.recipient = "person" + std::to_string(i) + "@example.nl";
      m.subject = "Bericht " + std::to_string(i);
      m.body_text = "Tekst " + std::to_string(i);
      m.next_attempt_at = clock_.now();
      m.created_at = clock_.now();
      ASSERT_TRUE(db_->outbox().enqueue(m).ok());
    }
  }

  // Every enqueued message as stored now.
  std::vector<storage::OutboxMessage> stored() {
    auto all = db_->outbox().list_for_breach(org_id_, kBreachId);
    EXPECT_TRUE(all.ok());
    return all.ok() ? *all : std::vector<storage::OutboxMessage>{};
  }

  notify::SmtpConfig smtp(const bd::testing::SmtpTestServer& server) {
    notify::SmtpConfig c;
    c.url = server.url();
    c.starttls = notify::StartTls::kOff;
    c.connect_timeout = std::chrono::milliseconds(2000);
    c.total_timeout = std::chrono::milliseconds(5000);
    return c;
  }

  static std::set<std::string> message_ids(const std::vector<std::string>& raw) {
    std::set<std::string> ids;
    for (const auto& m : raw) {
      auto p = m.find("Message-ID: ");
      ids.insert(m.substr(p + 12, m.find('\r', p) - p - 12));
    }
    return ids;
  }

  std::string dir_;
  ManualClock clock_{at(2026, 10, 24, 8)};
  std::unique_ptr<storage::Database> db_;
  std::string org_id_;
};

}  // namespace bd::service
