#include "http/request.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bd::http {
namespace {

using testing::make_request;

TEST(Request, ParsesTargetQueryAndCookies) {
  Headers headers;
  headers.add("cookie", "sid=abc; lang=nl");
  headers.add("X-Other", "1");
  Request r = make_request("GET", "/breaches/%34%32?page=2&q=a+b&page=3", headers);
  EXPECT_EQ(r.method(), Method::kGet);
  EXPECT_EQ(r.path(), "/breaches/42");
  EXPECT_EQ(r.target(), "/breaches/%34%32?page=2&q=a+b&page=3");
  EXPECT_EQ(*r.query_param("q"), "a b");
  EXPECT_EQ(r.query().all("page").size(), 2u);
  EXPECT_EQ(*r.cookie("sid"), "abc");
  EXPECT_EQ(*r.header("COOKIE"), "sid=abc; lang=nl");
  EXPECT_EQ(*r.header("x-other"), "1");
  EXPECT_EQ(r.remote_address(), "127.0.0.1");
  EXPECT_FALSE(r.tls());
}

TEST(Request, RefusesTraversalAndBadQuery) {
  RequestInit init;
  init.method = "GET";
  init.target = "/static/../secret";
  EXPECT_FALSE(Request::create(init).ok());
  init.target = "/ok?a=%zz";
  EXPECT_FALSE(Request::create(init).ok());
  init.target = "http://example.org/";
  EXPECT_FALSE(Request::create(init).ok());
}

TEST(Request, FormNeedsUrlencodedContentType) {
  Headers form_headers;
  form_headers.add("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
  Request r = make_request("POST", "/login", form_headers, "email=a%40b.nl&remember=on&remember=1");
  auto form = r.form();
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(*form->get("email"), "a@b.nl");
  EXPECT_EQ(form->all("remember").size(), 2u);

  Headers json_headers;
  json_headers.add("Content-Type", "application/json");
  Request j = make_request("POST", "/login", json_headers, "{}");
  EXPECT_FALSE(j.form().ok());
}

TEST(Request, AttributesAreTyped) {
  Request r = make_request("GET", "/");
  EXPECT_EQ(r.attribute<int>("n"), nullptr);
  r.set_attribute("n", 7);
  r.set_attribute<std::string>("who", "admin");
  ASSERT_NE(r.attribute<int>("n"), nullptr);
  EXPECT_EQ(*r.attribute<int>("n"), 7);
  EXPECT_EQ(r.attribute<long>("n"), nullptr);
  EXPECT_EQ(*r.attribute<std::string>("who"), "admin");
}

TEST(Request, WantsJsonForApiOrAccept) {
  EXPECT_TRUE(make_request("GET", "/api/v1/breaches").wants_json());
  EXPECT_FALSE(make_request("GET", "/apix").wants_json());
  Headers accept_json;
  accept_json.add("Accept", "application/json, text/html");
  EXPECT_TRUE(make_request("GET", "/x", accept_json).wants_json());
  Headers accept_html;
  accept_html.add("Accept", "text/html,application/xhtml+xml,application/json;q=0.9");
  EXPECT_FALSE(make_request("GET", "/x", accept_html).wants_json());
}

TEST(Method, RoundTrips) {
  for (Method m : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete,
                   Method::kOptions}) {
    EXPECT_EQ(method_from_string(to_string(m)), m);
  }
  EXPECT_EQ(method_from_string("get"), Method::kOther);
  EXPECT_EQ(method_from_string("BREW"), Method::kOther);
}

TEST(Headers, CaseInsensitiveAndInjectionProof) {
  Headers h;
  EXPECT_TRUE(h.add("Vary", "Accept"));
  EXPECT_TRUE(h.add("vary", "Cookie"));
  EXPECT_EQ(h.all("VARY").size(), 2u);
  EXPECT_TRUE(h.set("VARY", "x"));
  EXPECT_EQ(h.all("vary").size(), 1u);
  EXPECT_FALSE(h.set("X-Evil", "a\r\nSet-Cookie: x=1"));
  EXPECT_FALSE(h.add("Bad Name", "v"));
  EXPECT_FALSE(h.has("X-Evil"));
  EXPECT_TRUE(h.set_default("vary", "ignored"));
  EXPECT_EQ(*h.get("Vary"), "x");
  h.remove("vary");
  EXPECT_TRUE(h.empty());
}

}  // namespace
}  // namespace bd::http
