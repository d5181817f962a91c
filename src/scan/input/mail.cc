#include "scan/input/mail.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "scan/input/mail_mime.h"
#include "scan/input/sniff.h"
#include "scan/transfer_codec.h"

namespace bd::scan::input {
namespace {

using namespace mime;  // NOLINT(google-build-using-namespace): the reader's own helpers

constexpr std::size_t kMaxLine = 64u << 10;     // longer lines come in pieces
constexpr std::size_t kBuffer = 256u << 10;     // the line reader's buffer
constexpr std::size_t kMaxText = 4u << 20;      // a message's text is handed on in pieces
constexpr std::size_t kMaxHeader = 256u << 10;  // header bytes kept per entity
constexpr int kMaxDepth = 16;                   // nested multiparts and messages

// A line, or a piece of a line longer than kMaxLine. `start`: it begins a line (only
// then can it be a boundary or an mbox separator); `ended`: the line ends with it.
struct Line {
  std::string_view text;
  bool start = true;
  bool ended = true;
};

// A body line undone from its transfer encoding, appended to `out` (`base64` carries
// a group cut by the line end to the next line).
void decode_line(TransferEncoding encoding, Base64Decoder& base64, const Line& line, std::string& out) {
  switch (encoding) {
    case TransferEncoding::kBase64:
      base64.feed(line.text, out);
      break;
    case TransferEncoding::kQuotedPrintable:
      append_quoted_printable(line.text, line.ended, false, out);
      break;
    case TransferEncoding::kIdentity:
      out.append(line.text);
      if (line.ended) out.push_back('\n');
      break;
  }
}

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
    HeaderFields fields;
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
    std::string named;
    Entity e = entity_of(fields, shown ? &named : nullptr);
    if (!named.empty()) add_text(named);
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
        decode_line(e.encoding, base64, line, bytes);
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
    decode_line(encoding_, base64_, line, pending_);
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
  const std::string ext = lower_extension(name);
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
