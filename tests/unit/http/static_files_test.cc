#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "test_util.h"

namespace bd::http {
namespace {

namespace fs = std::filesystem;
using testing::make_request;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bd_static_" + std::to_string(std::random_device{}()));
    fs::create_directories(root_ / "css");
    fs::create_directories(root_ / ".git");
    write("css/app.css", "body{color:#111}");
    write("app.0123abcd.js", "console.log(1)");
    write(".env", "SECRET=1");
    write(".git/config", "x");
    write("fonts.woff2", std::string("\0\1\2", 3));
    fs::create_symlink("/etc/passwd", root_ / "passwd");
    auto files = StaticFiles::load(root_);
    ASSERT_TRUE(files.ok());
    files_ = *files;
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& rel, const std::string& content) { std::ofstream(root_ / rel) << content; }

  fs::path root_;
  std::shared_ptr<const StaticFiles> files_;
};

TEST_F(StaticFilesTest, ServesWithTypeEtagAndCaching) {
  const Request r = make_request("GET", "/static/css/app.css");
  const Response res = files_->serve("css/app.css", r);
  EXPECT_EQ(res.status(), 200);
  EXPECT_EQ(res.body(), "body{color:#111}");
  EXPECT_EQ(*res.headers().get("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(*res.headers().get("Cache-Control"), "no-cache");
  EXPECT_TRUE(res.headers().has("ETag"));
  const Response js = files_->serve("app.0123abcd.js", r);
  EXPECT_EQ(*js.headers().get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(*js.headers().get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(*files_->serve("fonts.woff2", r).headers().get("Content-Type"), "font/woff2");
}

TEST_F(StaticFilesTest, NotModifiedOnMatchingEtag) {
  const Request first = make_request("GET", "/static/css/app.css");
  const std::string etag(*files_->serve("css/app.css", first).headers().get("ETag"));
  Headers h;
  h.add("If-None-Match", "\"other\", " + etag);
  const Request again = make_request("GET", "/static/css/app.css", h);
  const Response res = files_->serve("css/app.css", again);
  EXPECT_EQ(res.status(), 304);
  EXPECT_TRUE(res.body().empty());
  EXPECT_EQ(*res.headers().get("ETag"), etag);
}

TEST_F(StaticFilesTest, NoHiddenFilesSymlinksOrDirectories) {
  const Request r = make_request("GET", "/static/");
  EXPECT_EQ(files_->file_count(), 3u);
  for (const char* bad : {".env", ".git/config", "passwd", "css", "css/", "", "../etc/passwd", "/etc/passwd"}) {
    EXPECT_EQ(files_->serve(bad, r).status(), 404) << bad;
  }
}

TEST_F(StaticFilesTest, MountedRouteRefusesTraversal) {
  Router router;
  StaticFiles::mount(router, "/static", files_);
  EXPECT_TRUE(router.route_info(Method::kGet, "/static/css/app.css").inline_handler);
  Request ok = make_request("GET", "/static/css/app.css");
  EXPECT_EQ(router.handle(ok).status(), 200);
  Request hidden = make_request("GET", "/static/.env");
  EXPECT_EQ(router.handle(hidden).status(), 404);
  RequestInit init;
  init.method = "GET";
  init.target = "/static/%2e%2e/%2e%2e/etc/passwd";
  EXPECT_FALSE(Request::create(init).ok());  // refused before routing: 400
}

TEST(StaticFilesLoad, MissingRootIsUnavailable) {
  auto files = StaticFiles::load("/nonexistent/bd-static");
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().kind, ErrorKind::kUnavailable);
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type_for("a.SVG"), "image/svg+xml");
  EXPECT_EQ(content_type_for("x/y.json"), "application/json");
  EXPECT_EQ(content_type_for("x.d/noext"), "application/octet-stream");
}

}  // namespace
}  // namespace bd::http
