// The checks on one supporting document (an attachment of a breach) before it is
// stored, on its bytes alone:
// its file name made safe to show and to send back in a download, and its type
// recognised from its bytes (never from the name or the type the browser claims).
//
// Accepted types: PDF, PNG, JPEG, plain UTF-8 text, and the Office Open XML
// (docx, xlsx, pptx) and OpenDocument (odt, ods, odp) zip formats. Other zip files
// (archives that could hold anything) and Office files with macros are refused.
//
// Pure functions over the given bytes; thread-safe. Failure: kInvalidInput, field
// "file", with a Dutch message that names the problem.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace bd::model {

inline constexpr std::size_t kMaxAttachmentBytes = 10 * 1024 * 1024;  // per file
inline constexpr std::size_t kMaxAttachmentNameChars = 200;

struct DocumentType {
  std::string_view content_type;  // served as Content-Type, e.g. "application/pdf"
  std::string_view label;         // short and language-neutral, e.g. "PDF", "DOCX"
  std::string_view extension;     // for a file that came without a usable name
};

// The type of `bytes`, or nullopt when it is none of the accepted types.
std::optional<DocumentType> sniff_document_type(std::string_view bytes);

// The accepted type with this content type, or nullopt.
std::optional<DocumentType> find_document_type(std::string_view content_type);

// The name to keep: the last part of a path, without control characters (C0, DEL,
// C1) and bidirectional overrides (which can disguise "exe.pdf"), trimmed. Empty when
// nothing usable is left. kInvalidInput when it is not UTF-8 or longer than
// kMaxAttachmentNameChars characters.
Result<std::string> clean_file_name(std::string_view raw);

struct CheckedDocument {
  std::string name;  // clean_file_name, or "document.<extension>" when that was empty
  DocumentType type;
};

// All checks on one upload: not empty, at most kMaxAttachmentBytes, an accepted type,
// a usable name.
Result<CheckedDocument> check_document(std::string_view raw_name, std::string_view bytes);

// The refusal of a file over kMaxAttachmentBytes, so the web layer can answer 413
// with the same words before handing the upload on.
Error document_too_large();

}  // namespace bd::model
