// Resuming the SQL dump tokenizer in the middle of a dump, for the splitting of large
// dumps across threads (scan/input/split.h).
//
// A dump may be cut where the tokenizer stands between statements, or at the start of
// a line of COPY data; what it knows there is the schemas of the CREATE TABLE
// statements before, whether strings take backslash escapes, and the COPY being read.
// Its handler (scan/count/member_scan.cc) knows the columns of every table announced
// so far. SqlPrefix reads a dump's first bytes with the real tokenizer and says where
// it may be cut and the SQL text (the prime) that brings a fresh tokenizer and handler
// to the same state: fed first, with the handler counting nothing, it declares the
// tables and their columns, the schemas, the string escaping and the COPY head.
//
// Not thread-safe (one planner). Never fails; a state that the prime cannot express
// (column names too long for a CREATE TABLE body) gives no prime.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {

// The SQL dump tokenizer, with the two questions a planner asks of it.
class SqlCutTokenizer : public Tokenizer {
 public:
  // Whether the input may be cut here: between statements (outside any string,
  // comment or statement) or at the start of a COPY data line. Meaningful when the
  // input fed so far ends with '\n'.
  virtual bool at_cut() const = 0;
  // SQL text that leaves a fresh tokenizer in this one's state at a cut: the known
  // schemas, the string escaping, and inside COPY data the COPY statement. None when
  // a schema is too long to be read back.
  virtual std::optional<std::string> resume_text() const = 0;
};

std::unique_ptr<SqlCutTokenizer> make_sql_cut_tokenizer(RecordHandler& handler);

class SqlPrefix {
 public:
  SqlPrefix();
  ~SqlPrefix();
  SqlPrefix(const SqlPrefix&) = delete;
  SqlPrefix& operator=(const SqlPrefix&) = delete;

  // The dump's next bytes (after any byte-order mark), as the scan's tokenizer gets
  // them; chunks may end anywhere.
  void feed(std::string_view text);
  // Whether the bytes fed so far, if they end with '\n', end where the dump may be cut.
  bool at_cut() const;
  // The prime for a range that starts here; none when the state cannot be written.
  std::optional<std::string> prime() const;

 private:
  class Tables;
  std::unique_ptr<Tables> tables_;
  std::unique_ptr<SqlCutTokenizer> tokenizer_;
};

}  // namespace bd::scan::tokenize
