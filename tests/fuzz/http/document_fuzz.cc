// Fuzzes the checks on an uploaded supporting document (src/model/document_file.h):
// the type sniffer walks zip local headers and central directories of Office and
// OpenDocument files, and the name cleaner reads UTF-8. Properties the upload relies
// on: nothing crashes or reads out of bounds, a refusal is kInvalidInput on "file",
// an accepted name is valid UTF-8 without control characters or path separators, and
// the accepted type is one find_document_type knows. The first input line is also
// tried as a file name.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/document_file.h"
#include "model/text_checks.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

void check_name(std::string_view raw) {
  auto name = bd::model::clean_file_name(raw);
  if (!name.ok()) {
    check(name.error().kind == bd::ErrorKind::kInvalidInput);
    return;
  }
  check(bd::model::is_valid_utf8(*name));
  for (unsigned char c : *name) check(c >= 0x20 && c != 0x7F && c != '/' && c != '\\');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto type = bd::model::sniff_document_type(bytes)) {
    check(bd::model::find_document_type(type->content_type).has_value());
  }
  const std::string_view first_line = bytes.substr(0, bytes.find('\n'));
  check_name(first_line);
  auto checked = bd::model::check_document(first_line, bytes);
  if (!checked.ok()) {
    check(checked.error().kind == bd::ErrorKind::kInvalidInput && checked.error().field == "file");
  } else {
    check(!checked->name.empty());
  }
  return 0;
}
