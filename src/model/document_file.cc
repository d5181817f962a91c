#include "model/document_file.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "model/text_checks.h"

namespace bd::model {
namespace {

constexpr DocumentType kPdf{"application/pdf", "PDF", "pdf"};
constexpr DocumentType kPng{"image/png", "PNG", "png"};
constexpr DocumentType kJpeg{"image/jpeg", "JPEG", "jpg"};
constexpr DocumentType kText{"text/plain; charset=utf-8", "TXT", "txt"};
constexpr DocumentType kDocx{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
                             "docx"};
constexpr DocumentType kXlsx{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "xlsx"};
constexpr DocumentType kPptx{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX",
                             "pptx"};
constexpr DocumentType kOdt{"application/vnd.oasis.opendocument.text", "ODT", "odt"};
constexpr DocumentType kOds{"application/vnd.oasis.opendocument.spreadsheet", "ODS", "ods"};
constexpr DocumentType kOdp{"application/vnd.oasis.opendocument.presentation", "ODP", "odp"};
constexpr std::array kAllTypes{kPdf, kPng, kJpeg, kText, kDocx, kXlsx, kPptx, kOdt, kOds, kOdp};

// ---- zip: just enough of the format (APPNOTE 4.3) to list entry names -----------

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::size_t kEocdBytes = 22;
constexpr std::size_t kMaxZipComment = 0xFFFF;
constexpr std::size_t kMaxEntries = 10000;

std::optional<std::uint32_t> read_le(std::string_view bytes, std::size_t at, std::size_t width) {
  if (at > bytes.size() || bytes.size() - at < width) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t i = width; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

// Offset of the end-of-central-directory record, searched backwards over the comment.
std::optional<std::size_t> find_eocd(std::string_view bytes) {
  if (bytes.size() < kEocdBytes) return std::nullopt;
  const std::size_t lowest = bytes.size() - kEocdBytes > kMaxZipComment ? bytes.size() - kEocdBytes - kMaxZipComment : 0;
  for (std::size_t at = bytes.size() - kEocdBytes + 1; at-- > lowest;) {
    if (read_le(bytes, at, 4) == kEndOfCentralDirectory) return at;
  }
  return std::nullopt;
}

// The entry names of the central directory; nullopt when it is malformed.
std::optional<std::vector<std::string_view>> zip_entry_names(std::string_view bytes) {
  const auto eocd = find_eocd(bytes);
  if (!eocd) return std::nullopt;
  const auto count = read_le(bytes, *eocd + 10, 2);
  const auto offset = read_le(bytes, *eocd + 16, 4);
  if (!count || !offset || *count > kMaxEntries) return std::nullopt;
  std::vector<std::string_view> names;
  std::size_t at = *offset;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto name_len = read_le(bytes, at + 28, 2);
    const auto extra_len = read_le(bytes, at + 30, 2);
    const auto comment_len = read_le(bytes, at + 32, 2);
    const auto local_offset = read_le(bytes, at + 42, 4);  // the last field of the fixed 46 bytes
    if (read_le(bytes, at, 4) != kCentralHeader || !name_len || !extra_len || !comment_len || !local_offset) {
      return std::nullopt;
    }
    if (bytes.size() - (at + 46) < *name_len) return std::nullopt;
    names.push_back(bytes.substr(at + 46, *name_len));
    at += 46 + *name_len + *extra_len + *comment_len;
  }
  return names;
}

// OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type.
std::optional<DocumentType> opendocument_type(std::string_view bytes) {
  const auto method = read_le(bytes, 8, 2);
  const auto size = read_le(bytes, 18, 4);
  const auto name_len = read_le(bytes, 26, 2);
  const auto extra_len = read_le(bytes, 28, 2);
  if (!method || !size || !name_len || !extra_len || *method != 0) return std::nullopt;
  if (bytes.substr(30, *name_len) != "mimetype") return std::nullopt;
  const std::size_t data = 30 + *name_len + *extra_len;
  if (data > bytes.size()) return std::nullopt;
  const std::string_view mime = bytes.substr(data, *size);
  for (const DocumentType& t : {kOdt, kOds, kOdp}) {
    if (mime == t.content_type) return t;
  }
  return std::nullopt;
}

bool has_entry(const std::vector<std::string_view>& names, std::string_view wanted) {
  return std::find(names.begin(), names.end(), wanted) != names.end();
}

// Office Open XML by its parts; a package with a VBA project (macros) is refused.
std::optional<DocumentType> office_type(const std::vector<std::string_view>& names) {
  if (!has_entry(names, "[Content_Types].xml")) return std::nullopt;
  const bool macros = std::any_of(names.begin(), names.end(), [](std::string_view n) {
    return n.ends_with("vbaProject.bin");
  });
  if (macros) return std::nullopt;
  if (has_entry(names, "word/document.xml")) return kDocx;
  if (has_entry(names, "xl/workbook.xml")) return kXlsx;
  if (has_entry(names, "ppt/presentation.xml")) return kPptx;
  return std::nullopt;
}

std::optional<DocumentType> zip_type(std::string_view bytes) {
  const auto names = zip_entry_names(bytes);
  if (!names) return std::nullopt;
  if (auto odf = opendocument_type(bytes)) return odf;
  return office_type(*names);
}

// ---- text -------------------------------------------------------------------------

// UTF-8 text (an optional byte-order mark) without NUL or control characters other
// than tab, line feed, form feed and carriage return.
bool is_plain_text(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const bool controls = std::any_of(bytes.begin(), bytes.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && u != '\t' && u != '\n' && u != '\f' && u != '\r') || u == 0x7F;
  });
  return !controls && is_valid_utf8(bytes);
}

// ---- names ------------------------------------------------------------------------

// Code points dropped from names: C1 controls and the bidirectional marks, embeddings,
// overrides and isolates.
bool is_dropped(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// Length of the UTF-8 sequence starting with `lead` (the text is valid UTF-8).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

char32_t decode(std::string_view seq) {
  const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(seq[i])); };
  switch (seq.size()) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

Error invalid_file(std::string message) { return Error::invalid("file", std::move(message)); }

}  // namespace

std::optional<DocumentType> sniff_document_type(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return kPdf;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return kPng;
  if (bytes.starts_with("\xFF\xD8\xFF")) return kJpeg;
  if (read_le(bytes, 0, 4) == kLocalHeader) return zip_type(bytes);
  if (is_plain_text(bytes)) return kText;
  return std::nullopt;
}

std::optional<DocumentType> find_document_type(std::string_view content_type) {
  for (const DocumentType& t : kAllTypes) {
    if (t.content_type == content_type) return t;
  }
  return std::nullopt;
}

Result<std::string> clean_file_name(std::string_view raw) {
  if (const auto slash = raw.find_last_of("/\\"); slash != std::string_view::npos) raw = raw.substr(slash + 1);
  if (!is_valid_utf8(raw)) return invalid_file("De bestandsnaam is geen geldige tekst (UTF-8).");
  std::string kept;
  for (std::size_t i = 0; i < raw.size();) {
    const std::string_view seq = raw.substr(i, sequence_length(static_cast<unsigned char>(raw[i])));
    const char32_t c = decode(seq);
    if (c >= 0x20 && c != 0x7F && !is_dropped(c)) kept += seq;
    i += seq.size();
  }
  kept = trim(kept);
  if (kept == "." || kept == "..") kept.clear();
  if (utf8_length(kept) > kMaxAttachmentNameChars) {
    return invalid_file("De bestandsnaam is langer dan " + std::to_string(kMaxAttachmentNameChars) +
                        " tekens; geef het bestand een kortere naam.");
  }
  return kept;
}

Error document_too_large() {
  return invalid_file("Het bestand is groter dan " + std::to_string(kMaxAttachmentBytes / (1024 * 1024)) +
                      " MiB; voeg een kleiner bestand toe.");
}

Result<CheckedDocument> check_document(std::string_view raw_name, std::string_view bytes) {
  if (bytes.empty()) {
    return invalid_file(trim(raw_name).empty() ? "Kies een bestand om toe te voegen." : "Het bestand is leeg.");
  }
  if (bytes.size() > kMaxAttachmentBytes) return document_too_large();
  const auto type = sniff_document_type(bytes);
  if (!type) {
    return invalid_file("Dit soort bestand kan niet worden toegevoegd. Toegestaan zijn PDF, PNG, JPEG, platte tekst "
                        "(UTF-8) en Word-, Excel- en PowerPoint-bestanden of OpenDocument-bestanden zonder macro's.");
  }
  BD_ASSIGN_OR_RETURN(std::string name, clean_file_name(raw_name));
  if (name.empty()) name = "document." + std::string(type->extension);
  return CheckedDocument{std::move(name), *type};
}

}  // namespace bd::model
