// XLSX: turns the worksheets of an Excel workbook (a zip of XML parts) into TSV rows,
// one member per sheet ("book.xlsx!xl/worksheets/sheet1.xml", Format::kTsv). Shared
// strings, inline strings, numbers (scientific notation of whole numbers expanded, so
// a BSN typed as a number stays 9 digits) and booleans become cell text; cells are
// placed by their column reference so columns line up with the header row; tabs and
// newlines inside a cell become spaces. Internal to src/scan/input/.
//
// SheetParser is a streaming parser of one sheet's XML (arbitrary chunk boundaries).
// read_xlsx drives two passes over the workbook (shared strings first, then sheets),
// reading its parts through a callback (libarchive, or for a workbook on disk the
// zip reader with ISA-L). Not thread-safe. Failure: a corrupt workbook or
// a shared-strings table above the memory limit ends with an Error (the reason).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scan/input/archive.h"
#include "scan/tokenize/xml_text.h"

namespace bd::scan::input {

// A workbook's shared strings, packed in blocks of a megabyte: a workbook has hundreds
// of thousands, and a heap string each (or one buffer that grew by copying) cost more
// than parsing them. A string is never split over blocks.
class SharedStrings {
 public:
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](std::size_t i) const { return strings_[i]; }
  void reserve(std::size_t n) { strings_.reserve(n); }
  void add(std::string_view s);

 private:
  static constexpr std::size_t kBlock = 1u << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t capacity_ = 0;  // of the last block
  std::size_t used_ = 0;      // of the last block
  std::vector<std::string_view> strings_;
};

// Parses <sst> (xl/sharedStrings.xml) into strings; returns false past `max_bytes`.
class SharedStringsParser {
 public:
  explicit SharedStringsParser(std::uint64_t max_bytes) : max_bytes_(max_bytes) {}
  bool feed(std::string_view xml);
  SharedStrings take() { return std::move(strings_); }

 private:
  void on_tag(std::string_view tag);
  // A whole `<si><t>text</t></si>` at xml[at], read at once; returns where it ends, or
  // npos when it is not exactly so (rich text runs, attributes: tag by tag).
  std::size_t whole_string(std::string_view xml, std::size_t at);
  void add_string(std::string_view text);  // entities decoded
  std::uint64_t max_bytes_;
  std::uint64_t bytes_ = 0;
  std::string pending_;  // a tag cut by the end of a chunk
  SharedStrings strings_;
  std::string current_;    // the current string's text, entities not yet decoded
  std::string unescaped_;  // the same decoded
  bool in_si_ = false, in_t_ = false;
};

class SheetParser {
 public:
  using Emit = std::function<void(std::string_view tsv)>;
  SheetParser(const SharedStrings& shared, Emit emit) : shared_(shared), emit_(std::move(emit)) {}
  void feed(std::string_view xml);
  void finish();

 private:
  // The cell's t attribute: "s", "b", none or "n", anything else (str, inlineStr, e ...).
  enum class CellType { kShared, kBoolean, kNumber, kOther };

  void on_tag(std::string_view tag);
  // A whole cell `<c …><v>text</v></c>` at xml[at], as a value cell is nearly always
  // written, read at once (what the events of its tags and text would do); returns
  // where it ends, or npos when it is not exactly so (it then goes tag by tag).
  std::size_t whole_cell(std::string_view xml, std::size_t at);
  void open_cell(std::string_view tag);
  void end_cell(std::string_view text);
  void flush(bool force);
  const SharedStrings& shared_;
  Emit emit_;
  std::string pending_;    // a tag cut by the end of a chunk
  std::string out_;        // TSV waiting to be emitted
  std::string text_;       // the current <v> or <t> text
  std::string unescaped_;  // text_ with its entities decoded, when it has any
  std::string expanded_;   // a number in scientific notation, written out
  CellType type_ = CellType::kNumber;
  std::size_t column_ = 0, next_column_ = 0;
  bool in_value_ = false, in_cell_ = false, row_open_ = false;
};

// Reads the workbook's parts (its zip entries) from the first: `visit(name, data)` for
// each until it returns false or fails. read_xlsx calls it once for each pass; an
// error ends the pass with it.
using PartVisitor = std::function<Result<bool>(const std::string& name, ByteSource& data)>;
using ReadParts = std::function<Status(const PartVisitor& visit)>;
// Called per sheet: begin(member path), the TSV chunks, then end().
struct SheetCallbacks {
  std::function<void(const std::string& path)> begin;
  SheetParser::Emit chunk;
  std::function<void()> end;
};

// Hands each chunk of a part (read through `buf`) to `feed`; the first error of the
// part's reading or of `feed`, which ends it.
Status read_part_chunks(ByteSource& data, std::vector<char>& buf,
                        const std::function<Status(std::string_view chunk)>& feed);

Status read_xlsx(const ReadParts& read_parts, const std::string& path, std::uint64_t max_shared_bytes,
                 const SheetCallbacks& callbacks);

// `text` appended to `out` as one TSV field: tabs and line breaks (which would end a
// field or row) become spaces. A sheet's cells, and a SQLite table's values.
void append_cell_text(std::string& out, std::string_view text);

using tokenize::append_xml_unescaped;  // XML text with its entities decoded

}  // namespace bd::scan::input
