// E-mail as the scanner reads it: one message (.eml, RFC 5322 with MIME, RFC 2045-2047)
// or a mailbox of many (mbox, as Thunderbird, mutt and most mail exports write it).
// A mailbox is the most common thing that leaks, and read as plain text it hides what
// matters: attachments are base64, bodies quoted-printable (an IBAN cut by a soft line
// break), names in headers encoded words. read_mail hands on what a reader of the
// messages sees:
//
// - per message, its text: the header fields that name people (From, To, Cc, Bcc,
//   Reply-To, Sender) and the Subject, decoded, then its text body parts decoded to
//   UTF-8; of the alternatives of one body (text and HTML) only the first counts, so
//   one message's addresses are not counted twice. Relay headers (Received, Return-
//   Path, DKIM, ...) are left out: they describe mail servers, not people.
// - an HTML body that comes without a plain-text alternative before it, as an
//   attachment named "body.html" (read as HTML: a table in it counts its rows);
// - each attachment (a part with a file name, or of a non-text type), decoded, as a
//   stream of its own bytes: a spreadsheet, CSV, zip or forwarded message inside is
//   read like any other file. A forwarded message (message/rfc822) that is not an
//   attachment adds its text to the message that carries it.
//
// Memory is bounded: lines are read in pieces of at most 64 KiB, a message's text is
// handed on in pieces of at most 4 MiB, at most 16 multiparts nest.
//
// Failure: only a failing source is an error (read_mail returns it, with the messages
// before it handed on). Broken MIME is read as well as it goes: a missing closing
// boundary ends at the next message or the end, bad base64 characters are skipped,
// unknown charsets are passed on as they are (the member's decoder then reads them).
// Not thread-safe; the callbacks run on the caller's thread, one at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "scan/input/byte_source.h"

namespace bd::scan::input {

struct MailCallbacks {
  // Message `message` (from 1)'s text, UTF-8 (more than one call for a text of more than
  // 4 MiB).
  std::function<void(std::size_t message, std::string_view text)> text;
  // An attachment of message `message`: `name` is its file name (no directories; made
  // up from its type when it has none); `body` reads its decoded bytes until the
  // callback returns (what it leaves unread is skipped).
  std::function<void(std::size_t message, const std::string& name, ByteSource& body)> attachment;
  // An encrypted part of message `message` (S/MIME; a PGP/MIME part comes as an
  // attachment whose "-----BEGIN PGP MESSAGE-----" the reader of files knows): `how`
  // says which encryption. Its content is not handed on.
  std::function<void(std::size_t message, const std::string& name, std::string_view how)> encrypted;
};

// Reads `src` to its end: one message, or with `mbox` each message of a mailbox.
Status read_mail(ByteSource& src, bool mbox, const MailCallbacks& callbacks);

// Whether a stream whose first bytes are `head` is e-mail, and then whether it is a
// mailbox: an mbox separator line ("From sender date") followed by header fields, or a
// header block of message fields (at least From and one of Date, Subject, To or
// Message-ID, or MIME-Version, capitalised as mail programs write them: a YAML file
// of "from:" and "to:" is none) up to its blank line. `name`'s extension (.eml, .mbox)
// only lowers what the content must show: a text file whose first lines are no header
// block stays text.
bool is_mail_head(std::string_view name, std::string_view head, bool* mbox);

}  // namespace bd::scan::input
