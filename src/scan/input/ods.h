// ODS: the tables of an OpenDocument spreadsheet (LibreOffice Calc's .ods, the open
// standard that Dutch public bodies are to use) as TSV members, one per table
// ("book.ods!Blad1", Format::kTsv), as a workbook's sheets are (xlsx.h). Internal to
// src/scan/input/.
//
// The cells are in the zip's content.xml, read as a stream: rows of cells, each cell's
// value from its attribute when it has one (a number as stored, not as displayed: a
// BSN formatted "111.222.333" is 111222333; a date as YYYY-MM-DD) and else from its
// paragraphs, joined by a space; comments (annotations) are left out. Repeated cells
// and rows (Calc writes identical neighbours once, with a count) are written out, up
// to 16,384 columns and 1,048,576 rows per table; empty rows are no rows. Tabs and
// line breaks inside a cell become spaces.
//
// Not thread-safe. Failure: a spreadsheet without content.xml, or an encrypted one
// (its content.xml is no XML), ends with an Error ("encrypted OpenDocument
// spreadsheet" for the latter); tables handed on before stay counted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "scan/input/xlsx.h"

namespace bd::scan::input {

inline constexpr std::string_view kOdsEncrypted = "encrypted OpenDocument spreadsheet";

// Whether a zip's first bytes name it an OpenDocument spreadsheet: its first entry is
// "mimetype", stored, holding application/vnd.oasis.opendocument.spreadsheet.
bool is_ods_head(std::string_view head);

// A streaming parser of content.xml (arbitrary chunk boundaries).
class OdsContentParser {
 public:
  OdsContentParser(std::string path, const SheetCallbacks& callbacks)
      : path_(std::move(path)), cb_(callbacks) {}
  void feed(std::string_view xml);
  // Ends a table left open by a truncated document.
  void finish();

 private:
  void on_tag(std::string_view tag);
  void on_text(std::string_view text);
  void open_table(std::string_view tag);
  void close_table();
  void open_row(std::string_view tag);
  void close_row();
  void open_cell(std::string_view tag);
  void close_cell();
  void flush(bool force);

  std::string path_;
  const SheetCallbacks& cb_;
  std::string pending_;  // a tag cut by the end of a chunk
  std::string out_;      // TSV not yet handed on
  bool in_table_ = false;
  int nested_tables_ = 0;  // tables inside a cell: their cells are that cell's text
  std::uint64_t rows_ = 0;
  // The row being read: its TSV line, columns written, empty cells not yet written
  // (only a value after them writes them), whether it holds a value, its repeat count.
  std::string line_;
  std::uint64_t columns_ = 0;
  std::uint64_t empty_cells_ = 0;
  bool row_has_value_ = false;
  std::uint64_t row_repeat_ = 1;
  bool in_row_ = false;
  // The cell being read.
  bool in_cell_ = false;
  std::uint64_t cell_repeat_ = 1;
  std::string value_;     // from the cell's value attribute, entities decoded
  std::string text_;      // from its paragraphs
  std::string raw_text_;  // text since the last tag, entities not yet decoded
  int paragraph_depth_ = 0;
  int paragraphs_ = 0;
  int annotation_depth_ = 0;
};

Status read_ods(const ReadParts& read_parts, const std::string& path, const SheetCallbacks& callbacks);

}  // namespace bd::scan::input
