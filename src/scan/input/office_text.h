// Office documents as the text a reader sees: Word (.docx), PowerPoint (.pptx) and
// OpenDocument text and presentations (.odt, .odp). Internal to src/scan/input/.
//
// These are zips of XML. Read as an archive, their XML parts were XML exports: a
// letter's paragraphs counted as records (a 50-paragraph letter gave data.records 50),
// and the package's metadata parts ([Content_Types].xml) one record each. Now the
// text parts become free-text members, one per part ("brief.docx!word/document.xml"):
// Word's body, headers, footers, footnotes, endnotes and comments, text deleted with
// tracked changes included (it is still in the file); PowerPoint's slides and notes;
// OpenDocument's content.xml. Paragraphs end lines, table cells and tabs become a
// space, and the runs a word processor cuts a word into are joined again. Package
// metadata, styles, themes and media are not read. Nothing in them is a record. Files
// embedded in them (a spreadsheet in a report) are read as files of their own.
//
// Not thread-safe. Failure: an error reading a part ends the document with it (the
// parts handed on before stay counted); a document without any text part is no error.
#pragma once

#include <string>
#include <string_view>

#include "scan/input/xlsx.h"

namespace bd::scan::input {

inline constexpr std::string_view kOfficeEncrypted = "encrypted OpenDocument document";

// Whether a zip is such a document: by the extension of `name`, else by its first
// bytes (an OpenDocument text or presentation's stored "mimetype" entry, or the name
// word/document.xml or ppt/presentation.xml in the local file headers Word and
// PowerPoint write first).
bool is_office_text(std::string_view name, std::string_view head);

// Whether the zip entry `part` holds text to read.
bool is_office_text_part(std::string_view part);

// A streaming reader of one part's XML (arbitrary chunk boundaries): the text goes to
// `emit` in pieces.
class OfficeTextParser {
 public:
  // `all_text`: every text between tags is text (OpenDocument); else only that of
  // text elements (Word's w:t and w:delText, DrawingML's a:t), and nothing inside a
  // markup-compatibility fallback (a second copy of a text box).
  OfficeTextParser(SheetParser::Emit emit, bool all_text) : emit_(std::move(emit)), all_text_(all_text) {}
  void feed(std::string_view xml);
  void finish();  // hands on what is left

 private:
  void on_tag(std::string_view tag);
  void flush(bool force);

  SheetParser::Emit emit_;
  bool all_text_;
  bool in_text_ = false;
  int fallback_depth_ = 0;
  std::string pending_;  // a tag cut by the end of a chunk
  std::string out_;      // text not yet handed on
};

// Each text part of the document as a member: callbacks.begin(path + "!" + part), its
// text, callbacks.end(); each embedded file (a spreadsheet in a letter: the entries
// under word/, ppt/ or xl/embeddings/) to `embedded(part, data)`.
using EmbeddedFile = std::function<void(const std::string& part, ByteSource& data)>;
Status read_office_text(const ReadParts& read_parts, const std::string& path, const SheetCallbacks& callbacks,
                        const EmbeddedFile& embedded);

}  // namespace bd::scan::input
