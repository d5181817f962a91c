#include "scan/input/mail.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "scan/input/decoder.h"
#include "scan/tokenize/xml_text.h"

namespace bd::scan::input {
namespace {

constexpr std::size_t kMaxLine = 64u << 10;     // longer lines come in pieces
constexpr std::size_t kBuffer = 256u << 10;     // the line reader's buffer
constexpr std::size_t kMaxText = 4u << 20;      // a message's text is handed on in pieces
constexpr std::size_t kMaxHeader = 256u << 10;  // header bytes kept per entity
constexpr int kMaxDepth = 16;                   // nested multiparts and messages

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

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

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

constexpr int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// A line, or a piece of a line longer than kMaxLine. `start`: it begins a line (only
// then can it be a boundary or an mbox separator); `ended`: the line ends with it.
struct Line {
  std::string_view text;
  bool start = true;
  bool ended = true;
};

class LineReader {
 public:
  explicit LineReader(ByteSource& src) : src_(src), buf_(kBuffer, '\0') {}

  // The current line without its end (\n or \r\n); false at the end of the stream.
  // The text stays valid until consume().
  Result<bool> peek(Line& line) {
    if (!have_) {
      BD_ASSIGN_OR_RETURN(bool more, find_line());
      if (!more) return false;
    }
    line = current_;
    return true;
  }
  void consume() {
    pos_ = next_;
    have_ = false;
    at_start_ = current_.ended;
    ++consumed_;
  }
  std::uint64_t consumed() const { return consumed_; }

 private:
  Result<bool> find_line() {
    for (;;) {
      const std::string_view avail(buf_.data() + pos_, end_ - pos_);
      const std::size_t nl = avail.find('\n');
      if (nl != std::string_view::npos || avail.size() >= kMaxLine || (eof_ && !avail.empty())) {
        if (nl != std::string_view::npos && nl <= kMaxLine) {
          current_.text = avail.substr(0, nl);
          if (!current_.text.empty() && current_.text.back() == '\r') current_.text.remove_suffix(1);
          current_.ended = true;
          next_ = pos_ + nl + 1;
        } else {
          const std::size_t n = std::min(avail.size(), kMaxLine);
          current_.text = avail.substr(0, n);
          current_.ended = eof_ && n == avail.size();
          next_ = pos_ + n;
        }
        current_.start = at_start_;
        have_ = true;
        return true;
      }
      if (eof_) return false;
      // Room for more: what is left moves to the front (less than kMaxLine of kBuffer).
      std::copy(buf_.begin() + static_cast<std::ptrdiff_t>(pos_),
                buf_.begin() + static_cast<std::ptrdiff_t>(end_), buf_.begin());
      end_ -= pos_;
      pos_ = 0;
      BD_ASSIGN_OR_RETURN(std::size_t n, src_.read(buf_.data() + end_, buf_.size() - end_));
      if (n == 0) eof_ = true;
      end_ += n;
    }
  }

  ByteSource& src_;
  std::string buf_;
  std::size_t pos_ = 0, end_ = 0, next_ = 0;
  bool eof_ = false;
  bool have_ = false;
  bool at_start_ = true;
  Line current_;
  std::uint64_t consumed_ = 0;
};

// Text in `charset` appended to `out` as UTF-8: the Latin-1 family converted, anything
// else (UTF-8, ASCII, charsets not known here) as it is.
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

bool is_latin1(std::string_view charset) {
  const std::string c = lowered(charset);
  return c == "iso-8859-1" || c == "iso-8859-15" || c == "latin1" || c == "latin-1" || c == "windows-1252" ||
         c == "cp1252" || c == "us-ascii" || c == "ascii";
}

// Base64 of any length, fed piece by piece: characters outside the alphabet (line
// breaks, spaces, garbage) are skipped, '=' ends a group.
class Base64Decoder {
 public:
  void feed(std::string_view s, std::string& out) {
    // Whole groups of four alphabet characters (all of a usual line) three bytes at a
    // time; an attachment's bytes all pass here.
    std::size_t i = 0;
    if (bits_ == 0) {
      const std::size_t start = out.size();
      out.resize(start + s.size() / 4 * 3);
      char* o = out.data() + start;
      for (; i + 4 <= s.size(); i += 4, o += 3) {
        const int a = kDigits[static_cast<unsigned char>(s[i])],
                  b = kDigits[static_cast<unsigned char>(s[i + 1])],
                  c = kDigits[static_cast<unsigned char>(s[i + 2])],
                  d = kDigits[static_cast<unsigned char>(s[i + 3])];
        if ((a | b | c | d) < 0) break;
        const auto v = static_cast<std::uint32_t>(a << 18 | b << 12 | c << 6 | d);
        o[0] = static_cast<char>(v >> 16);
        o[1] = static_cast<char>(v >> 8);
        o[2] = static_cast<char>(v);
      }
      out.resize(static_cast<std::size_t>(o - out.data()));
    }
    for (char c : s.substr(i)) {
      const int v = kDigits[static_cast<unsigned char>(c)];
      if (v < 0) {
        if (c == '=') {  // padding: the group's spare bits are dropped
          acc_ = 0;
          bits_ = 0;
        }
        continue;
      }
      acc_ = (acc_ << 6) | static_cast<std::uint32_t>(v);
      bits_ += 6;
      if (bits_ >= 8) {
        bits_ -= 8;
        out.push_back(static_cast<char>((acc_ >> bits_) & 0xFF));
        acc_ &= (1u << bits_) - 1;
      }
    }
  }

 private:
  static constexpr std::array<std::int8_t, 256> kDigits = [] {
    std::array<std::int8_t, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(base64_digit(static_cast<char>(c)));
    return t;
  }();
  std::uint32_t acc_ = 0;
  int bits_ = 0;
};

// Quoted-printable (RFC 2045 6.7): "=XX" is a byte, '=' at the end of a line joins it
// to the next, trailing blanks are transport padding. `underscore_space`: the Q
// encoding of header words, where '_' is a space.
void append_quoted_printable(std::string_view s, bool line_ended, bool underscore_space, std::string& out) {
  if (line_ended) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  }
  bool soft = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '=') {
      if (i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
        out.push_back(static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2])));
        i += 2;
        continue;
      }
      if (i + 1 == s.size()) {
        soft = true;
        break;
      }
    }
    out.push_back(underscore_space && c == '_' ? ' ' : c);
  }
  if (line_ended && !soft && !underscore_space) out.push_back('\n');
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

enum class TransferEncoding { kIdentity, kBase64, kQuotedPrintable };

// What the MIME header fields of one entity (a message or a part) say about its body.
struct Entity {
  std::string type = "text/plain";  // lower-case; the default of RFC 2045
  bool typed = false;
  std::string boundary;
  bool latin1 = false;  // its charset is of the Latin-1 family
  TransferEncoding encoding = TransferEncoding::kIdentity;
  std::string filename;
  bool attachment = false;  // Content-Disposition: attachment
  std::string smime_type;   // of an S/MIME part: enveloped-data, signed-data, ...

  bool multipart() const { return starts_with(type, "multipart/"); }
  // An S/MIME message whose content is encrypted (anything but signed-data: the type
  // may be left out, and the usual smime.p7m of a mail program is encrypted).
  bool smime_encrypted() const {
    return (type == "application/pkcs7-mime" || type == "application/x-pkcs7-mime") &&
           smime_type != "signed-data";
  }
  bool message() const { return type == "message/rfc822"; }
  bool text_body() const {
    return filename.empty() && !attachment &&
           (!typed || type == "text/plain" || type == "text/html" || type == "text/enriched");
  }
};

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

// A file name safe to show as a member: its last path component, UTF-8 (a name in
// raw 8-bit bytes read as Windows-1252), no control characters or '!', at most about
// 200 bytes; made up from the type when there is none.
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

class MailParser;

// An attachment's decoded bytes, read from the parser's lines up to the line that ends
// the part.
class AttachmentSource final : public ByteSource {
 public:
  // `pending` holds decoded bytes not yet read; the parser's, reused from one
  // attachment to the next (a fresh buffer of each was a visible share of a mailbox's
  // scan, mapped and unmapped again).
  AttachmentSource(MailParser& parser, TransferEncoding encoding, std::string& pending)
      : parser_(parser), encoding_(encoding), pending_(pending) {
    pending_.clear();
  }
  Result<std::size_t> read(char* dst, std::size_t cap) override;
  Status drain();

 private:
  MailParser& parser_;
  TransferEncoding encoding_;
  Base64Decoder base64_;
  std::string& pending_;
  std::size_t offset_ = 0;
  bool done_ = false;
};

class MailParser {
 public:
  MailParser(ByteSource& src, bool mbox, const MailCallbacks& callbacks)
      : lines_(src), mbox_(mbox), callbacks_(callbacks) {}

  Status run() {
    Line line;
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, lines_.peek(line));
      if (!more) return {};
      const std::uint64_t before = lines_.consumed();
      if (separator(line)) lines_.consume();
      ++message_;
      attachments_ = 0;
      text_.clear();
      BD_ASSIGN_OR_RETURN(Entity e, read_headers(true));
      BD_TRY(read_entity(e, 0, false));
      flush_text();
      if (lines_.consumed() == before) lines_.consume();  // a line nothing took: never twice
    }
  }

  // The next line of the current part's body, or false when the part ends there.
  Result<bool> body_line(Line& line) {
    BD_ASSIGN_OR_RETURN(bool more, lines_.peek(line));
    return more && !ends_part(line);
  }
  void consume() { lines_.consume(); }

 private:
  bool separator(const Line& l) const { return mbox_ && l.start && starts_with(l.text, "From "); }

  // The index in boundaries_ of the boundary `l` is a delimiter of (innermost first),
  // or -1; `closing`: it is the close delimiter ("--boundary--").
  int boundary_of(const Line& l, bool* closing = nullptr) const {
    if (!l.start || !starts_with(l.text, "--")) return -1;
    for (std::size_t i = boundaries_.size(); i-- > 0;) {
      const std::string& b = boundaries_[i];
      if (l.text.size() < 2 + b.size() || l.text.compare(2, b.size(), b) != 0) continue;
      std::string_view rest = l.text.substr(2 + b.size());
      const bool close = starts_with(rest, "--");
      if (close) rest.remove_prefix(2);
      if (!trim(rest).empty()) continue;
      if (closing != nullptr) *closing = close;
      return static_cast<int>(i);
    }
    return -1;
  }
  bool ends_part(const Line& l) const { return separator(l) || boundary_of(l) >= 0; }

  // The header block of an entity up to its blank line (consumed), or up to a line
  // that ends the part or is no header field (not consumed: a body without the blank
  // line). With `shown`, the fields that name people are added to the message's text.
  Result<Entity> read_headers(bool shown) {
    std::vector<std::pair<std::string, std::string>> fields;
    std::size_t kept = 0;
    Line line;
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, lines_.peek(line));
      if (!more || ends_part(line)) break;
      if (line.start && line.ended && line.text.empty()) {
        lines_.consume();
        break;
      }
      const bool folded =
          !line.start || (!line.text.empty() && (line.text.front() == ' ' || line.text.front() == '\t'));
      if (folded) {
        if (fields.empty()) break;  // the body, without the blank line before it
        if (kept < kMaxHeader) fields.back().second.append(line.text);
      } else {
        const std::size_t colon = line.text.find(':');
        if (colon == std::string_view::npos || !is_header_name(line.text.substr(0, colon))) break;
        if (kept < kMaxHeader)
          fields.emplace_back(lowered(line.text.substr(0, colon)), line.text.substr(colon + 1));
      }
      kept += line.text.size();
      lines_.consume();
    }
    Entity e;
    std::string disposition_name, type_name;
    for (const auto& [name, value] : fields) {
      if (name == "content-type") {
        const std::string_view type =
            parse_parameters(value, [&](const std::string& p, const std::string& v) {
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
        const std::string_view kind =
            parse_parameters(value, [&](const std::string& p, const std::string& v) {
              note_file_name(disposition_name, "filename", p, v);
            });
        e.attachment = lowered(kind) == "attachment";
      } else if (shown) {
        if (const std::string_view label = shown_field(name); !label.empty()) {
          add_text(label);
          add_text(": ");
          add_text(decode_words(trim(value)));
          add_text("\n");
        }
      }
    }
    e.filename = disposition_name.empty() ? type_name : disposition_name;
    return e;
  }

  Status read_entity(const Entity& e, int depth, bool skip_text) {
    if (e.multipart() && !e.boundary.empty() && depth < kMaxDepth) return read_multipart(e, depth, skip_text);
    if (e.message() && !e.attachment && e.filename.empty() && depth < kMaxDepth) {
      // A forwarded message inside this one: its text is this message's text.
      BD_ASSIGN_OR_RETURN(Entity inner, read_headers(!skip_text));
      return read_entity(inner, depth + 1, skip_text);
    }
    if (e.smime_encrypted()) {
      // Ciphertext: no personal data to count, but the answer to "were the data
      // protected?" for this message.
      const std::string name = member_name(e, ++attachments_);
      if (callbacks_.encrypted) callbacks_.encrypted(message_, name, "S/MIME encrypted message");
      return skip_part();
    }
    if (e.text_body() && e.type == "text/html" && !skip_text) {
      // An HTML body (no plain-text alternative came first) is read as HTML: its tags
      // and entities are no text, and a table in it (a list of clients pasted into a
      // message) counts its rows.
      ++text_parts_;
      return read_attachment(e, "body.html");
    }
    const bool forwarded = e.message() && !e.attachment && e.filename.empty();
    if (e.text_body() || e.multipart() || forwarded) return read_text(e, skip_text);
    return read_attachment(e);
  }

  Status read_multipart(const Entity& e, int depth, bool skip_text) {
    boundaries_.push_back(e.boundary);
    const int mine = static_cast<int>(boundaries_.size()) - 1;
    struct Pop {
      std::vector<std::string>& b;
      ~Pop() { b.pop_back(); }
    } pop{boundaries_};
    Line line;
    bool closing = false;
    // The preamble, up to the first delimiter.
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, lines_.peek(line));
      if (!more) return {};
      const int b = boundary_of(line, &closing);
      if (b == mine) break;
      if (b >= 0 || separator(line)) return {};  // an enclosing part ends first
      lines_.consume();
    }
    const bool alternative = e.type == "multipart/alternative";
    bool taken = false;  // an alternative gave text: the others repeat it
    for (;;) {
      lines_.consume();  // the delimiter
      if (closing) {
        // The epilogue, up to what ends the enclosing part.
        for (;;) {
          BD_ASSIGN_OR_RETURN(bool more, lines_.peek(line));
          if (!more || separator(line)) return {};
          const int b = boundary_of(line);
          if (b >= 0 && b < mine) return {};
          lines_.consume();
        }
      }
      BD_ASSIGN_OR_RETURN(Entity part, read_headers(false));
      const std::size_t texts = text_parts_;
      BD_TRY(read_entity(part, depth + 1, skip_text || (alternative && taken)));
      if (alternative && text_parts_ != texts) taken = true;
      BD_ASSIGN_OR_RETURN(bool more, lines_.peek(line));
      if (!more || boundary_of(line, &closing) != mine) return {};
    }
  }

  Status read_text(const Entity& e, bool skip) {
    if (!skip) ++text_parts_;
    Base64Decoder base64;
    std::string bytes;
    Line line;
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, body_line(line));
      if (!more) return {};
      if (!skip) {
        bytes.clear();
        switch (e.encoding) {
          case TransferEncoding::kBase64:
            base64.feed(line.text, bytes);
            break;
          case TransferEncoding::kQuotedPrintable:
            append_quoted_printable(line.text, line.ended, false, bytes);
            break;
          case TransferEncoding::kIdentity:
            bytes.append(line.text);
            if (line.ended) bytes.push_back('\n');
            break;
        }
        add_text(bytes, e.latin1);
      }
      lines_.consume();
    }
  }

  // Skips the rest of the current part.
  Status skip_part() {
    Line line;
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, body_line(line));
      if (!more) return {};
      lines_.consume();
    }
  }

  // `name`: the member's name when it is not the attachment's own (an HTML body).
  Status read_attachment(const Entity& e, const std::string& name = {}) {
    AttachmentSource body(*this, e.encoding, attachment_bytes_);
    if (callbacks_.attachment)
      callbacks_.attachment(message_, name.empty() ? member_name(e, ++attachments_) : name, body);
    return body.drain();
  }

  void add_text(std::string_view s, bool latin1 = false) {
    append_charset(text_, s, latin1);
    if (text_.size() >= kMaxText) flush_text();
  }
  void flush_text() {
    if (!text_.empty() && callbacks_.text) callbacks_.text(message_, text_);
    text_.clear();
  }

  LineReader lines_;
  bool mbox_;
  const MailCallbacks& callbacks_;
  std::vector<std::string> boundaries_;  // of the multiparts being read, outermost first
  std::size_t message_ = 0;
  std::size_t attachments_ = 0;   // of the current message
  std::size_t text_parts_ = 0;    // text parts read so far
  std::string text_;              // the current message's text not yet handed on
  std::string attachment_bytes_;  // AttachmentSource's buffer
};

Result<std::size_t> AttachmentSource::read(char* dst, std::size_t cap) {
  if (offset_ == pending_.size()) {
    pending_.clear();
    offset_ = 0;
  }
  // Lines are decoded until the caller's buffer can be filled (or 64 KiB are ready).
  while (pending_.size() - offset_ < std::min<std::size_t>(cap, 64u << 10) && !done_) {
    Line line;
    BD_ASSIGN_OR_RETURN(bool more, parser_.body_line(line));
    if (!more) {
      done_ = true;
      break;
    }
    switch (encoding_) {
      case TransferEncoding::kBase64:
        base64_.feed(line.text, pending_);
        break;
      case TransferEncoding::kQuotedPrintable:
        append_quoted_printable(line.text, line.ended, false, pending_);
        break;
      case TransferEncoding::kIdentity:
        pending_.append(line.text);
        if (line.ended) pending_.push_back('\n');
        break;
    }
    parser_.consume();
  }
  const std::size_t n = std::min(cap, pending_.size() - offset_);
  std::copy_n(pending_.data() + offset_, n, dst);
  offset_ += n;
  return n;
}

Status AttachmentSource::drain() {
  Line line;
  while (!done_) {
    BD_ASSIGN_OR_RETURN(bool more, parser_.body_line(line));
    if (!more) break;
    parser_.consume();
  }
  done_ = true;
  return {};
}

std::string_view next_line(std::string_view& s) {
  const std::size_t nl = s.find('\n');
  std::string_view line = s.substr(0, nl);
  s.remove_prefix(nl == std::string_view::npos ? s.size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

Status read_mail(ByteSource& src, bool mbox, const MailCallbacks& callbacks) {
  MailParser parser(src, mbox, callbacks);
  return parser.run();
}

bool is_mail_head(std::string_view name, std::string_view head, bool* mbox) {
  std::string ext;
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos) ext = lowered(name.substr(dot + 1));
  std::string_view rest = head;
  *mbox = starts_with(rest, "From ");
  if (*mbox) next_line(rest);
  // The header block, up to its blank line: every line a field or a folded one.
  std::size_t fields = 0;
  bool from = false, about = false, mime = false, ended = false;
  for (int i = 0; !rest.empty(); ++i) {
    if (i == 500) return false;
    const std::string_view line = next_line(rest);
    if (line.empty()) {
      ended = true;
      break;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (fields == 0) return false;
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_header_name(line.substr(0, colon))) return false;
    // Mail programs write field names capitalised ("From", "Message-ID"); a YAML or
    // properties file whose first keys are "from" and "to" is no message.
    const bool mail_case = line.front() >= 'A' && line.front() <= 'Z';
    const std::string field = mail_case ? lowered(line.substr(0, colon)) : std::string();
    ++fields;
    from |= field == "from";
    mime |= field == "mime-version";
    about |= field == "date" || field == "subject" || field == "to" || field == "message-id";
  }
  if (!ended && head.size() >= (64u << 10))
    return false;  // no end of the block in sight (a whole file ends it)
  if (fields == 0) return false;
  if (*mbox) return fields >= 2;
  return mime || (from && about) || ext == "eml";
}

}  // namespace bd::scan::input
