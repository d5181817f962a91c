#include "scan/input/mail_mime.h"

#include <algorithm>
#include <array>

#include "scan/input/decoder.h"
#include "scan/tokenize/xml_text.h"
#include "scan/transfer_codec.h"

namespace bd::scan::input::mime {
namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_latin1(std::string_view charset) {
  const std::string c = lowered(charset);
  return c == "iso-8859-1" || c == "iso-8859-15" || c == "latin1" || c == "latin-1" || c == "windows-1252" ||
         c == "cp1252" || c == "us-ascii" || c == "ascii";
}

// A header value with its RFC 2047 encoded words (=?charset?B|Q?text?=) decoded; white
// space between two encoded words is dropped, as the RFC says.
std::string decode_words(std::string_view v) {
  std::string out;
  std::size_t i = 0;
  bool after_word = false;
  while (i < v.size()) {
    const std::size_t at = v.find("=?", i);
    if (at == std::string_view::npos) {
      out.append(v.substr(i));
      break;
    }
    const std::size_t q1 = v.find('?', at + 2);
    const std::size_t q2 = q1 == std::string_view::npos ? q1 : v.find('?', q1 + 1);
    const std::size_t end = q2 == std::string_view::npos ? q2 : v.find("?=", q2 + 1);
    if (end == std::string_view::npos || q2 != q1 + 2) {
      out.append(v.substr(i, at + 2 - i));
      i = at + 2;
      after_word = false;
      continue;
    }
    const std::string_view between = v.substr(i, at - i);
    if (!(after_word && trim(between).empty())) out.append(between);
    std::string charset(v.substr(at + 2, q1 - at - 2));
    if (const auto star = charset.find('*'); star != std::string::npos)
      charset.resize(star);  // RFC 2231 language
    const char kind = lower(v[q1 + 1]);
    const std::string_view text = v.substr(q2 + 1, end - q2 - 1);
    std::string bytes;
    if (kind == 'b') {
      Base64Decoder b64;
      b64.feed(text, bytes);
    } else {
      append_quoted_printable(text, false, true, bytes);
    }
    append_charset(out, bytes, is_latin1(charset));
    i = end + 2;
    after_word = true;
  }
  return out;
}

// "%C3%A9" escapes of an RFC 2231 parameter value ("UTF-8''na%C3%AFef.csv").
std::string percent_decoded(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && hex_digit(v[i + 1]) >= 0 && hex_digit(v[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_digit(v[i + 1]) * 16 + hex_digit(v[i + 2])));
      i += 2;
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

// The parameters of a Content-Type or Content-Disposition value: `value` is what
// precedes the first ';', each parameter goes to `param(name, value)` with the name
// lower-cased and the value unquoted (RFC 2231 "name*" values percent-decoded).
template <typename F>
std::string_view parse_parameters(std::string_view field, F&& param) {
  std::size_t i = field.find(';');
  const std::string_view value = trim(field.substr(0, i));
  while (i != std::string_view::npos && i < field.size()) {
    ++i;
    const std::size_t eq = field.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string name = lowered(trim(field.substr(i, eq - i)));
    std::size_t j = eq + 1;
    while (j < field.size() && (field[j] == ' ' || field[j] == '\t')) ++j;
    std::string v;
    if (j < field.size() && field[j] == '"') {
      for (++j; j < field.size() && field[j] != '"'; ++j) {
        // A backslash quotes only a quote or a backslash: Windows clients send paths
        // ("C:\data\a.csv") unescaped.
        if (field[j] == '\\' && j + 1 < field.size() && (field[j + 1] == '"' || field[j + 1] == '\\')) ++j;
        v.push_back(field[j]);
      }
      i = field.find(';', j);
    } else {
      i = field.find(';', j);
      v = std::string(trim(field.substr(j, i == std::string_view::npos ? std::string_view::npos : i - j)));
    }
    if (!name.empty() && name.back() == '*') {
      name.pop_back();
      const std::size_t tick = v.find('\'');
      const std::size_t tick2 = tick == std::string::npos ? tick : v.find('\'', tick + 1);
      v = percent_decoded(tick2 == std::string::npos ? v : v.substr(tick2 + 1));
    }
    param(name, v);
  }
  return value;
}

// A file name parameter (`wanted`: "filename" of Content-Disposition, "name" of
// Content-Type) into `target`: whole (encoded words decoded), or the pieces of an RFC
// 2231 continuation (name*0, name*1, ...) joined.
void note_file_name(std::string& target, std::string_view wanted, std::string_view param,
                    const std::string& value) {
  const std::size_t star = param.find('*');
  if (param.substr(0, star) != wanted) return;
  if (star == std::string_view::npos)
    target = decode_words(value);
  else if (param.substr(star) == "*0")
    target = value;
  else
    target += value;
}

// The header fields that name people, as they are shown in the message's text.
std::string_view shown_field(std::string_view lower_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kShown = {{
      {"from", "From"},
      {"to", "To"},
      {"cc", "Cc"},
      {"bcc", "Bcc"},
      {"reply-to", "Reply-To"},
      {"sender", "Sender"},
      {"subject", "Subject"},
  }};
  for (const auto& [name, shown] : kShown) {
    if (name == lower_name) return shown;
  }
  return {};
}

}  // namespace

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void append_charset(std::string& out, std::string_view bytes, bool latin1) {
  if (!latin1) {
    out.append(bytes);
    return;
  }
  for (char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80)
      out.push_back(c);
    else
      tokenize::append_utf8(out, windows_1252_char(u));
  }
}

std::string member_name(const Entity& e, std::size_t number) {
  std::string name = e.filename;
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '!'; });
  if (name.size() > 200) name.resize(200);
  bool cut = false;
  if (const std::size_t valid = valid_utf8_prefix(name, &cut); valid != name.size()) {
    if (cut) {
      name.resize(valid);  // a character cut by the limit above
    } else {
      std::string converted;
      append_charset(converted, name, true);
      name = converted;
    }
  }
  name = std::string(trim(name));
  if (!name.empty() && name != "." && name != "..") return name;
  static constexpr std::pair<std::string_view, std::string_view> kExtensions[] = {
      {"text/csv", ".csv"},
      {"text/tab-separated-values", ".tsv"},
      {"text/html", ".html"},
      {"text/plain", ".txt"},
      {"text/xml", ".xml"},
      {"application/xml", ".xml"},
      {"application/json", ".json"},
      {"application/sql", ".sql"},
      {"application/zip", ".zip"},
      {"application/x-zip-compressed", ".zip"},
      {"application/gzip", ".gz"},
      {"application/x-gzip", ".gz"},
      {"application/pdf", ".pdf"},
      {"message/rfc822", ".eml"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"},
      {"application/vnd.oasis.opendocument.spreadsheet", ".ods"},
  };
  std::string made = "attachment-" + std::to_string(number);
  for (const auto& [type, ext] : kExtensions) {
    if (e.type == type) return made + std::string(ext);
  }
  return made;
}

bool is_header_name(std::string_view name) {
  if (name.empty() || name.size() > 76) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

Entity entity_of(const HeaderFields& fields, std::string* shown) {
  Entity e;
  std::string disposition_name, type_name;
  for (const auto& [name, value] : fields) {
    if (name == "content-type") {
      const std::string_view type = parse_parameters(value, [&](const std::string& p, const std::string& v) {
        if (p == "boundary")
          e.boundary = v.substr(0, 200);
        else if (p == "charset")
          e.latin1 = is_latin1(v);
        else if (p == "smime-type")
          e.smime_type = lowered(v);
        else
          note_file_name(type_name, "name", p, v);
      });
      if (!type.empty()) {
        e.type = lowered(type);
        e.typed = true;
      }
    } else if (name == "content-transfer-encoding") {
      const std::string enc = lowered(trim(value));
      if (enc == "base64")
        e.encoding = TransferEncoding::kBase64;
      else if (enc == "quoted-printable")
        e.encoding = TransferEncoding::kQuotedPrintable;
    } else if (name == "content-disposition") {
      const std::string_view kind = parse_parameters(value, [&](const std::string& p, const std::string& v) {
        note_file_name(disposition_name, "filename", p, v);
      });
      e.attachment = lowered(kind) == "attachment";
    } else if (shown != nullptr) {
      if (const std::string_view label = shown_field(name); !label.empty())
        shown->append(label).append(": ").append(decode_words(trim(value))).append("\n");
    }
  }
  e.filename = disposition_name.empty() ? type_name : disposition_name;
  return e;
}

}  // namespace bd::scan::input::mime
