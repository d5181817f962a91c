// XML character data: entities and character references decoded into UTF-8. Shared by
// the XML tokenizer and the spreadsheet readers (scan/input/xlsx.h, ods.h). Pure;
// never fails: an unknown or malformed entity is kept as written, a reference to no
// character becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace bd::scan::tokenize {

// `cp` as UTF-8, appended to `out`.
void append_utf8(std::string& out, unsigned long cp);

// XML text with the five entities and numeric character references decoded, appended
// to `out`.
void append_xml_unescaped(std::string& out, std::string_view s);

}  // namespace bd::scan::tokenize
