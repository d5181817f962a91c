#include "http/multipart.h"

#include <gtest/gtest.h>

namespace bd::http {
namespace {

constexpr std::string_view kBoundary = "----bdBoundary7MA4YWxk";

std::string part(std::string_view headers, std::string_view data) {
  return "--" + std::string(kBoundary) + "\r\n" + std::string(headers) + "\r\n\r\n" + std::string(data) + "\r\n";
}
std::string close() { return "--" + std::string(kBoundary) + "--\r\n"; }

TEST(MultipartBoundary, ReadsTokenOrQuotedBoundaries) {
  EXPECT_EQ(*multipart_boundary("multipart/form-data; boundary=abc123"), "abc123");
  EXPECT_EQ(*multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b'c\""), "a b'c");
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded").ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data").ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=").ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"ends in space \"").ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')).ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=a; boundary=b").ok());
}

TEST(ParseMultipart, SplitsTextFieldsAndFiles) {
  const std::string body = part("Content-Disposition: form-data; name=\"csrf\"", "tok\r\nen") +
                           part("content-disposition: form-data; name=\"report_file\"; filename=\"r.json\"\r\n"
                                "Content-Type: application/json",
                                std::string("{\"a\":1}\0\xff", 9)) +
                           part("Content-Disposition: form-data; name=\"label\"", "") + close();
  auto form = parse_multipart(body, kBoundary);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->fields.get("csrf"), "tok\r\nen");
  EXPECT_EQ(form->fields.get("label"), "");
  const MultipartPart* file = form->file("report_file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "r.json");
  EXPECT_EQ(file->content_type, "application/json");
  EXPECT_EQ(file->data, std::string("{\"a\":1}\0\xff", 9));  // files are bytes, not checked as text
}

TEST(ParseMultipart, AcceptsAnEmptyFileInputAndNoTrailingNewline) {
  std::string body = part("Content-Disposition: form-data; name=\"report_file\"; filename=\"\"", "") + close();
  body.resize(body.size() - 2);
  auto form = parse_multipart(body, kBoundary);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->file("report_file")->filename, "");
}

TEST(ParseMultipart, RefusesMalformedBodies) {
  const std::string ok_part = part("Content-Disposition: form-data; name=\"a\"", "1");
  const std::vector<std::string> bad = {
      "",
      "preamble\r\n" + ok_part + close(),
      ok_part,                                                        // no closing boundary
      ok_part + close() + "epilogue",                                 // data after the end
      part("Content-Type: text/plain", "x") + close(),                // no disposition
      part("Content-Disposition: attachment; name=\"a\"", "x") + close(),
      part("Content-Disposition: form-data", "x") + close(),          // no name
      part("Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"", "x") + close(),
      part("Content-Disposition: form-data; name=\"a", "x") + close(),  // unterminated quote
      part("Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: base64", "eA==") + close(),
      part("Content-Disposition: form-data; name=\"a\"", std::string("\xc3\x28", 2)) + close(),  // not UTF-8
      part("Content-Disposition: form-data; name=\"a\"", std::string("a\0b", 3)) + close(),
      part("Broken header line", "x") + close(),
      "--" + std::string(kBoundary) + "junk\r\n",
  };
  for (const auto& body : bad) {
    auto form = parse_multipart(body, kBoundary);
    EXPECT_FALSE(form.ok()) << body;
    if (!form.ok()) {
      EXPECT_EQ(form.error().kind, ErrorKind::kInvalidInput);
    }
  }
}

TEST(ParseMultipart, EnforcesItsLimits) {
  MultipartLimits limits;
  limits.max_parts = 2;
  limits.max_field_bytes = 4;
  limits.max_file_bytes = 8;
  limits.max_header_line_bytes = 80;
  const std::string a = part("Content-Disposition: form-data; name=\"a\"", "1");
  EXPECT_TRUE(parse_multipart(a + a + close(), kBoundary, limits).ok());
  EXPECT_FALSE(parse_multipart(a + a + a + close(), kBoundary, limits).ok());
  EXPECT_FALSE(parse_multipart(part("Content-Disposition: form-data; name=\"a\"", "12345") + close(), kBoundary,
                               limits).ok());
  EXPECT_FALSE(parse_multipart(part("Content-Disposition: form-data; name=\"f\"; filename=\"x\"", "123456789") +
                                   close(), kBoundary, limits).ok());
  EXPECT_FALSE(parse_multipart(part("Content-Disposition: form-data; name=\"" + std::string(100, 'n') + "\"", "1") +
                                   close(), kBoundary, limits).ok());
}

}  // namespace
}  // namespace bd::http
