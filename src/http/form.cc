#include "http/form.h"

#include <array>
#include <cstdint>

namespace bd::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

bool is_token_char(unsigned char c) {
  static constexpr std::string_view kSeparators = "()<>@,;:\\\"/[]?={} \t";
  return c > 0x20 && c < 0x7f && kSeparators.find(static_cast<char>(c)) == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// One "name=value" pair of a urlencoded string, decoded and checked.
Status add_pair(std::string_view pair, const FormLimits& limits, Params& out) {
  const auto eq = pair.find('=');
  const std::string_view raw_name = pair.substr(0, eq);
  const std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
  auto name = percent_decode(raw_name, true);
  if (!name.ok()) return std::move(name).error();
  auto value = percent_decode(raw_value, true);
  if (!value.ok()) return std::move(value).error();
  if (name->size() > limits.max_name_bytes) return Error::invalid("", "field name too long");
  if (value->size() > limits.max_value_bytes) return Error::invalid(*name, "field value too long");
  if (!is_valid_utf8(*name) || !is_valid_utf8(*value) || has_nul(*name) || has_nul(*value)) {
    return Error::invalid("", "form data is not valid UTF-8 text");
  }
  out.add(std::move(name).value(), std::move(value).value());
  return {};
}

// Whether segment (still encoded) hides a separator that would change the split.
bool has_encoded_separator(std::string_view segment) {
  for (std::size_t i = 0; i + 2 < segment.size(); ++i) {
    if (segment[i] != '%') continue;
    const int hi = hex_value(segment[i + 1]);
    const int lo = hex_value(segment[i + 2]);
    if (hi < 0 || lo < 0) continue;
    const int c = hi * 16 + lo;
    if (c == '/' || c == '\\') return true;
  }
  return false;
}

}  // namespace

std::optional<std::string_view> Params::get(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::vector<std::string_view> Params::all(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [key, value] : entries_) {
    if (key == name) out.emplace_back(value);
  }
  return out;
}

Result<std::string> percent_decode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return Error::invalid("", "malformed percent-encoding");
      const int hi = hex_value(in[i + 1]);
      const int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return Error::invalid("", "malformed percent-encoding");
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode(std::string_view in) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string out;
  out.reserve(in.size());
  for (const char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

Result<Params> parse_urlencoded(std::string_view in, const FormLimits& limits) {
  Params out;
  while (!in.empty()) {
    const auto amp = in.find('&');
    const std::string_view pair = in.substr(0, amp);
    in = amp == std::string_view::npos ? std::string_view() : in.substr(amp + 1);
    if (pair.empty()) continue;
    if (out.size() >= limits.max_fields) return Error::invalid("", "too many form fields");
    BD_TRY(add_pair(pair, limits, out));
  }
  return out;
}

std::pair<std::string_view, std::string_view> split_target(std::string_view target) {
  const auto hash = target.find('#');
  if (hash != std::string_view::npos) target = target.substr(0, hash);
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {target, {}};
  return {target.substr(0, q), target.substr(q + 1)};
}

Result<std::string> normalize_path(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return Error::invalid("", "request path must start with '/'");
  std::string out;
  out.reserve(raw_path.size());
  std::string_view rest = raw_path.substr(1);
  bool trailing_slash = false;
  while (true) {
    const auto slash = rest.find('/');
    const std::string_view raw_segment = rest.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    trailing_slash = last && raw_segment.empty() && !out.empty();
    if (!raw_segment.empty()) {
      if (has_encoded_separator(raw_segment)) return Error::invalid("", "encoded separator in path");
      BD_ASSIGN_OR_RETURN(std::string segment, percent_decode(raw_segment, false));
      if (segment == "..") return Error::invalid("", "'..' is not allowed in a path");
      for (const char ch : segment) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) return Error::invalid("", "control character in path");
        if (c == '\\') return Error::invalid("", "'\\' is not allowed in a path");
      }
      if (!is_valid_utf8(segment)) return Error::invalid("", "path is not valid UTF-8");
      if (segment != ".") {
        out.push_back('/');
        out += segment;
      }
    }
    if (last) break;
    rest = rest.substr(slash + 1);
  }
  if (out.empty() || trailing_slash) out.push_back('/');
  return out;
}

Params parse_cookie_header(std::string_view header) {
  Params out;
  while (!header.empty()) {
    const auto semi = header.find(';');
    const std::string_view pair = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = trim(pair.substr(0, eq));
    std::string_view value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (!is_valid_cookie_name(name) || !is_valid_cookie_value(value)) continue;
    out.add(std::string(name), std::string(value));
  }
  return out;
}

bool is_valid_cookie_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!is_token_char(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool is_valid_cookie_value(std::string_view value) {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    // cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
    const bool ok = c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) ||
                    (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
    if (!ok) return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xe0) == 0xc0) { len = 2; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { len = 3; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr std::array<std::uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

}  // namespace bd::http
