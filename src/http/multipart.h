// A strict, bounded parser of multipart/form-data request bodies (RFC 7578 on
// RFC 2046), for file uploads from HTML forms. Text fields come out as Params like the
// urlencoded parser's (http/form.h); file fields keep their bytes and file name.
//
// Strict: the body must start with the first delimiter (no preamble), every part needs
// a `Content-Disposition: form-data; name="…"` header, header lines end in CRLF, the
// closing delimiter must be present, and only an optional CRLF may follow it. Header
// names are case-insensitive; parameters are token or quoted-string values (browsers
// percent-encode quotes and line breaks in names, so no escapes are decoded).
// Transfer encodings other than the identity are refused.
//
// Pure functions over strings (base only, no Beast): compiled into the fuzz target
// tests/fuzz/http/multipart_fuzz.cc too. Thread-safety: reentrant.
// Failure: Error::invalid (kInvalidInput) with a client-safe message for malformed
// input or a limit exceeded; never a partial result.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "http/form.h"

namespace bd::http {

struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_headers_per_part = 8;
  std::size_t max_header_line_bytes = 1024;
  std::size_t max_name_bytes = 256;       // field name and file name
  std::size_t max_field_bytes = 1 << 20;    // a text field (no filename), as in FormLimits
  std::size_t max_file_bytes = 4 * 1024 * 1024;  // a file field
};

struct MultipartPart {
  std::string name;                    // the field name
  std::optional<std::string> filename;  // set for file inputs (possibly empty: no file chosen)
  std::string content_type;            // as sent, "" when absent
  std::string data;                    // the bytes of the part
};

struct MultipartForm {
  Params fields;                     // text parts: valid UTF-8, no NUL
  std::vector<MultipartPart> files;  // parts with a filename

  // The first file part called `name`, or nullptr.
  const MultipartPart* file(std::string_view name) const;
};

// The boundary parameter of a "multipart/form-data; boundary=…" Content-Type value:
// 1–70 characters of RFC 2046's bchars, not ending in a space. InvalidInput otherwise
// (also when the media type is not multipart/form-data).
Result<std::string> multipart_boundary(std::string_view content_type);

Result<MultipartForm> parse_multipart(std::string_view body, std::string_view boundary,
                                      const MultipartLimits& limits = {});

}  // namespace bd::http
