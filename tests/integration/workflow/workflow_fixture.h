// Fixture of the workflow integration tests: a fresh, migrated database per test
// (SQLite temp file or PostgreSQL, see tests/integration/storage/test_db.h), a
// ManualClock, the Services with the minimum argon2id cost, users of every role and
// the care organisation's breach of the seed (seeds/000) as the officer enters it.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>

#include <memory>
#include <string>
#include <vector>

#include "../storage/test_db.h"
#include "base/time_zone.h"
#include "service/services.h"

namespace bd::service::testing {

using storage::testing::Backend;

class WorkflowTest : public ::testing::TestWithParam<Backend> {
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
    org_ = add_org("Zorggroep Oost");
    officer_ = add_user(org_, "fg@zorg.example", Role::kPrivacyOfficer);
    auditor_ = add_user(org_, "audit@zorg.example", Role::kAuditor);
  }
  void TearDown() override {
    services_.reset();
    store_.reset();
  }

  Services& svc() { return *services_; }
  WorkflowService& wf() { return services_->workflow(); }

  std::string add_org(const std::string& name) {
    auto org = services_->organisations().create(system_actor(), name);
    EXPECT_TRUE(org.ok());
    return org.ok() ? org->id : std::string();
  }

  Actor add_user(const std::string& org, const std::string& email, Role role) {
    NewUser user;
    user.organisation_id = org;
    user.email = email;
    user.display_name = "Test " + email.substr(0, email.find('@'));
    user.role = role;
    user.password = "correct horse battery staple";
    auto created = services_->users().add(system_actor(org), user);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    auto actor = services_->auth().actor_by_email(system_actor(), email);
    EXPECT_TRUE(actor.ok());
    return actor.ok() ? *actor : Actor{};
  }

  // The care organisation's breach (seeds/000): a misconfigured web server exposed
  // names, addresses, BSNs and payment data; discovered `hours_ago` hours before now.
  model::Breach care_breach(int hours_ago = 2) {
    using Strings = std::vector<std::string>;
    model::Answers a{
        {"org.name", std::string("Zorggroep Oost")},
        {"time.discovered", format_iso_in_zone(clock_.now() - std::chrono::hours(hours_ago))},
        {"breach.summary", std::string("Onbeveiligde webserver met cliëntgegevens")},
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
    auto b = svc().breaches().create(officer_, "Onbeveiligde webserver", a);
    EXPECT_TRUE(b.ok()) << (b.ok() ? "" : b.error().message + " " + b.error().field);
    return b.ok() ? *b : model::Breach{};
  }

  ManualClock clock_{TimePoint(std::chrono::seconds(1'790'000'000))};  // 2026-09-21
  std::unique_ptr<storage::testing::TestDatabase> store_;
  std::unique_ptr<Services> services_;
  std::string url_;
  std::string org_;
  Actor officer_;
  Actor auditor_;
};

#define BD_WORKFLOW_SUITE(Suite)                                                                           \
  INSTANTIATE_TEST_SUITE_P(Sqlite, Suite, ::testing::Values(::bd::storage::testing::Backend::kSqlite),    \
                           ::bd::storage::testing::backend_name);                                         \
  INSTANTIATE_TEST_SUITE_P(Postgres, Suite, ::testing::Values(::bd::storage::testing::Backend::kPostgres), \
                           ::bd::storage::testing::backend_name)

}  // namespace bd::service::testing
