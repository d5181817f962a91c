// Fixture of the service integration tests: a fresh, migrated database per test (SQLite
// temp file or PostgreSQL, see tests/integration/storage/test_db.h), a ManualClock, the
// Services with the minimum argon2id cost, and helpers to create organisations and users.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "../storage/test_db.h"
#include "service/services.h"

namespace bd::service::testing {

using storage::testing::Backend;

inline constexpr const char* kPassword = "correct horse battery staple";

class ServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<storage::testing::TestDatabase>(GetParam());
    std::string skip;
    url_ = store_->prepare(skip);
    if (!skip.empty()) GTEST_SKIP() << skip;
    store_->open(url_);
    ServiceOptions options;
    options.auth.pwhash_opslimit = crypto_pwhash_OPSLIMIT_MIN;
    options.auth.pwhash_memlimit = crypto_pwhash_MEMLIMIT_MIN;
    services_ = std::make_unique<Services>(store_->db(), clock_, options);
    auto org = services_->organisations().create(system_actor(), "Eerste organisatie");
    ASSERT_TRUE(org.ok());
    org_ = org->id;
    admin_ = add_user(org_, "admin@eerste.example", Role::kAdmin);
  }
  void TearDown() override {
    services_.reset();
    store_.reset();
  }

  Services& svc() { return *services_; }
  storage::Database& db() { return store_->db(); }

  // Adds a user with kPassword and returns its Actor as a login would.
  Actor add_user(const std::string& org, const std::string& email, Role role) {
    NewUser user;
    user.organisation_id = org;
    user.email = email;
    user.display_name = "Test " + email.substr(0, email.find('@'));
    user.role = role;
    user.password = kPassword;
    auto created = services_->users().add(system_actor(org), user);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    auto actor = services_->auth().actor_by_email(system_actor(), email);
    EXPECT_TRUE(actor.ok());
    return actor.ok() ? *actor : Actor{};
  }

  std::string add_org(const std::string& name) {
    auto org = services_->organisations().create(system_actor(), name);
    EXPECT_TRUE(org.ok());
    return org.ok() ? org->id : std::string();
  }

  // Every byte the SQLite database keeps on disk (main file and WAL); empty on PostgreSQL.
  std::string sqlite_bytes() const {
    if (url_.rfind("sqlite:", 0) != 0) return {};
    std::string path = url_.substr(7);
    std::string all;
    for (const auto& p : {path, path + "-wal"}) {
      std::ifstream in(p, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  ManualClock clock_{TimePoint(std::chrono::seconds(1'790'000'000))};  // 2026-09-21
  std::unique_ptr<storage::testing::TestDatabase> store_;
  std::unique_ptr<Services> services_;
  std::string url_;
  std::string org_;
  Actor admin_;
};

#define BD_SERVICE_SUITE(Suite)                                                                           \
  INSTANTIATE_TEST_SUITE_P(Sqlite, Suite, ::testing::Values(::bd::storage::testing::Backend::kSqlite),    \
                           ::bd::storage::testing::backend_name);                                         \
  INSTANTIATE_TEST_SUITE_P(Postgres, Suite, ::testing::Values(::bd::storage::testing::Backend::kPostgres), \
                           ::bd::storage::testing::backend_name)

}  // namespace bd::service::testing
