// MailMessage: one e-mail as breachdesk sends it (a reminder, a letter to an affected
// person). Plain data; the transport (smtp_mailer.h) turns it into MIME.
#pragma once

#include <string>
#include <vector>

namespace bd::notify {

struct MailAttachment {
  std::string filename;      // shown to the recipient, e.g. "brief.pdf"
  std::string content_type;  // e.g. "application/pdf"
  std::string data;          // raw bytes
};

struct MailMessage {
  std::string message_id;  // "<random@host>"; stable across retries so a duplicate is recognisable
  std::string from;        // bare address, e.g. "privacy@example.nl"
  std::string from_name;   // display name, UTF-8, may be empty
  std::vector<std::string> to;  // bare addresses
  std::string subject;     // UTF-8
  std::string text_body;   // UTF-8, required
  std::string html_body;   // UTF-8, optional: sent as multipart/alternative when present
  std::vector<MailAttachment> attachments;
};

}  // namespace bd::notify
