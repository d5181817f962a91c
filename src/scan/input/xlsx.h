// XLSX: turns the worksheets of an Excel workbook (a zip of XML parts) into TSV rows,
// one member per sheet ("book.xlsx!xl/worksheets/sheet1.xml", Format::kTsv). Shared
// strings, inline strings, numbers (scientific notation of whole numbers expanded, so
// a BSN typed as a number stays 9 digits) and booleans become cell text; cells are
// placed by their column reference so columns line up with the header row; tabs and
// newlines inside a cell become spaces. Internal to src/scan/input/.
//
// SheetParser is a streaming parser of one sheet's XML (arbitrary chunk boundaries).
// read_xlsx drives two passes over the workbook (shared strings first, then sheets),
// reopening it through a callback. Not thread-safe. Failure: a corrupt workbook or
// a shared-strings table above the memory limit ends with an Error (the reason).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scan/input/archive.h"

namespace bd::scan::input {

// Parses <sst> (xl/sharedStrings.xml) into strings; returns false past `max_bytes`.
class SharedStringsParser {
 public:
  explicit SharedStringsParser(std::uint64_t max_bytes) : max_bytes_(max_bytes) {}
  bool feed(std::string_view xml);
  std::vector<std::string> take() { return std::move(strings_); }

 private:
  void on_tag(std::string_view tag);
  std::uint64_t max_bytes_;
  std::uint64_t bytes_ = 0;
  std::string pending_;
  std::vector<std::string> strings_;
  std::string current_;
  bool in_si_ = false, in_t_ = false;
};

class SheetParser {
 public:
  using Emit = std::function<void(std::string_view tsv)>;
  SheetParser(const std::vector<std::string>& shared, Emit emit) : shared_(shared), emit_(std::move(emit)) {}
  void feed(std::string_view xml);
  void finish();

 private:
  void on_tag(std::string_view tag);
  void end_cell();
  void flush(bool force);
  const std::vector<std::string>& shared_;
  Emit emit_;
  std::string pending_;  // an incomplete tag or text across chunks
  std::string out_;      // TSV waiting to be emitted
  std::string text_;     // the current <v> or <t> text
  std::string type_;     // the current cell's t attribute
  std::size_t column_ = 0, next_column_ = 0;
  bool in_value_ = false, in_cell_ = false, row_open_ = false;
};

// Opens the workbook afresh for each pass.
using ReopenArchive = std::function<Result<std::unique_ptr<ArchiveReader>>()>;
// Called per sheet: begin(member path), the TSV chunks, then end().
struct SheetCallbacks {
  std::function<void(const std::string& path)> begin;
  SheetParser::Emit chunk;
  std::function<void()> end;
};

Status read_xlsx(const ReopenArchive& reopen, const std::string& path, std::uint64_t max_shared_bytes,
                 const SheetCallbacks& callbacks);

// XML text with the five entities and numeric character references decoded.
std::string xml_unescape(std::string_view s);

}  // namespace bd::scan::input
