// MIME header fields as the mail reader (mail.h) reads them: what an entity's fields
// say about its body (type, boundary, charset, transfer encoding, file name), the
// fields that name people as a message's text shows them, and a safe member name for
// an attachment. Internal to src/scan/input/. Pure functions; never fail (a malformed
// field is read as far as it goes, an unknown charset passed on as it is).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bd::scan::input::mime {

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
std::string lowered(std::string_view s);    // ASCII lower-cased
std::string_view trim(std::string_view s);  // without blanks (and a '\r') at its ends

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

// An entity's header fields in order: the name lower-cased, the value as written
// (folded lines joined).
using HeaderFields = std::vector<std::pair<std::string, std::string>>;

// What `fields` say about the entity's body. With `shown`, the fields that name people
// (From, To, Cc, Bcc, Reply-To, Sender) and the Subject are appended to it as text
// ("From: Zoë Bakker <zoe@example.nl>\n"), encoded words decoded.
Entity entity_of(const HeaderFields& fields, std::string* shown);

// Whether `name` can be a header field's name (letters, digits, '-', '_').
bool is_header_name(std::string_view name);

// A file name safe to show as a member: its last path component, UTF-8 (a name in
// raw 8-bit bytes read as Windows-1252), no control characters or '!', at most about
// 200 bytes; made up from the type ("attachment-2.csv") when there is none.
std::string member_name(const Entity& e, std::size_t number);

// Text appended to `out` as UTF-8: with `latin1` (the charset is of the Latin-1
// family) converted from Windows-1252, else (UTF-8, ASCII, charsets not known here) as
// it is.
void append_charset(std::string& out, std::string_view bytes, bool latin1);

}  // namespace bd::scan::input::mime
