// A fresh, migrated database for one test: a SQLite file in a new temp directory, or
// a new database on the PostgreSQL test server named by $BD_TEST_PG_URL_FILE (written
// by scripts/pg-test-cluster). Removed again in the destructor.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <string>

#include "storage/database.h"
#include "storage/sql_util.h"

namespace bd::storage::testing {

enum class Backend { kSqlite, kPostgres };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgres";
}

// Owns the database file or server-side database of one test.
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend) : backend_(backend) {}
  ~TestDatabase() {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!pg_name_.empty()) {
      try {
        soci::session admin(soci::postgresql, detail::postgres_keywords(admin_url_).value());
        admin << "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)";
      } catch (const std::exception&) {
        // The cluster is removed after the run anyway.
      }
    }
  }

  // The URL to open; empty (with `skip` set) when no PostgreSQL server is configured.
  std::string prepare(std::string& skip) {
    if (backend_ == Backend::kSqlite) {
      std::string tmpl = (std::filesystem::temp_directory_path() / "bd-storage-XXXXXX").string();
      dir_ = mkdtemp(tmpl.data());
      return "sqlite:" + dir_ + "/sub dir/breachdesk.db";  // a space and a missing directory on purpose
    }
    const char* file = std::getenv("BD_TEST_PG_URL_FILE");
    if (file == nullptr) {
      skip = "BD_TEST_PG_URL_FILE is not set (run through ctest)";
      return {};
    }
    std::ifstream in(file);
    std::getline(in, admin_url_);
    if (admin_url_.empty()) {
      skip = "no PostgreSQL URL in BD_TEST_PG_URL_FILE";
      return {};
    }
    pg_name_ = "bdt_" + std::to_string(std::random_device{}()) + std::to_string(std::random_device{}());
    soci::session admin(soci::postgresql, detail::postgres_keywords(admin_url_).value());
    admin << "CREATE DATABASE " + pg_name_;
    return admin_url_.substr(0, admin_url_.rfind('/') + 1) + pg_name_;
  }

  Database& open(const std::string& url, std::size_t pool_size = 4) {
    auto db = open_database(url, DatabaseOptions{pool_size, std::chrono::milliseconds(15000)});
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().detail);
    db_ = std::move(db).value();
    auto migrated = db_->migrate();
    EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error().detail);
    return *db_;
  }

  Database& db() { return *db_; }

 private:
  Backend backend_;
  std::string dir_;
  std::string admin_url_;
  std::string pg_name_;
  std::unique_ptr<Database> db_;
};

// Base fixture: a migrated database per test, on the backend of the test parameter.
class StorageTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TestDatabase>(GetParam());
    std::string skip;
    url_ = store_->prepare(skip);
    if (!skip.empty()) GTEST_SKIP() << skip;
    db_ = &store_->open(url_);
  }
  void TearDown() override {
    db_ = nullptr;
    store_.reset();
  }

  Database& db() { return *db_; }

  std::unique_ptr<TestDatabase> store_;
  std::string url_;
  Database* db_ = nullptr;
};

#define BD_STORAGE_SUITE(Suite)                                                                        \
  INSTANTIATE_TEST_SUITE_P(Sqlite, Suite, ::testing::Values(::bd::storage::testing::Backend::kSqlite), \
                           ::bd::storage::testing::backend_name);                                      \
  INSTANTIATE_TEST_SUITE_P(Postgres, Suite, ::testing::Values(::bd::storage::testing::Backend::kPostgres), \
                           ::bd::storage::testing::backend_name)

inline TimePoint at(long long seconds) { return TimePoint(std::chrono::seconds(seconds)); }

}  // namespace bd::storage::testing
