#include "http/form.h"

#include <gtest/gtest.h>

namespace bd::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlus) {
  EXPECT_EQ(*percent_decode("a%20b+c", true), "a b c");
  EXPECT_EQ(*percent_decode("a%20b+c", false), "a b+c");
  EXPECT_EQ(*percent_decode("%C3%A9", false), "\xC3\xA9");
}

TEST(PercentDecode, RejectsTruncatedOrNonHexEscapes) {
  EXPECT_FALSE(percent_decode("%", false).ok());
  EXPECT_FALSE(percent_decode("%4", false).ok());
  EXPECT_FALSE(percent_decode("%zz", false).ok());
  EXPECT_EQ(percent_decode("%g1", false).error().kind, ErrorKind::kInvalidInput);
}

TEST(PercentEncode, RoundTrips) {
  const std::string raw = "a b/c?d=é&~";
  EXPECT_EQ(percent_encode(raw), "a%20b%2Fc%3Fd%3D%C3%A9%26~");
  EXPECT_EQ(*percent_decode(percent_encode(raw), false), raw);
}

TEST(ParseUrlencoded, KeepsOrderAndMultipleValues) {
  auto params = parse_urlencoded("a=1&b=x+y&a=2&&flag&empty=");
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(params->size(), 5u);
  EXPECT_EQ(*params->get("a"), "1");
  EXPECT_EQ(params->all("a"), (std::vector<std::string_view>{"1", "2"}));
  EXPECT_EQ(*params->get("b"), "x y");
  EXPECT_EQ(*params->get("flag"), "");
  EXPECT_TRUE(params->has("empty"));
  EXPECT_FALSE(params->get("missing").has_value());
  EXPECT_TRUE(params->all("missing").empty());
}

TEST(ParseUrlencoded, EnforcesLimits) {
  FormLimits limits;
  limits.max_fields = 2;
  EXPECT_TRUE(parse_urlencoded("a=1&b=2", limits).ok());
  EXPECT_FALSE(parse_urlencoded("a=1&b=2&c=3", limits).ok());
  limits = {};
  limits.max_name_bytes = 3;
  EXPECT_FALSE(parse_urlencoded("abcd=1", limits).ok());
  limits = {};
  limits.max_value_bytes = 3;
  auto r = parse_urlencoded("name=abcd", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "name");
}

TEST(ParseUrlencoded, RejectsInvalidUtf8AndNul) {
  EXPECT_FALSE(parse_urlencoded("a=%FF").ok());
  EXPECT_FALSE(parse_urlencoded("a=%00").ok());
  EXPECT_FALSE(parse_urlencoded("a=%C0%AF").ok());  // overlong '/'
  EXPECT_FALSE(parse_urlencoded("a=%ED%A0%80").ok());  // surrogate
  EXPECT_TRUE(parse_urlencoded("a=%F0%9F%98%80").ok());
}

TEST(NormalizePath, DecodesAndNormalises) {
  EXPECT_EQ(*normalize_path("/"), "/");
  EXPECT_EQ(*normalize_path("/a//b/./c"), "/a/b/c");
  EXPECT_EQ(*normalize_path("/a/b%20c/"), "/a/b c/");
  EXPECT_EQ(*normalize_path("/breaches/42"), "/breaches/42");
  EXPECT_EQ(*normalize_path("/a+b"), "/a+b");
  EXPECT_EQ(*normalize_path("/."), "/");
}

TEST(NormalizePath, RefusesEscapesAndControlCharacters) {
  for (const char* bad : {"", "a/b", "/..", "/a/../b", "/a/%2e%2e/b", "/%2E%2E", "/a%2Fb", "/a%5cb", "/a%00",
                          "/a%0d%0aX", "/%FF", "/%", "/a\\b"}) {
    EXPECT_FALSE(normalize_path(bad).ok()) << bad;
  }
}

TEST(SplitTarget, SeparatesPathQueryAndDropsFragment) {
  EXPECT_EQ(split_target("/a?b=1#f"), (std::pair<std::string_view, std::string_view>{"/a", "b=1"}));
  EXPECT_EQ(split_target("/a#f?x"), (std::pair<std::string_view, std::string_view>{"/a", ""}));
  EXPECT_EQ(split_target("/a"), (std::pair<std::string_view, std::string_view>{"/a", ""}));
}

TEST(CookieHeader, ParsesPairsLeniently) {
  const Params cookies = parse_cookie_header("sid=abc; theme=\"dark\";bad; =x; a b=c; lang=nl ");
  EXPECT_EQ(*cookies.get("sid"), "abc");
  EXPECT_EQ(*cookies.get("theme"), "dark");
  EXPECT_EQ(*cookies.get("lang"), "nl");
  EXPECT_EQ(cookies.size(), 3u);
}

TEST(CookieValidity, FollowsRfc6265) {
  EXPECT_TRUE(is_valid_cookie_name("bd_session"));
  EXPECT_FALSE(is_valid_cookie_name("a;b"));
  EXPECT_FALSE(is_valid_cookie_name(""));
  EXPECT_TRUE(is_valid_cookie_value("abc-_.~XYZ019="));
  EXPECT_FALSE(is_valid_cookie_value("a;b"));
  EXPECT_FALSE(is_valid_cookie_value("a b"));
  EXPECT_FALSE(is_valid_cookie_value("a\r\nSet-Cookie: x"));
}

}  // namespace
}  // namespace bd::http
