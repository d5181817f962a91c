// The fixture of the HTTP integration tests: a real http::Server on an ephemeral
// loopback port with every route, the real Services on a temporary, migrated SQLite
// file (removed afterwards), the minimum argon2id cost so logins are quick, and the
// ways a test reaches it — a cookie-keeping Browser logged in through the login page,
// or an API client with a personal token.
//
// Ownership: the fixture owns the directory, database, services, router and server
// thread; TearDown stops the server before the services go. Failure: any setup step
// that fails fails the test at once (ASSERT), naming the step.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "http/handlers/routes.h"
#include "http/router.h"
#include "http/server.h"
#include "service/services.h"
#include "storage/database.h"
#include "web_client.h"

namespace bd::web_testing {

inline constexpr char kPassword[] = "Zeer-geheim wachtwoord 2026!";

class WebServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("bd-web-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = storage::open_database("sqlite:" + (dir_ / "bd.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message << " " << db.error().detail;
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->migrate().ok());
    service::ServiceOptions options;
    options.auth.pwhash_opslimit = crypto_pwhash_OPSLIMIT_MIN;
    options.auth.pwhash_memlimit = crypto_pwhash_MEMLIMIT_MIN;
    services_ = std::make_unique<service::Services>(*db_, clock_, options);
    http::register_routes(router_, *services_, http::WebOptions{});
    http::ServerOptions so;
    so.port = 0;
    so.worker_threads = 2;
    so.io_threads = 1;
    so.access_log = false;
    server_ = std::make_unique<http::Server>(so, router_);
    ASSERT_TRUE(server_->listen().ok());
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    services_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string make_org(const std::string& name) {
    auto org = services_->organisations().create(service::system_actor(), name);
    EXPECT_TRUE(org.ok()) << (org.ok() ? "" : org.error().message);
    return org.ok() ? org->id : std::string();
  }

  // A user with kPassword; returns the user as the services see them.
  service::Actor make_user(const std::string& org, const std::string& email, service::Role role) {
    service::NewUser nu;
    nu.organisation_id = org;
    nu.email = email;
    nu.display_name = "Officer " + email;
    nu.role = role;
    nu.password = kPassword;
    auto user = services_->users().add(service::system_actor(org), nu);
    EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message);
    return actor(email);
  }

  service::Actor actor(const std::string& email) {
    auto a = services_->auth().actor_by_email(service::system_actor(), email);
    EXPECT_TRUE(a.ok()) << email;
    return a.ok() ? *a : service::Actor{};
  }

  // A Browser logged in through the login form (303 to the register, session cookie set).
  Browser login(const std::string& email) {
    Browser b(server_->port());
    Reply form = b.get("/login");
    EXPECT_EQ(form.status, 200);
    Reply r = b.post_form("/login", {{"csrf", hidden_value(form.body, "csrf")}, {"email", email},
                                     {"password", kPassword}, {"next", "/breaches"}});
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_FALSE(b.cookie("bd_session").empty());
    return b;
  }

  // A personal API token of the user, in plain text.
  std::string api_token(const std::string& email) {
    auto token = services_->auth().create_api_token(actor(email), "test");
    EXPECT_TRUE(token.ok());
    return token.ok() ? token->plaintext : std::string();
  }

  // One API request with `Authorization: Bearer token` (JSON body when not empty).
  Reply api(const std::string& token, const std::string& method, const std::string& target,
            const std::string& body = {}) {
    Browser b(server_->port());
    return b.request(method, target, body, body.empty() ? "" : "application/json",
                     {{"Authorization", "Bearer " + token}});
  }

  std::filesystem::path dir_;
  SystemClock clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<service::Services> services_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace bd::web_testing
