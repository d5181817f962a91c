#include "http/multipart.h"

#include <algorithm>
#include <functional>

namespace bd::http {
namespace {

bool is_bchar(char c) {
  static constexpr std::string_view kOther = "'()+_,-./:=? ";
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         kOther.find(c) != std::string_view::npos;
}

bool is_token_char(char ch) {
  static constexpr std::string_view kSeparators = "()<>@,;:\\\"/[]?={} \t";
  const auto c = static_cast<unsigned char>(ch);
  return c > 0x20 && c < 0x7f && kSeparators.find(ch) == std::string_view::npos;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_text(std::string_view s) { return is_valid_utf8(s) && s.find('\0') == std::string_view::npos; }

Error bad(std::string message) { return Error::invalid("", std::move(message)); }

// A header's parameters: "; name=value; name=\"quoted value\"" (names lower-cased).
struct Param {
  std::string name;
  std::string value;
};

Result<std::vector<Param>> parse_params(std::string_view s) {
  std::vector<Param> out;
  while (true) {
    s = trim(s);
    if (s.empty()) return out;
    if (s.front() != ';') return bad("malformed header parameters");
    s = trim(s.substr(1));
    const auto eq = s.find('=');
    if (eq == std::string_view::npos || eq == 0) return bad("malformed header parameter");
    Param p;
    for (char c : trim(s.substr(0, eq))) {
      if (!is_token_char(c)) return bad("malformed header parameter name");
      p.name.push_back(lower(c));
    }
    s = trim(s.substr(eq + 1));
    if (!s.empty() && s.front() == '"') {
      const auto close = s.find('"', 1);
      if (close == std::string_view::npos) return bad("unterminated quoted parameter");
      p.value = std::string(s.substr(1, close - 1));
      if (p.value.find('\\') != std::string::npos) return bad("escapes in parameters are not supported");
      s = s.substr(close + 1);
    } else {
      std::size_t n = 0;
      while (n < s.size() && is_token_char(s[n])) ++n;
      if (n == 0) return bad("empty header parameter");
      p.value = std::string(s.substr(0, n));
      s = s.substr(n);
    }
    out.push_back(std::move(p));
  }
}

// The headers of one part that matter.
struct PartHead {
  bool has_disposition = false;
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;
};

Status read_disposition(std::string_view value, const MultipartLimits& limits, PartHead& head) {
  if (head.has_disposition) return bad("repeated Content-Disposition");
  head.has_disposition = true;
  const auto semi = value.find(';');
  if (!iequal(trim(value.substr(0, semi)), "form-data")) return bad("a part is not form-data");
  BD_ASSIGN_OR_RETURN(auto params, parse_params(semi == std::string_view::npos ? "" : value.substr(semi)));
  bool named = false;
  for (auto& p : params) {
    if (p.name == "name") {
      if (named) return bad("repeated field name");
      named = true;
      head.name = std::move(p.value);
    } else if (p.name == "filename") {
      if (head.filename) return bad("repeated file name");
      head.filename = std::move(p.value);
    }
  }
  if (!named || head.name.empty()) return bad("a part has no field name");
  if (head.name.size() > limits.max_name_bytes || !is_text(head.name)) return bad("invalid field name");
  if (head.filename && (head.filename->size() > limits.max_name_bytes || !is_text(*head.filename))) {
    return bad("invalid file name");
  }
  return {};
}

Status read_header(std::string_view line, const MultipartLimits& limits, PartHead& head) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return bad("malformed part header");
  const std::string_view name = line.substr(0, colon);
  for (char c : name) {
    if (!is_token_char(c)) return bad("malformed part header name");
  }
  const std::string_view value = trim(line.substr(colon + 1));
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return bad("control character in a part header");
  }
  if (iequal(name, "Content-Disposition")) return read_disposition(value, limits, head);
  if (iequal(name, "Content-Type")) head.content_type = std::string(value);
  if (iequal(name, "Content-Transfer-Encoding") && !iequal(value, "binary") && !iequal(value, "8bit") &&
      !iequal(value, "7bit")) {
    return bad("unsupported Content-Transfer-Encoding");
  }
  return {};
}

// Reads the header block starting at `pos` (through its empty line); moves `pos` past it.
Result<PartHead> read_headers(std::string_view body, std::size_t& pos, const MultipartLimits& limits) {
  PartHead head;
  for (std::size_t count = 0;; ++count) {
    const std::string_view window = body.substr(pos, limits.max_header_line_bytes + 2);
    const auto eol = window.find("\r\n");
    if (eol == std::string_view::npos) return bad("part header too long or unterminated");
    const std::string_view line = window.substr(0, eol);
    pos += eol + 2;
    if (line.empty()) break;
    if (count >= limits.max_headers_per_part) return bad("too many part headers");
    BD_TRY(read_header(line, limits, head));
  }
  if (!head.has_disposition) return bad("a part has no Content-Disposition");
  return head;
}

Status add_part(PartHead head, std::string_view data, const MultipartLimits& limits, MultipartForm& out) {
  if (head.filename) {
    if (data.size() > limits.max_file_bytes) return bad("uploaded file too large");
    out.files.push_back({std::move(head.name), std::move(head.filename), std::move(head.content_type),
                         std::string(data)});
    return {};
  }
  if (data.size() > limits.max_field_bytes) return bad("form field too long");
  if (!is_text(data)) return bad("form data is not valid UTF-8 text");
  out.fields.add(std::move(head.name), std::string(data));
  return {};
}

}  // namespace

const MultipartPart* MultipartForm::file(std::string_view name) const {
  for (const auto& f : files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Result<std::string> multipart_boundary(std::string_view content_type) {
  const auto semi = content_type.find(';');
  if (semi == std::string_view::npos || !iequal(trim(content_type.substr(0, semi)), "multipart/form-data")) {
    return bad("expected multipart/form-data");
  }
  BD_ASSIGN_OR_RETURN(auto params, parse_params(content_type.substr(semi)));
  std::optional<std::string> boundary;
  for (auto& p : params) {
    if (p.name != "boundary") continue;
    if (boundary) return bad("repeated boundary");
    boundary = std::move(p.value);
  }
  if (!boundary || boundary->empty() || boundary->size() > 70 || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(), is_bchar)) {
    return bad("missing or invalid multipart boundary");
  }
  return *boundary;
}

Result<MultipartForm> parse_multipart(std::string_view body, std::string_view boundary,
                                      const MultipartLimits& limits) {
  if (boundary.empty() || boundary.size() > 70) return bad("invalid multipart boundary");
  const std::string first = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + first;
  if (!body.starts_with(first)) return bad("multipart body does not start with its boundary");
  const std::boyer_moore_horspool_searcher searcher(delimiter.begin(), delimiter.end());
  MultipartForm out;
  std::size_t pos = first.size();
  for (std::size_t parts = 0;; ++parts) {
    const std::string_view after = body.substr(pos, 2);
    if (after == "--") {
      const std::string_view rest = body.substr(pos + 2);
      if (!rest.empty() && rest != "\r\n") return bad("data after the closing boundary");
      return out;
    }
    if (after != "\r\n") return bad("malformed multipart boundary line");
    if (parts >= limits.max_parts) return bad("too many multipart parts");
    pos += 2;
    BD_ASSIGN_OR_RETURN(PartHead head, read_headers(body, pos, limits));
    const auto end = std::search(body.begin() + static_cast<std::ptrdiff_t>(pos), body.end(), searcher);
    if (end == body.end()) return bad("multipart body has no closing boundary");
    const auto end_pos = static_cast<std::size_t>(end - body.begin());
    BD_TRY(add_part(std::move(head), body.substr(pos, end_pos - pos), limits, out));
    pos = end_pos + delimiter.size();
  }
}

}  // namespace bd::http
