// Drives a real http::Server on an ephemeral loopback port over real sockets.
#include "http/server.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "http/static_files.h"
#include "http_client.h"

namespace bd::http {
namespace {

using namespace std::chrono_literals;
using testing::Client;
using testing::get_request;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.get("/hello", [](Request&) { return Response::html("<p>hallo</p>"); });
    router_.get("/breaches/{id}", [](Request& r) { return Response::text(std::string(r.path_param("id"))); });
    router_.post("/echo", [this](Request& r) {
      ++handled_;
      auto form = r.form();
      if (!form.ok()) return Response::text("bad form", 400);
      return Response::text(std::string(form->get("name").value_or("")));
    });
    RouteOptions upload;
    upload.max_body_bytes = 8192;
    router_.post("/upload", [](Request& r) { return Response::text(std::to_string(r.body().size())); }, upload);
    router_.get("/boom", [](Request&) -> Response { throw std::runtime_error("secret detail /srv/x.cc"); });
    router_.get("/slow", [this](Request&) {
      slow_started_ = true;
      std::this_thread::sleep_for(400ms);
      return Response::text("done");
    });
    options_.port = 0;
    options_.max_body_bytes = 1024;
    options_.read_timeout = 500ms;
    options_.idle_timeout = 700ms;
    options_.access_log = false;
  }

  void start() {
    server_ = std::make_unique<Server>(options_, router_);
    ASSERT_TRUE(server_->listen().ok());
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  Router router_;
  ServerOptions options_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::uint16_t port_ = 0;
  std::atomic<int> handled_{0};
  std::atomic<bool> slow_started_{false};
};

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  start();
  for (const char* target : {"/hello", "/nothing"}) {
    Client client(port_);
    ASSERT_TRUE(client.send(get_request(target)));
    auto r = client.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("content-security-policy"),
              "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
    EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r->header("referrer-policy"), "no-referrer");
    EXPECT_EQ(r->header("cross-origin-opener-policy"), "same-origin");
    EXPECT_EQ(r->header("cache-control"), "no-store");
    EXPECT_FALSE(r->header("permissions-policy").empty());
    EXPECT_TRUE(r->header("strict-transport-security").empty());  // plain HTTP
  }
}

TEST_F(ServerTest, KeepAliveAndPipelining) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send(get_request("/breaches/1")));
  auto first = client.read_response();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "1");
  // Two pipelined requests in one write: answered in order on the same connection.
  ASSERT_TRUE(client.send(get_request("/breaches/2") + get_request("/breaches/3")));
  auto second = client.read_response();
  auto third = client.read_response();
  ASSERT_TRUE(second && third);
  EXPECT_EQ(second->body, "2");
  EXPECT_EQ(third->body, "3");
  ASSERT_TRUE(client.send(get_request("/breaches/4", "Connection: close\r\n")));
  auto last = client.read_response();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->header("connection"), "close");
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, FormPost) {
  start();
  Client client(port_);
  const std::string body = "name=Jan+de+Vries&x=1";
  ASSERT_TRUE(client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "Jan de Vries");
}

TEST_F(ServerTest, OversizedBodyIs413AndHandlerNeverRuns) {
  start();
  {
    Client client(port_);
    ASSERT_TRUE(client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            "Content-Length: 5000\r\n\r\n" + std::string(5000, 'a')));
    auto r = client.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(r->header("connection"), "close");
  }
  {
    // Chunked: no Content-Length up front; the limit still holds while reading.
    Client client(port_);
    std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 4; ++i) chunked += "200\r\n" + std::string(512, 'b') + "\r\n";
    chunked += "0\r\n\r\n";
    ASSERT_TRUE(client.send(chunked));
    auto r = client.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
  }
  EXPECT_EQ(handled_.load(), 0);
}

TEST_F(ServerTest, RouteMayRaiseTheBodyLimit) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'u')));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "5000");
}

TEST_F(ServerTest, ExpectContinue) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = client.read_response(true);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.send("abc"));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "3");
}

TEST_F(ServerTest, OversizedHeadersAre431) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send(get_request("/hello", "X-Big: " + std::string(20000, 'h') + "\r\n")));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
}

TEST_F(ServerTest, MalformedRequestsAre400) {
  start();
  for (const std::string& raw : {std::string("GARBAGE\r\n\r\n"), std::string("GET /hello HTTP/9.9\r\n\r\n"),
                                std::string("GET /a/../b HTTP/1.1\r\nHost: x\r\n\r\n"),
                                std::string("GET /static/%2e%2e/x HTTP/1.1\r\nHost: x\r\n\r\n")}) {
    Client client(port_);
    ASSERT_TRUE(client.send(raw));
    auto r = client.read_response();
    ASSERT_TRUE(r) << raw;
    EXPECT_EQ(r->status, 400) << raw;
    EXPECT_FALSE(r->header("content-security-policy").empty());
  }
}

TEST_F(ServerTest, SlowRequestGets408) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n"));  // head never completes
  const auto begin = std::chrono::steady_clock::now();
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 408);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 3s);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, IdleKeepAliveIsClosedSilently) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send(get_request("/hello")));
  ASSERT_TRUE(client.read_response());
  std::this_thread::sleep_for(1200ms);
  EXPECT_TRUE(client.closed_by_peer());
}

TEST_F(ServerTest, NotFoundAndMethodNotAllowed) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send(get_request("/nothing")));
  auto missing = client.read_response();
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->header("content-type"), "text/html; charset=utf-8");
  ASSERT_TRUE(client.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto wrong = client.read_response();
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->header("allow"), "GET, HEAD");
  ASSERT_TRUE(client.send(get_request("/api/v1/nothing")));
  auto api = client.read_response();
  ASSERT_TRUE(api);
  EXPECT_EQ(api->header("content-type"), "application/json");
  EXPECT_EQ(api->body, R"({"error":{"code":"not_found","message":"This page does not exist."}})");
}

TEST_F(ServerTest, HeadHasLengthButNoBody) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto head = client.read_response(true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), std::to_string(std::string("<p>hallo</p>").size()));
  // The next response on the connection starts right away: no body was sent.
  ASSERT_TRUE(client.send(get_request("/breaches/9")));
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "9");
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutDetail) {
  start();
  Client client(port_);
  ASSERT_TRUE(client.send(get_request("/boom", "Accept: application/json\r\n")));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body.find("secret"), std::string::npos);
  EXPECT_NE(r->body.find("\"code\":\"internal\""), std::string::npos);
}

TEST_F(ServerTest, StaticFilesWithEtag) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("bd_srv_static_" + std::to_string(std::random_device{}()));
  fs::create_directories(root);
  std::ofstream(root / "app.css") << "main{}";
  auto files = StaticFiles::load(root);
  ASSERT_TRUE(files.ok());
  StaticFiles::mount(router_, "/static/", *files);
  start();
  Client client(port_);
  ASSERT_TRUE(client.send(get_request("/static/app.css")));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "main{}");
  EXPECT_EQ(r->header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
  const std::string etag = r->header("etag");
  ASSERT_FALSE(etag.empty());
  ASSERT_TRUE(client.send(get_request("/static/app.css", "If-None-Match: " + etag + "\r\n")));
  auto cached = client.read_response();
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->status, 304);
  ASSERT_TRUE(client.send(get_request("/static/../../etc/passwd")));
  auto escape = client.read_response();
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->status, 400);
  fs::remove_all(root);
}

TEST_F(ServerTest, GracefulStopFinishesInFlightRequest) {
  start();
  Client idle(port_);
  ASSERT_TRUE(idle.send(get_request("/hello")));
  ASSERT_TRUE(idle.read_response());
  Client busy(port_);
  ASSERT_TRUE(busy.send(get_request("/slow")));
  while (!slow_started_) std::this_thread::sleep_for(5ms);
  server_->stop();
  auto r = busy.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "done");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(idle.closed_by_peer());
  thread_.join();  // run() returned after draining
  Client late(port_, 500);
  EXPECT_FALSE(late.connected());
}

}  // namespace
}  // namespace bd::http
