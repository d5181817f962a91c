// SQL dump tokenizer: MySQL (mysqldump) and PostgreSQL (pg_dump) dumps. Records are
// INSERT tuples (multi-row VALUES lists) and COPY ... FROM stdin rows; column names
// come from the INSERT/COPY column list or an earlier CREATE TABLE. Everything else
// (SET, comments, DDL) is skipped. Streaming: state survives any chunk boundary;
// a statement head is capped at kMaxHead bytes, a CREATE TABLE body at kMaxBody.
// A tuple value or COPY field that lies inside one chunk and has no escapes is handed
// out as a view of the chunk; others are buffered. The quotes, backslashes, commas and
// parentheses of tuples, and the tabs and newlines of COPY rows, are found 64 bytes at
// a time (byte_finder.h); statements, heads and comments are read byte by byte.
// Between statements and at COPY line starts it can say so, and write what it knows
// there as SQL that brings a fresh tokenizer to the same state (sql_resume.h: how the
// ranges of a split dump start).
#include <algorithm>
#include <map>
#include <optional>

#include "scan/tokenize/byte_finder.h"
#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/sql_head.h"
#include "scan/tokenize/sql_resume.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kMaxHead = 64 * 1024;
constexpr std::size_t kMaxBody = 256 * 1024;

// ByteFinder groups for INSERT tuples: what ends, nests or quotes inside an unquoted
// value, and what ends or escapes a quoted one.
constexpr Needles kTupleNeedles{{{',', ')', '(', '\''}, {'\'', '\\', '\'', '\''}}};
constexpr int kTupleStructure = 0;
constexpr int kQuoteOrEscape = 1;
// For COPY rows (one group; the second repeats it).
constexpr Needles kCopyNeedles{{{'\t', '\n', '\\', '\t'}, {'\t', '\n', '\\', '\t'}}};
constexpr int kCopyStructure = 0;

// The structural-byte finders of one chunk.
struct Finders {
  ByteFinder tuples;
  ByteFinder copy;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether an unquoted value read so far is a string's introducer: a character set
// (MySQL's _binary, _utf8mb4) or a literal's prefix (N, X, B, PostgreSQL's E), and
// blanks. The string that follows is then the value.
bool is_introducer(std::string_view v) {
  while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
  if (v.empty() || (v[0] >= '0' && v[0] <= '9')) return false;
  for (char c : v) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return true;
}

bool ends_with_values(const std::string& head) {
  std::size_t e = head.size();
  while (e > 0 && is_space(head[e - 1])) --e;
  if (e < 6) return false;
  return upper_ascii(std::string_view(head).substr(e - 6, 6)) == "VALUES";
}

class SqlTokenizer final : public SqlCutTokenizer {
 public:
  explicit SqlTokenizer(RecordHandler& h) : h_(h) {}

  // What else the state holds there is reset by the next statement or line: the
  // statement head, quotes, the field buffer and column are empty or zero.
  bool at_cut() const override {
    if (state_ == State::kStatement) return true;
    return state_ == State::kCopy && !copy_head_line_ && !end_marker_ && column_ == 0 && field_.empty() &&
           line_start_;
  }

  std::optional<std::string> resume_text() const override {
    std::string out;
    if (!backslash_escapes_) out += "SET standard_conforming_strings = on;\n";
    for (const auto& [table, columns] : schemas_) {
      std::string create = create_table_statement(table, columns);
      if (create.size() > kMaxBody) return std::nullopt;  // would not be read back whole
      out += create;
    }
    if (state_ == State::kCopy) out += head_ + ";\n";  // the head as read, without its ';'
    return out;
  }

  void feed(std::string_view chunk) override {
    Finders find{ByteFinder(chunk, kTupleNeedles), ByteFinder(chunk, kCopyNeedles)};
    std::size_t i = 0;
    while (i < chunk.size()) {
      if (state_ == State::kTuples || (state_ == State::kTupleField && field_.empty())) {
        i = whole_tuple_values(chunk, find.tuples, i);
        if (i >= chunk.size()) break;
      } else if (state_ == State::kCopy && !copy_head_line_ && !end_marker_ && field_.empty()) {
        i = whole_copy_fields(chunk, find.copy, i);
        if (i >= chunk.size()) break;
      }
      i = step(chunk, find, i);
    }
  }

  void finish() override {
    if (state_ == State::kTupleField || state_ == State::kTupleQuoted) h_.on_problem("SQL dump ends inside an INSERT");
    if (state_ == State::kCopy && (column_ > 0 || !field_.empty())) end_copy_field(true);
  }

 private:
  enum class State {
    kStatement,
    kCommentOpener,
    kLineComment,
    kBlockComment,
    kHead,
    kCreateBody,
    kSkip,
    kTuples,
    kTupleField,
    kTupleQuoted,
    kTupleQuoteEnd,
    kTupleAfterValue,
    kTupleFieldString,
    kCopy,
    kCopyEscape,
  };

  // One step of the byte-level state machine; returns where the next step starts.
  std::size_t step(std::string_view s, Finders& find, std::size_t i) {
    char c = s[i];
    switch (state_) {
      case State::kStatement: return on_statement(s, i);
      case State::kCommentOpener:
        return on_comment_opener(c, i);
      case State::kLineComment: {
        std::size_t nl = s.find('\n', i);
        if (nl == std::string_view::npos) return s.size();
        state_ = State::kStatement;
        return nl + 1;
      }
      case State::kBlockComment:
        if (c == '/' && prev_ == '*') state_ = State::kStatement;
        prev_ = c;
        return i + 1;
      case State::kHead: return on_head(c, i);
      case State::kCreateBody: return on_create_body(c, i);
      case State::kSkip: return on_skip(c, i);
      case State::kTuples: return on_tuples(c, i);
      case State::kTupleField: return on_tuple_field(s, i);
      case State::kTupleQuoted:
        return on_tuple_quoted(s, find.tuples, i);
      case State::kTupleQuoteEnd:
        if (c == '\'') {
          field_.push_back('\'');
          state_ = State::kTupleQuoted;
          return i + 1;
        }
        state_ = State::kTupleAfterValue;
        return i;
      case State::kTupleFieldString:
        return on_tuple_field_string(c, i);
      case State::kTupleAfterValue:
        if (c == ',' || c == ')') {
          end_tuple_field(c == ')');
          return i + 1;
        }
        return i + 1;  // whitespace or a cast after the literal
      case State::kCopy:
        return on_copy(s, find.copy, i);
      case State::kCopyEscape: return on_copy_escape(c, i);
    }
    return i + 1;
  }

  std::size_t on_statement(std::string_view s, std::size_t i) {
    char c = s[i];
    if (is_space(c) || c == ';') return i + 1;
    if (c == '#') {
      state_ = State::kLineComment;
      return i + 1;
    }
    if (c == '-' || c == '/') {
      opener_ = c;  // "--" or "/*" opens a comment; the second byte may be in the next chunk
      state_ = State::kCommentOpener;
      return i + 1;
    }
    if (repeats_values_head(s, i)) return start_repeated_values(i);
    head_.clear();
    quote_ = 0;
    state_ = State::kHead;
    return i;
  }

  // Whether the statement at s[i] starts with the same head as the last INSERT whose
  // values were read, up to its VALUES '(' (a dump of one INSERT per row repeats it on
  // every line). The head was read byte by byte then: the same bytes take the same
  // steps, so they need not be read again, nor their column list parsed.
  bool repeats_values_head(std::string_view s, std::size_t i) const {
    const std::size_t n = values_head_.size();
    return n != 0 && s.size() - i > n && s[i + n] == '(' &&
           std::char_traits<char>::compare(s.data() + i, values_head_.data(), n) == 0;
  }

  // The head taken as its bytes would have been read: start_values sees the repeat.
  std::size_t start_repeated_values(std::size_t i) {
    head_ = values_head_;
    quote_ = 0;
    return start_values(i + values_head_.size());
  }

  std::size_t on_comment_opener(char c, std::size_t i) {
    if (opener_ == '-' && c == '-') {
      state_ = State::kLineComment;
      return i + 1;
    }
    if (opener_ == '/' && c == '*') {
      state_ = State::kBlockComment;
      prev_ = 0;
      return i + 1;
    }
    head_.assign(1, opener_);  // a statement that starts with '-' or '/'
    quote_ = 0;
    state_ = State::kHead;
    return i;
  }

  std::size_t on_head(char c, std::size_t i) {
    if (quote_) {
      if (c == quote_) quote_ = 0;
      head_.push_back(c);
      return i + 1;
    }
    if (c == '\'' || c == '`' || c == '"') quote_ = c;
    if (c == '(' && head_.size() >= 6) {
      std::string u = upper_ascii(std::string_view(head_).substr(0, 16));
      if (u.starts_with("INSERT") || u.starts_with("REPLACE")) {
        if (ends_with_values(head_)) return start_values(i);
      } else if (u.starts_with("CREATE") && u.find("TABLE") != std::string::npos) {
        table_name_ = parse_create_table_name(head_);
        body_.clear();
        depth_ = 1;
        state_ = State::kCreateBody;
        return i + 1;
      }
    }
    if (c == ';') {
      std::string u = upper_ascii(std::string_view(head_).substr(0, 8));
      if (u.starts_with("COPY") && upper_ascii(head_).find("FROM STDIN") != std::string::npos) {
        start_copy();
        return i + 1;
      }
      end_statement();
      return i + 1;
    }
    if (c == '\n' && ends_at_line_end()) {
      end_statement();
      return i + 1;
    }
    head_.push_back(c);
    if (head_.size() > kMaxHead) state_ = State::kSkip;
    return i + 1;
  }

  void end_statement() {
    if (upper_ascii(head_).find("STANDARD_CONFORMING_STRINGS") != std::string::npos)
      backslash_escapes_ = false;
    state_ = State::kStatement;
  }

  // Statements that end at their line's end without a ';' (SQL Server scripts): any
  // statement followed by the batch separator GO on a line of its own (USE [db], then
  // GO), and a SET (SET IDENTITY_INSERT ... ON is followed by its INSERTs on the next
  // lines; MySQL's and PostgreSQL's SETs are one line with a ';').
  bool ends_at_line_end() const {
    std::string_view h = head_;
    while (!h.empty() && is_space(h.back())) h.remove_suffix(1);
    const std::size_t nl = h.rfind('\n');
    std::string_view last = nl == std::string_view::npos ? h : h.substr(nl + 1);
    while (!last.empty() && is_space(last.front())) last.remove_prefix(1);
    if (last.size() == 2 && (last[0] == 'G' || last[0] == 'g') && (last[1] == 'O' || last[1] == 'o'))
      return true;
    return nl == std::string_view::npos && h.size() > 4 && upper_ascii(h.substr(0, 4)) == "SET ";
  }

  std::size_t start_values(std::size_t i) {
    if (head_ != values_head_) {
      announce(parse_insert_or_copy_head(head_));
      values_head_ = head_;
    } else {
      h_.on_table(announced_table_, announced_columns_);
    }
    state_ = State::kTuples;
    return i;  // the '(' opens the first tuple
  }

  // Tells the handler the table and columns of an INSERT or COPY head, and keeps them
  // for the next INSERT with the same head.
  void announce(SqlHead head) {
    announced_table_ = std::move(head.table);
    announced_columns_ = std::move(head.columns);
    if (announced_columns_.empty()) {
      auto it = schemas_.find(announced_table_);
      if (it != schemas_.end()) announced_columns_ = it->second;
    }
    values_head_.clear();  // set again by start_values
    h_.on_table(announced_table_, announced_columns_);
  }

  void start_copy() {
    backslash_escapes_ = false;  // COPY means a pg_dump: INSERT strings are standard
    announce(parse_insert_or_copy_head(head_));
    state_ = State::kCopy;
    column_ = 0;
    field_.clear();
    line_start_ = true;
    copy_head_line_ = true;  // the rest of the "COPY ... FROM stdin;" line is no data
  }

  std::size_t on_create_body(char c, std::size_t i) {
    if (quote_) {
      if (c == quote_) quote_ = 0;
    } else if (c == '\'' || c == '`' || c == '"') {
      quote_ = c;
    } else if (c == '(') {
      ++depth_;
    } else if (c == ')' && --depth_ == 0) {
      schemas_[table_name_] = parse_create_columns(body_);
      values_head_.clear();  // an INSERT without a column list may now mean other columns
      // Its options (ENGINE=..., ON [PRIMARY]) end with the line: a SQL Server script
      // has no ';' after them.
      skip_line_ = true;
      state_ = State::kSkip;
      return i + 1;
    }
    if (body_.size() < kMaxBody) body_.push_back(c);
    return i + 1;
  }

  std::size_t on_skip(char c, std::size_t i) {
    if (c == '\n' && skip_line_ && !quote_) {
      skip_line_ = false;
      state_ = State::kStatement;
      return i + 1;
    }
    if (quote_) {
      if (c == '\\' && backslash_escapes_ && quote_ == '\'') {
        escaped_ = !escaped_;
        return i + 1;
      }
      if (c == quote_ && !escaped_) quote_ = 0;
      escaped_ = false;
      return i + 1;
    }
    if (c == '\'' || c == '`' || c == '"') quote_ = c;
    if (c == ';') {
      skip_line_ = false;
      state_ = State::kStatement;
    }
    return i + 1;
  }

  std::size_t on_tuples(char c, std::size_t i) {
    if (c == '(') {
      column_ = 0;
      field_.clear();
      depth_ = 0;
      state_ = State::kTupleField;
      return i + 1;
    }
    if (c == ';') {
      state_ = State::kStatement;
      return i + 1;
    }
    if (is_space(c) || c == ',') return i + 1;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      // A word: ON DUPLICATE KEY UPDATE ..., RETURNING ..., read as a statement of its
      // own up to its ';'; or, in a SQL Server script, whose statements need no ';',
      // the next statement (INSERT, GO).
      state_ = State::kStatement;
      return i;
    }
    quote_ = 0;
    state_ = State::kSkip;  // anything unexpected
    return i;
  }

  // The fast path over INSERT tuples, entered between tuples or at the start of a value:
  // reads the values that end inside the chunk, handing out views of the chunk. Stops
  // at the end of the chunk, at the end of the tuple list, or where a value needs
  // buffering (it continues in the next chunk or has escapes); then the value's start is
  // buffered and its state set, exactly as the byte-level steps would have left them.
  std::size_t whole_tuple_values(std::string_view s, ByteFinder& find, std::size_t i) {
    const char* p = s.data();
    const std::size_t n = s.size();
    while (i < n) {
      char c = p[i];
      if (state_ == State::kTuples) {
        if (c == '(') {
          column_ = 0;
          field_.clear();
          depth_ = 0;
          state_ = State::kTupleField;
        } else if (!is_space(c) && c != ',') {
          return i;  // ';' or something unexpected: the byte-level steps decide
        }
        ++i;
        continue;
      }
      if (is_space(c)) {
        ++i;  // before the value
        continue;
      }
      if (c == '\'') {
        const std::size_t k = quoted_value_run(p, n, find, i);
        i = k != i ? k : quoted_value(p, n, find, i + 1);
      } else {
        i = unquoted_value(p, n, find, i);
      }
      if (state_ != State::kTuples && !(state_ == State::kTupleField && field_.empty())) return i;
    }
    return i;
  }

  // Quoted values that follow each other ('a','b',...), each closed by a quote and ','
  // or ')': what quoted_value and the loop of whole_tuple_values do for them, without
  // the checks for the cases they cannot meet. p[i] opens the first (state kTupleField,
  // nothing buffered). Leaves to quoted_value a value with
  // a backslash or a doubled quote, one that runs past the chunk, or one followed by
  // anything but ',' or ')'; returns the start of the first value it does not read (i
  // itself when that is the first) or, after a tuple's ')', the byte after it.
  std::size_t quoted_value_run(const char* p, std::size_t n, ByteFinder& find, std::size_t i) {
    for (;;) {
      const std::size_t j = find.next(i + 1, kQuoteOrEscape);  // after the opening quote at i
      if (j + 1 >= n || p[j] != '\'') return i;
      const char next = p[j + 1];
      if (next != ',' && next != ')') return i;  // '' (a doubled quote), a cast, blanks
      end_tuple_value(std::string_view(p + i + 1, j - i - 1), next == ')');
      if (next == ')') return j + 2;
      i = j + 2;
      if (i >= n || p[i] != '\'') return i;
    }
  }

  // A quoted value whose text starts at b; returns where reading goes on.
  std::size_t quoted_value(const char* p, std::size_t n, ByteFinder& find, std::size_t b) {
    std::size_t j = find.next(b, kQuoteOrEscape);
    while (j < n && p[j] == '\\' && !backslash_escapes_) j = find.next(j + 1, kQuoteOrEscape);
    std::string_view text(p + b, (j < n ? j : n) - b);
    if (j >= n || p[j] == '\\' || j + 1 >= n || p[j + 1] == '\'') {
      // Continues in the next chunk or has escapes: buffer it, as on_tuple_quoted would.
      append(text);
      state_ = State::kTupleQuoted;
      if (j >= n) return n;
      if (p[j] == '\\') return escape_at(std::string_view(p, n), j);
      state_ = State::kTupleQuoteEnd;
      return j + 1;
    }
    // After the closing quote: skip to ',' or ')' (whitespace, a cast).
    std::size_t k = j + 1;
    while (p[k] != ',' && p[k] != ')') {
      k = p[k] == '(' || p[k] == '\'' ? k + 1 : find.next(k, kTupleStructure);
      if (k >= n) {
        append(text);
        state_ = State::kTupleAfterValue;
        return n;
      }
    }
    end_tuple_value(text, p[k] == ')');
    return k + 1;
  }

  // An unquoted value (a number, NULL, a function call) starting at b. One with a
  // string in it (an introducer's, or a call's argument) is left to the byte-level
  // steps from the quote on, with what came before it buffered.
  std::size_t unquoted_value(const char* p, std::size_t n, ByteFinder& find, std::size_t b) {
    int depth = 0;
    std::size_t j = b;
    for (;; ++j) {
      j = find.next(j, kTupleStructure);
      if (j >= n || p[j] == '\'') {
        // Continues in the next chunk, or at the quote with the byte-level steps.
        field_.assign(p + b, std::min((j < n ? j : n) - b, kMaxField));
        depth_ = depth;
        return j < n ? j : n;
      }
      if (p[j] == '(') {
        ++depth;
      } else if (depth > 0) {
        depth -= p[j] == ')' ? 1 : 0;  // a ',' inside parentheses is part of the value
      } else {
        break;
      }
    }
    end_tuple_value(std::string_view(p + b, std::min(j - b, kMaxField)), p[j] == ')');
    return j + 1;
  }

  std::size_t on_tuple_field(std::string_view s, std::size_t i) {
    char c = s[i];
    if (field_.empty() && c == '\'') {
      state_ = State::kTupleQuoted;
      return i + 1;
    }
    if (field_.empty() && is_space(c)) return i + 1;
    if (c == '\'') {
      if (depth_ == 0 && is_introducer(field_)) {
        // _binary '...' (mysqldump's BLOB columns), N'...', X'...': the string is the value.
        field_.clear();
        state_ = State::kTupleQuoted;
        return i + 1;
      }
      // A string in an expression (CAST('a,b' AS CHAR)): kept as written, and its ','
      // and ')' do not end the value.
      if (field_.size() < kMaxField) field_.push_back(c);
      escaped_ = false;
      state_ = State::kTupleFieldString;
      return i + 1;
    }
    if (c == '(') ++depth_;
    if (c == ')' && depth_ > 0) {
      --depth_;
    } else if ((c == ',' || c == ')') && depth_ == 0) {
      end_tuple_field(c == ')');
      return i + 1;
    }
    if (field_.size() < kMaxField) field_.push_back(c);
    return i + 1;
  }

  // A string inside an unquoted value, up to its closing quote (a doubled quote closes
  // it and opens the next at once).
  std::size_t on_tuple_field_string(char c, std::size_t i) {
    if (field_.size() < kMaxField) field_.push_back(c);
    if (escaped_) {
      escaped_ = false;
    } else if (c == '\\' && backslash_escapes_) {
      escaped_ = true;
    } else if (c == '\'') {
      state_ = State::kTupleField;
    }
    return i + 1;
  }

  std::size_t on_tuple_quoted(std::string_view s, ByteFinder& find, std::size_t i) {
    if (pending_escape_) {
      pending_escape_ = false;
      append_escape(s[i]);
      return i + 1;
    }
    std::size_t j = find.next(i, kQuoteOrEscape);
    while (j < s.size() && s[j] == '\\' && !backslash_escapes_) j = find.next(j + 1, kQuoteOrEscape);
    append(s.substr(i, j - i));
    if (j >= s.size()) return j;
    if (s[j] == '\'') {
      state_ = State::kTupleQuoteEnd;
      return j + 1;
    }
    return escape_at(s, j);
  }

  // A backslash at s[j] inside a quoted value (state kTupleQuoted).
  std::size_t escape_at(std::string_view s, std::size_t j) {
    if (j + 1 >= s.size()) {
      pending_escape_ = true;  // the escaped byte is in the next chunk
      return j + 1;
    }
    append_escape(s[j + 1]);
    return j + 2;
  }

  void append(std::string_view part) {
    if (field_.size() + part.size() > kMaxField) {
      if (!field_.empty()) h_.on_text(field_);
      field_.clear();
    }
    field_.append(part);
  }

  void append_escape(char e) {
    switch (e) {
      case 'n': field_.push_back('\n'); break;
      case 't': field_.push_back('\t'); break;
      case 'r': field_.push_back('\r'); break;
      case '0': break;
      default: field_.push_back(e); break;
    }
  }

  void end_tuple_field(bool tuple_end) {
    end_tuple_value(field_, tuple_end);
    field_.clear();
  }

  void end_tuple_value(std::string_view value, bool tuple_end) {
    h_.on_field(column_++, value);
    if (tuple_end) {
      h_.on_record_end();
      state_ = State::kTuples;
    } else {
      state_ = State::kTupleField;
      depth_ = 0;
    }
  }

  // The fast path over COPY rows, entered at the start of a field (not after "\."):
  // reads the fields without escapes that end inside the chunk, handing out views of it.
  // Leaves a field with a backslash, or one that continues in the next chunk, to on_copy.
  std::size_t whole_copy_fields(std::string_view s, ByteFinder& find, std::size_t i) {
    const char* p = s.data();
    while (i < s.size()) {
      std::size_t j = find.next(i, kCopyStructure);
      if (j >= s.size() || p[j] == '\\') return i;
      if (j > i) line_start_ = false;
      std::string_view value(p + i, j - i);
      if (value.size() > kMaxField) value = {};  // as on_copy: an oversized field is dropped
      i = j + 1;
      h_.on_field(column_++, value);
      if (p[j] == '\n') {
        h_.on_record_end();
        column_ = 0;
        line_start_ = true;
      }
    }
    return i;
  }

  std::size_t on_copy(std::string_view s, ByteFinder& find, std::size_t i) {
    if (copy_head_line_) {
      std::size_t nl = s.find('\n', i);
      if (nl == std::string_view::npos) return s.size();
      copy_head_line_ = false;
      return nl + 1;
    }
    std::size_t j = find.next(i, kCopyStructure);
    if (j > i) {
      line_start_ = false;
      if (field_.size() + (j - i) <= kMaxField) field_.append(s.substr(i, j - i));
    }
    if (j >= s.size()) return j;
    char c = s[j];
    if (c == '\\') {
      state_ = State::kCopyEscape;
      return j + 1;
    }
    if (c == '\n' && end_marker_) {
      end_marker_ = false;
      state_ = State::kStatement;
      return j + 1;
    }
    end_copy_field(c == '\n');
    return j + 1;
  }

  std::size_t on_copy_escape(char c, std::size_t i) {
    state_ = State::kCopy;
    if (c == '.' && line_start_ && column_ == 0 && field_.empty()) {
      end_marker_ = true;  // "\." ends the COPY data
      return i + 1;
    }
    line_start_ = false;
    if (c == 'N' && field_.empty()) {
      field_ = "\\N";
      return i + 1;
    }
    append_escape(c);
    return i + 1;
  }

  void end_copy_field(bool line_end) {
    h_.on_field(column_++, field_);
    field_.clear();
    if (line_end) {
      h_.on_record_end();
      column_ = 0;
      line_start_ = true;
    }
  }

  RecordHandler& h_;
  State state_ = State::kStatement;
  std::string head_;
  std::string body_;
  std::string table_name_;
  std::string field_;
  std::map<std::string, std::vector<std::string>> schemas_;
  // The head of the last INSERT whose values were read (up to its VALUES '('; empty
  // when none, or when a schema came after it), and the table and columns it announced.
  std::string values_head_;
  std::string announced_table_;
  std::vector<std::string> announced_columns_;
  std::size_t column_ = 0;
  int depth_ = 0;
  char quote_ = 0;
  char prev_ = 0;
  char opener_ = 0;  // the '-' or '/' that may open a comment
  bool escaped_ = false;
  bool skip_line_ = false;  // kSkip ends at the line's end too
  bool backslash_escapes_ = true;
  bool pending_escape_ = false;
  bool line_start_ = true;
  bool end_marker_ = false;
  bool copy_head_line_ = false;
};

}  // namespace

std::unique_ptr<Tokenizer> make_sql_tokenizer(RecordHandler& handler) {
  return std::make_unique<SqlTokenizer>(handler);
}

std::unique_ptr<SqlCutTokenizer> make_sql_cut_tokenizer(RecordHandler& handler) {
  return std::make_unique<SqlTokenizer>(handler);
}

}  // namespace bd::scan::tokenize
