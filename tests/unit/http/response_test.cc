#include "http/response.h"

#include <gtest/gtest.h>

#include "http/response_policy.h"

namespace bd::http {
namespace {

TEST(Response, HelpersSetTypeAndStatus) {
  EXPECT_EQ(*Response::html("<p>").headers().get("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(*Response::json("{}", 201).headers().get("Content-Type"), "application/json");
  EXPECT_EQ(Response::json("{}", 201).status(), 201);
  EXPECT_EQ(*Response::text("x").headers().get("Content-Type"), "text/plain; charset=utf-8");
  const Response r = Response::redirect_see_other("/breaches/1");
  EXPECT_EQ(r.status(), 303);
  EXPECT_EQ(*r.headers().get("Location"), "/breaches/1");
  EXPECT_EQ(Response::no_content().status(), 204);
}

TEST(Response, SharedBody) {
  Response r;
  r.set_body("own");
  EXPECT_EQ(r.body(), "own");
  r.set_shared_body(std::make_shared<const std::string>("shared"));
  EXPECT_EQ(r.body(), "shared");
}

TEST(Cookie, StrictHttpOnlyByDefaultSecureOverTls) {
  Response r;
  r.set_cookie("bd_session", "abc");
  ASSERT_EQ(r.cookies().size(), 1u);
  EXPECT_EQ(r.cookies()[0].to_header(false), "bd_session=abc; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(r.cookies()[0].to_header(true), "bd_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure");
}

TEST(Cookie, OptionsAndClearing) {
  Response r;
  CookieOptions o;
  o.max_age = std::chrono::seconds(3600);
  o.http_only = false;
  o.same_site = SameSite::kLax;
  o.secure = true;
  r.set_cookie("lang", "nl", o);
  EXPECT_EQ(r.cookies()[0].to_header(false), "lang=nl; Path=/; Max-Age=3600; SameSite=Lax; Secure");
  r.clear_cookie("lang", o);
  ASSERT_EQ(r.cookies().size(), 1u);  // replaced, not duplicated
  EXPECT_EQ(r.cookies()[0].to_header(false), "lang=; Path=/; Max-Age=0; SameSite=Lax; Secure");
}

TEST(Cookie, RefusesInjection) {
  Response r;
  r.set_cookie("a", "x; Domain=evil.example");
  r.set_cookie("a b", "x");
  r.set_cookie("a", "x\r\nLocation: /");
  EXPECT_TRUE(r.cookies().empty());
}

TEST(ResponsePolicy, AddsSecurityHeadersAndNoStore) {
  Response r = Response::html("x");
  r.set_cookie("sid", "1");
  apply_response_policy(r, false);
  const Headers& h = r.headers();
  EXPECT_EQ(*h.get("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_NE(h.get("Content-Security-Policy")->find("frame-ancestors 'none'"), std::string_view::npos);
  EXPECT_EQ(*h.get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(*h.get("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(*h.get("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_TRUE(h.has("Permissions-Policy"));
  EXPECT_EQ(*h.get("Cache-Control"), "no-store");
  EXPECT_FALSE(h.has("Strict-Transport-Security"));
  EXPECT_EQ(*h.get("Set-Cookie"), "sid=1; Path=/; HttpOnly; SameSite=Strict");
}

TEST(ResponsePolicy, KeepsHandlerValuesAndAddsHstsOverTls) {
  Response r;
  r.header("Cache-Control", "public, max-age=60");
  r.set_cookie("sid", "1");
  apply_response_policy(r, true);
  EXPECT_EQ(*r.headers().get("Cache-Control"), "public, max-age=60");
  EXPECT_TRUE(r.headers().has("Strict-Transport-Security"));
  EXPECT_NE(r.headers().get("Set-Cookie")->find("; Secure"), std::string_view::npos);
}

TEST(AccessLog, NoQueryAndNoControlCharacters) {
  using std::chrono::microseconds;
  EXPECT_EQ(access_log_line("GET", "/breaches/42?email=a@b.nl", 200, 1532, microseconds(3140)),
            "GET /breaches/42 200 1532B 3.1ms");
  const std::string forged = access_log_line("GET", "/a\nGET /admin 200", 404, 0, microseconds(0));
  EXPECT_EQ(forged.find('\n'), std::string::npos);
  EXPECT_NE(forged.find("\\x0a"), std::string::npos);
  EXPECT_LT(access_log_line("GET", "/" + std::string(1000, 'a'), 404, 0, microseconds(0)).size(), 240u);
  const std::string feed = access_log_line("GET", "/calendar/s3cr3tT0ken.ics", 200, 10, microseconds(0));
  EXPECT_EQ(feed.find("s3cr3t"), std::string::npos) << "the feed token is a credential";
  EXPECT_EQ(feed.rfind("GET /calendar/ 200", 0), 0u) << feed;
}

}  // namespace
}  // namespace bd::http
