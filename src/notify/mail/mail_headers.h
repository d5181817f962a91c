// Helpers that make header values safe for RFC 5322: encoded-words for UTF-8 text and
// a strict check on addresses, so that no user-supplied value can inject a header
// (CR/LF) or a second recipient.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace bd::notify {

// "=?UTF-8?B?…?=" encoded-words (RFC 2047) when `text` is not plain printable ASCII;
// the text itself otherwise. Never contains CR or LF.
std::string encode_header_text(std::string_view text);

// Accepts "local@domain" with no spaces, angle brackets, commas, quotes or control
// characters; the error names `field`.
Status check_address(std::string_view address, std::string_view field);

// "Name <addr>" with the name encoded when needed, or just "<addr>".
std::string format_mailbox(std::string_view display_name, std::string_view address);

}  // namespace bd::notify
