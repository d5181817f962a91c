#include "http/router.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bd::http {
namespace {

using testing::make_request;

Handler reply(std::string text) {
  return [text](Request&) { return Response::text(text); };
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router router;
  router.get("/breaches", reply("list"));
  router.get("/breaches/new", reply("new"));
  router.get("/breaches/{id}", [](Request& r) { return Response::text("show " + std::string(r.path_param("id"))); });
  router.get("/breaches/{id}/revisions/{rev}", [](Request& r) {
    return Response::text(std::string(r.path_param("id")) + "@" + std::string(r.path_param("rev")));
  });
  auto request = [&](std::string target) {
    Request r = make_request("GET", std::move(target));
    return std::string(router.handle(r).body());
  };
  EXPECT_EQ(request("/breaches"), "list");
  EXPECT_EQ(request("/breaches/new"), "new");  // literal beats {id}
  EXPECT_EQ(request("/breaches/b%20x"), "show b x");
  EXPECT_EQ(request("/breaches/7/revisions/3"), "7@3");
}

TEST(Router, NotFoundAndMethodNotAllowed) {
  Router router;
  router.get("/breaches/{id}", reply("show"));
  router.post("/breaches/{id}", reply("save"));
  Request missing = make_request("GET", "/nothing");
  EXPECT_EQ(router.handle(missing).status(), 404);
  Request empty_param = make_request("GET", "/breaches/");
  EXPECT_EQ(router.handle(empty_param).status(), 404);
  Request del = make_request("DELETE", "/breaches/1");
  const Response r = router.handle(del);
  EXPECT_EQ(r.status(), 405);
  EXPECT_EQ(*r.headers().get("Allow"), "GET, HEAD, POST");
}

TEST(Router, ApiErrorsAreJson) {
  Router router;
  Request r = make_request("GET", "/api/v1/nothing");
  const Response response = router.handle(r);
  EXPECT_EQ(response.status(), 404);
  EXPECT_EQ(*response.headers().get("Content-Type"), "application/json");
  EXPECT_EQ(response.body(), R"({"error":{"code":"not_found","message":"This page does not exist."}})");
}

TEST(Router, HeadUsesGet) {
  Router router;
  router.get("/x", reply("body"));
  Request head = make_request("HEAD", "/x");
  EXPECT_EQ(router.handle(head).status(), 200);
  EXPECT_EQ(router.route_info(Method::kHead, "/x").inline_handler, false);
}

TEST(Router, CatchAllTakesTheRest) {
  Router router;
  router.get("/static/{path*}", [](Request& r) { return Response::text(std::string(r.path_param("path"))); });
  Request r = make_request("GET", "/static/css/app.css");
  EXPECT_EQ(router.handle(r).body(), "css/app.css");
  EXPECT_THROW(router.get("/a/{rest*}/b", reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("no-slash", reply("x")), std::invalid_argument);
  EXPECT_THROW(router.get("/{}", reply("x")), std::invalid_argument);
}

TEST(Router, MiddlewareOrderGlobalThenGroup) {
  Router router;
  std::string trace;
  router.use([&trace](Request& r, const Handler& next) {
    trace += "g<";
    Response res = next(r);
    trace += ">g";
    return res;
  });
  RouteGroup api = router.group("/api/v1");
  api.use([&trace](Request& r, const Handler& next) {
    trace += "a<";
    r.set_attribute("actor", std::string("alice"));
    Response res = next(r);
    trace += ">a";
    return res;
  });
  api.get("/me", [&trace](Request& r) {
    trace += "h";
    return Response::text(*r.attribute<std::string>("actor"));
  });
  router.get("/public", [&trace](Request&) {
    trace += "p";
    return Response::text("p");
  });

  Request me = make_request("GET", "/api/v1/me");
  EXPECT_EQ(router.handle(me).body(), "alice");
  EXPECT_EQ(trace, "g<a<h>a>g");
  trace.clear();
  Request pub = make_request("GET", "/public");
  router.handle(pub);
  EXPECT_EQ(trace, "g<p>g");
  trace.clear();
  Request none = make_request("GET", "/api/v1/none");
  EXPECT_EQ(router.handle(none).status(), 404);
  EXPECT_EQ(trace, "g<>g");  // 404 passes global middleware only
}

TEST(Router, MiddlewareMayShortCircuit) {
  Router router;
  RouteGroup admin = router.group("/admin");
  admin.use([](Request&, const Handler&) { return Response(401); });
  admin.get("", reply("secret"));
  Request r = make_request("GET", "/admin");
  EXPECT_EQ(router.handle(r).status(), 401);
}

TEST(Router, RouteOptionsAreReported) {
  Router router;
  RouteOptions upload;
  upload.max_body_bytes = 64 << 20;
  router.post("/scans", reply("ok"), upload);
  EXPECT_EQ(router.route_info(Method::kPost, "/scans").max_body_bytes, 64u << 20);
  EXPECT_EQ(router.route_info(Method::kPost, "/other").max_body_bytes, 0u);
}

TEST(Router, DuplicateRouteReplaces) {
  Router router;
  router.get("/x", reply("one"));
  router.get("/x", reply("two"));
  Request r = make_request("GET", "/x");
  EXPECT_EQ(router.handle(r).body(), "two");
}

}  // namespace
}  // namespace bd::http
