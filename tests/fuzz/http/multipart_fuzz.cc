// Fuzzes the multipart/form-data parser (src/http/multipart.h) with the properties the
// upload handlers rely on: within the limits, text fields are valid UTF-8 without
// NUL, every part has a non-empty valid name, and what was parsed fits in the body.
// The first input line is tried as a Content-Type header too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/multipart.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

void check_form(std::string_view body, std::string_view boundary) {
  bd::http::MultipartLimits limits;
  limits.max_parts = 8;
  limits.max_headers_per_part = 4;
  limits.max_header_line_bytes = 256;
  limits.max_name_bytes = 64;
  limits.max_field_bytes = 1024;
  limits.max_file_bytes = 4096;
  auto form = bd::http::parse_multipart(body, boundary, limits);
  if (!form.ok()) {
    check(form.error().kind == bd::ErrorKind::kInvalidInput);
    return;
  }
  check(form->fields.size() + form->files.size() <= limits.max_parts);
  std::size_t bytes = 0;
  for (const auto& [name, value] : form->fields.entries()) {
    check(!name.empty() && name.size() <= limits.max_name_bytes && value.size() <= limits.max_field_bytes);
    check(bd::http::is_valid_utf8(name) && bd::http::is_valid_utf8(value));
    check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
    bytes += name.size() + value.size();
  }
  for (const auto& f : form->files) {
    check(!f.name.empty() && f.filename.has_value() && f.data.size() <= limits.max_file_bytes);
    check(bd::http::is_valid_utf8(*f.filename) && f.filename->size() <= limits.max_name_bytes);
    check(form->file(f.name) != nullptr);
    bytes += f.data.size();
  }
  check(bytes <= body.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto eol = input.find('\n');
  const std::string_view first = input.substr(0, eol);
  const std::string_view rest = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
  auto boundary = bd::http::multipart_boundary(first);
  if (boundary.ok()) {
    check(!boundary->empty() && boundary->size() <= 70);
    check_form(rest, *boundary);
  }
  check_form(input, "bdfuzz");
  return 0;
}
