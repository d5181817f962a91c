// RecordHandler / Tokenizer: the seam between the streaming tokenisers (CSV/TSV, SQL
// dumps, JSON/NDJSON, XML, vCard, HTML tables, free text) and the member scanner that classifies and
// counts.
//
// A tokenizer is fed decoded chunks with arbitrary boundaries and reports structure:
// tables and their columns, fields, record ends, and free text. It buffers at most
// one field (capped at kMaxField; the rest of an oversized field goes out as free
// text) plus a small statement head, so memory stays bounded for any input.
//
// Strings handed to the handler are views valid only during the call: a field that
// lies inside one fed chunk is a view of that chunk (no copy), others view the
// tokenizer's buffer. A handler that keeps a value copies it.
//
// Not thread-safe: one tokenizer and its handler per member, used by one thread.
// Failure: malformed input never throws; the tokenizer resynchronises where it can
// and reports what it could not read through on_problem().
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scan/format.h"

namespace bd::scan::tokenize {

inline constexpr std::size_t kMaxField = 1 << 20;  // bytes of one field kept for classification

class RecordHandler {
 public:
  virtual ~RecordHandler() = default;
  // The columns of the records that follow: a CSV header (empty when the file has
  // none), a SQL table from CREATE TABLE / INSERT column list / COPY column list.
  virtual void on_table(std::string_view table, const std::vector<std::string>& columns) = 0;
  // JSON: the column index for a key of the current record, created on first use.
  virtual std::size_t column_for_key(std::string_view key) = 0;
  virtual void on_field(std::size_t column, std::string_view value) = 0;
  virtual void on_record_end() = 0;
  // A whole record at once: fields[i] is column i's value, n >= 1 (the CSV tokenizer
  // gives a record that lies inside one chunk this way). The same as on_field for each
  // column in turn and on_record_end, which is what this default does.
  virtual void on_record(const std::string_view* fields, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) on_field(i, fields[i]);
    on_record_end();
  }
  // Text that is not part of a record: log lines, oversized field tails.
  virtual void on_text(std::string_view text) = 0;
  // Something could not be read (short English reason, no content of the input).
  virtual void on_problem(std::string_view reason) = 0;
};

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  virtual void feed(std::string_view chunk) = 0;
  virtual void finish() = 0;  // end of input: flush a pending field/record
};

std::unique_ptr<Tokenizer> make_csv_tokenizer(RecordHandler& handler, char delimiter_hint);
// The delimiter the CSV tokenizer picks for a member whose first line is `first_line`
// (without its '\n'): the most frequent of ',', ';', tab and '|', else ','. The
// splitter of large files (scan/input/split.h) must pick the same one.
char pick_csv_delimiter(std::string_view first_line);
// Whether a first row's values look like column names (letters, no '@', not too long,
// and some known header words or identifier-like names): the CSV tokenizer's rule for
// its first line, and the JSON tokenizer's for a document's first row of strings.
bool looks_like_header(const std::vector<std::string>& row);
// The delimiter named by Excel's first line "sep=X" (written by Excel, and by exports
// meant for it; without its '\n', a '\r' allowed), else 0. Such a line is no record:
// the header, if any, is the next one. The splitter must agree here too.
char excel_separator(std::string_view first_line);
std::unique_ptr<Tokenizer> make_sql_tokenizer(RecordHandler& handler);
std::unique_ptr<Tokenizer> make_json_tokenizer(RecordHandler& handler, bool ndjson);
std::unique_ptr<Tokenizer> make_text_tokenizer(RecordHandler& handler);
std::unique_ptr<Tokenizer> make_xml_tokenizer(RecordHandler& handler);
std::unique_ptr<Tokenizer> make_vcard_tokenizer(RecordHandler& handler);
std::unique_ptr<Tokenizer> make_html_tokenizer(RecordHandler& handler);

// The tokenizer for a member's format (binary members get none: nullptr).
std::unique_ptr<Tokenizer> make_tokenizer(Format format, RecordHandler& handler);

}  // namespace bd::scan::tokenize
