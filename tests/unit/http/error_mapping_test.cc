#include "http/error_mapping.h"

#include <gtest/gtest.h>

namespace bd::http {
namespace {

TEST(ErrorMapping, OneStatusPerKind) {
  EXPECT_EQ(status_for(ErrorKind::kNotFound), 404);
  EXPECT_EQ(status_for(ErrorKind::kInvalidInput), 400);
  EXPECT_EQ(status_for(ErrorKind::kConflict), 409);
  EXPECT_EQ(status_for(ErrorKind::kUnauthorized), 401);
  EXPECT_EQ(status_for(ErrorKind::kForbidden), 403);
  EXPECT_EQ(status_for(ErrorKind::kUnavailable), 503);
  EXPECT_EQ(status_for(ErrorKind::kInternal), 500);
  EXPECT_EQ(error_code(ErrorKind::kInvalidInput), "invalid_input");
}

TEST(ErrorMapping, JsonWithField) {
  const Response r = error_response(Error::invalid("breach.discovered_at", "Datum ontbreekt"), ResponseFormat::kJson);
  EXPECT_EQ(r.status(), 400);
  EXPECT_EQ(*r.headers().get("Content-Type"), "application/json");
  EXPECT_EQ(*r.headers().get("Cache-Control"), "no-store");
  EXPECT_EQ(r.body(),
            R"({"error":{"code":"invalid_input","message":"Datum ontbreekt","field":"breach.discovered_at"}})");
}

TEST(ErrorMapping, InternalDetailNeverLeaks) {
  Error e = Error::internal("SELECT * FROM users WHERE email='x@y.nl' failed at /srv/db.cc:12");
  e.message = "constraint users_email failed";
  for (const auto format : {ResponseFormat::kJson, ResponseFormat::kHtml}) {
    const Response r = error_response(e, format);
    EXPECT_EQ(r.status(), 500);
    EXPECT_EQ(r.body().find("SELECT"), std::string_view::npos);
    EXPECT_EQ(r.body().find("constraint"), std::string_view::npos);
    EXPECT_EQ(r.body().find("/srv"), std::string_view::npos);
  }
}

TEST(ErrorMapping, HtmlEscapesMessage) {
  const Response r = error_response(Error::not_found("<script>x</script>"), ResponseFormat::kHtml);
  EXPECT_EQ(r.status(), 404);
  EXPECT_EQ(r.body().find("<script>"), std::string_view::npos);
  EXPECT_NE(r.body().find("&lt;script&gt;"), std::string_view::npos);
}

TEST(ErrorMapping, UnavailableAsksToRetry) {
  const Response r = error_response(Error::unavailable("database down", "connection refused"), ResponseFormat::kJson);
  EXPECT_EQ(r.status(), 503);
  EXPECT_EQ(*r.headers().get("Retry-After"), "30");
  EXPECT_EQ(r.body().find("refused"), std::string_view::npos);
}

TEST(StatusResponse, BilingualHtmlAndJsonCodes) {
  const Response html = status_response(413, ResponseFormat::kHtml);
  EXPECT_EQ(html.status(), 413);
  EXPECT_NE(html.body().find("Het verzoek is te groot."), std::string_view::npos);
  EXPECT_NE(html.body().find("The request body is too large."), std::string_view::npos);
  const Response json = status_response(431, ResponseFormat::kJson);
  EXPECT_NE(json.body().find("\"code\":\"headers_too_large\""), std::string_view::npos);
}

}  // namespace
}  // namespace bd::http
