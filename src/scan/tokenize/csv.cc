// CSV/TSV tokenizer: delimiter detection (',', ';', tab, '|' counted on the first
// line), header detection, RFC 4180 quoting with embedded delimiters, doubled quotes
// and newlines (a quoted multi-line row is one record). Streaming; a field that lies
// inside one chunk is handed out as a view of the chunk (a record whose fields all are,
// as one on_record call), one that spans chunks or has doubled quotes is buffered.
// Structural bytes are found 64 at a time (byte_finder.h).
#include <algorithm>

#include "scan/detect/headers.h"
#include "scan/tokenize/byte_finder.h"
#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

class CsvTokenizer final : public Tokenizer {
 public:
  CsvTokenizer(RecordHandler& h, char hint) : h_(h), delim_(hint), delim_known_(hint != 0) {}

  void feed(std::string_view chunk) override {
    if (!delim_known_) {
      if (sniff_.empty() && chunk.find('\n') != std::string_view::npos) {
        // The first line is whole in this chunk: decided in place, not copied first.
        delim_known_ = true;
        run(chunk.substr(decide_delimiter(chunk)));
        return;
      }
      sniff_.append(chunk);
      if (chunk.find('\n') == std::string_view::npos && sniff_.size() < kSniffBytes) return;
      start_from_sniff();
      return;
    }
    run(chunk);
  }

  void finish() override {
    if (!delim_known_) start_from_sniff();
    if (state_ == State::kQuoted) h_.on_problem("unterminated quoted CSV field");
    if (state_ != State::kFieldStart || column_ > 0 || !field_.empty()) end_field(true);
    if (!header_decided_ && !first_row_.empty()) decide_header();
  }

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  // ByteFinder groups: the bytes that end an unquoted field, and the quote.
  static constexpr int kSeparators = 0;
  static constexpr int kQuote = 1;

  void start_from_sniff() {
    delim_known_ = true;
    const std::size_t from = decide_delimiter(sniff_);
    std::string data = std::move(sniff_);
    sniff_.clear();
    run(std::string_view(data).substr(from));
  }

  // Picks the delimiter from the first line of `text` (unless a hint gave it); returns
  // where the records start: after an Excel "sep=X" line, else at 0.
  std::size_t decide_delimiter(std::string_view text) {
    const std::string_view line = text.substr(0, text.find('\n'));
    if (delim_ != 0) return 0;
    if (const char sep = excel_separator(line); sep != 0 && line.size() < text.size()) {
      delim_ = sep;
      return line.size() + 1;
    }
    delim_ = pick_csv_delimiter(line);
    return 0;
  }

  // Buffers part of a field that spans chunks or needs unescaping.
  void append(const char* p, std::size_t n) {
    if (field_.size() + n > kMaxField) {
      if (!field_.empty()) h_.on_text(field_);  // an oversized field is scanned as free text, piece by piece
      field_.clear();
      truncated_ = true;
    }
    field_.append(p, n);
  }

  void end_field(bool record_end) {
    if (record_end && !field_.empty() && field_.back() == '\r') field_.pop_back();
    deliver(field_, truncated_, record_end);
    field_.clear();
    truncated_ = false;
  }

  // A whole field read straight from the chunk, as append() + end_field() would give it.
  void end_field_in_chunk(std::string_view value, bool record_end) {
    bool oversized = value.size() > kMaxField;
    if (record_end && !value.empty() && value.back() == '\r') value.remove_suffix(1);
    deliver_in_chunk(value, oversized, record_end);
  }

  // A field read straight from the chunk by whole_fields: while every field of the
  // record so far was, it is held (a view of the chunk) and the record is handed out
  // whole at its end (RecordHandler::on_record); otherwise as deliver() does. Whatever
  // is still held when whole_fields stops goes out field by field (hand_out_held), so
  // the handler sees the events in the order deliver() would have given them.
  void deliver_in_chunk(std::string_view value, bool as_text, bool record_end) {
    if (is_copy_end(value, record_end)) return;
    if (held_ == column_ && held_ < kRecordFields && header_decided_ && !as_text) {
      held_values_[held_++] = value;  // state_ stays kFieldStart, as in whole_fields
      ++column_;
      if (record_end) {
        h_.on_record(held_values_, held_);
        held_ = 0;
        column_ = 0;
      }
      return;
    }
    hand_out_held();
    deliver(value, as_text, record_end);
  }

  void hand_out_held() {
    for (std::size_t k = 0; k < held_; ++k) h_.on_field(column_ - held_ + k, held_values_[k]);
    held_ = 0;
  }

  // PostgreSQL's end of COPY data, "\." alone on a line: the last line of the data
  // files of pg_dump -Ft and -Fd, which are tab-separated without a header. A record
  // of `fields` fields, the first `first`, is that line when this holds.
  bool copy_end(std::size_t fields, std::string_view first) const {
    return fields == 1 && delim_ == '\t' && first == "\\.";
  }

  // A field that ends its record and is that line: no record, and the tokenizer stays
  // at a record start.
  bool is_copy_end(std::string_view value, bool record_end) {
    if (!record_end || !copy_end(column_ + 1, value)) return false;
    state_ = State::kFieldStart;
    return true;
  }

  void deliver(std::string_view value, bool as_text, bool record_end) {
    if (is_copy_end(value, record_end)) return;
    if (!header_decided_) {
      first_row_.emplace_back(value);
    } else if (as_text) {
      if (!value.empty()) h_.on_text(value);
    } else {
      h_.on_field(column_, value);
    }
    ++column_;
    state_ = State::kFieldStart;
    if (record_end) {
      if (!header_decided_) {
        decide_header();
      } else {
        h_.on_record_end();
      }
      column_ = 0;
    }
  }

  void decide_header() {
    header_decided_ = true;
    std::vector<std::string> row = std::move(first_row_);
    first_row_.clear();
    if (looks_like_header(row)) {
      h_.on_table("", row);
      return;
    }
    h_.on_table("", {});
    for (std::size_t i = 0; i < row.size(); ++i) h_.on_field(i, row[i]);
    h_.on_record_end();
  }

  void run(std::string_view s) {
    Needles needles{{{delim_, '\n', '\n', '\n'}, {'"', '"', '"', '"'}}};
    ByteFinder find(s, needles);
    std::size_t i = 0;
    while (i < s.size()) {
      if (state_ == State::kFieldStart) {
        i = whole_fields(s, find, i);
        if (i >= s.size()) break;
      }
      i = step(s, find, i);
    }
  }

  // The fast path: reads the fields that start at i and end inside the chunk, handing
  // out views of the chunk (a record read whole by it goes out at once: see
  // deliver_in_chunk). Stops at the end of the chunk, or where a field needs buffering
  // (it continues in the next chunk, or has doubled quotes or text after the closing
  // quote); then the field's start is buffered and its state set, and step()
  // continues it.
  std::size_t whole_fields(std::string_view s, ByteFinder& find, std::size_t i) {
    i = read_whole_fields(s, find, i);
    hand_out_held();  // the views die with the chunk; a field that goes on comes after
    return i;
  }

  std::size_t read_whole_fields(std::string_view s, ByteFinder& find, std::size_t i) {
    const char* p = s.data();
    const std::size_t n = s.size();
    while (i < n) {
      char c = p[i];
      if (c == '"') {
        std::size_t b = i + 1;
        std::size_t j = find.next(b, kQuote);
        if (j + 1 >= n) return quoted_start_to_buffer(p, b, j, n);
        char d = p[j + 1];
        if (d == delim_ || d == '\n') {
          end_field_in_chunk(std::string_view(p + b, j - b), d == '\n');
          i = j + 2;
        } else if (d == '\r' && j + 2 < n && p[j + 2] == '\n' && j - b + 1 <= kMaxField) {
          deliver_in_chunk(std::string_view(p + b, j - b), false,
                           true);  // "..."CRLF: only the '\r' after the quote is dropped
          i = j + 3;
        } else {
          return quoted_start_to_buffer(p, b, j, n);
        }
      } else if ((c == '\n' || c == '\r') && column_ == 0) {
        ++i;  // blank line: no record
      } else {
        if (held_ == column_ && header_decided_) {
          const std::size_t k = read_plain_fields(p, n, find, i);
          if (k != i) {
            i = k;
            continue;
          }
        }
        std::size_t j = find.next(i, kSeparators);
        if (j >= n) {
          append(p + i, n - i);
          state_ = State::kUnquoted;
          return n;
        }
        end_field_in_chunk(std::string_view(p + i, j - i), p[j] == '\n');
        i = j + 1;
      }
    }
    return i;
  }

  // Unquoted fields from i (no quote there, no blank line), while every field of the
  // record so far is held: what read_whole_fields and deliver_in_chunk do for them,
  // with the separators of each 64-byte block walked bit by bit in a register. Most
  // fields of a CSV are such; the general loop cost about twice the instructions per
  // field. Returns the start of the first field it leaves to that loop: one that starts
  // with a quote or a blank line, runs past the chunk, is oversized or is past
  // kRecordFields (i itself when it is the first).
  std::size_t read_plain_fields(const char* p, std::size_t n, ByteFinder& find, std::size_t i) {
    std::size_t base = i & ~std::size_t{63};
    std::uint64_t seps = find.block(base, kSeparators) & (~std::uint64_t{0} << (i - base));
    for (;;) {
      while (seps == 0) {  // the field goes on in the next block
        base += 64;
        if (base >= n) return i;
        seps = find.block(base, kSeparators);
      }
      const std::size_t j = base + static_cast<std::size_t>(__builtin_ctzll(seps));
      seps &= seps - 1;
      std::string_view value(p + i, j - i);
      if (value.size() > kMaxField || held_ >= kRecordFields) return i;
      const bool record_end = p[j] == '\n';
      if (record_end && !value.empty() && value.back() == '\r') value.remove_suffix(1);
      held_values_[held_++] = value;
      ++column_;
      i = j + 1;
      if (record_end) {
        if (!copy_end(held_, held_values_[0])) h_.on_record(held_values_, held_);
        held_ = 0;
        column_ = 0;
      }
      if (i >= n) return i;
      const char c = p[i];
      if (c == '"' || (record_end && (c == '\n' || c == '\r'))) return i;
    }
  }

  // A quoted field opened at b - 1 that the fast path cannot finish; j is its first
  // quote after b (or n). Returns where step() goes on.
  std::size_t quoted_start_to_buffer(const char* p, std::size_t b, std::size_t j, std::size_t n) {
    append(p + b, j - b);
    if (j >= n) {
      state_ = State::kQuoted;
      return n;
    }
    state_ = State::kQuoteInQuoted;
    return j + 1;
  }

  // One step of the buffering state machine.
  std::size_t step(std::string_view s, ByteFinder& find, std::size_t i) {
    const char* p = s.data();
    const std::size_t n = s.size();
    switch (state_) {
      case State::kFieldStart: {
        char c = p[i];
        if (c == '"') {
          state_ = State::kQuoted;
          return i + 1;
        }
        if ((c == '\n' || c == '\r') && column_ == 0) return i + 1;  // blank line: no record
        state_ = State::kUnquoted;
        return i;
      }
      case State::kUnquoted: {
        std::size_t j = find.next(i, kSeparators);
        append(p + i, j - i);
        if (j >= n) return n;
        end_field(p[j] == '\n');
        return j + 1;
      }
      case State::kQuoted: {
        std::size_t j = find.next(i, kQuote);
        append(p + i, j - i);
        if (j >= n) return n;
        state_ = State::kQuoteInQuoted;
        return j + 1;
      }
      case State::kQuoteInQuoted: {
        char c = p[i];
        if (c == '"') {
          append("\"", 1);
          state_ = State::kQuoted;
          return i + 1;
        }
        if (c == delim_ || c == '\n') {
          end_field(c == '\n');
          return i + 1;
        }
        state_ = State::kUnquoted;  // text after the closing quote: keep it
        return i;
      }
    }
    return i + 1;
  }

  static constexpr std::size_t kRecordFields = 256;  // wider records go field by field

  RecordHandler& h_;
  std::string_view held_values_[kRecordFields];
  std::size_t held_ = 0;  // fields held: columns column_ - held_ .. column_ - 1
  char delim_;
  bool delim_known_;
  std::string sniff_;
  State state_ = State::kFieldStart;
  std::string field_;
  bool truncated_ = false;
  std::size_t column_ = 0;
  bool header_decided_ = false;
  std::vector<std::string> first_row_;
};

}  // namespace

bool looks_like_header(const std::vector<std::string>& row) {
  if (row.empty()) return false;
  int roles = 0;
  int identifiers = 0;
  for (const auto& f : row) {
    if (f.empty() || f.size() > 64 || f.find('@') != std::string::npos) return false;
    bool letter = false;
    bool upper = false;
    for (char c : f) {
      letter = letter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      upper = upper || (c >= 'A' && c <= 'Z');
    }
    if (!letter) return false;
    if (detect::role_from_header(f) != detect::ColumnRole::kNone) ++roles;
    if (f.find('_') != std::string::npos || !upper) ++identifiers;
  }
  return roles > 0 || identifiers * 2 >= static_cast<int>(row.size());
}

char pick_csv_delimiter(std::string_view first_line) {
  const char candidates[] = {',', ';', '\t', '|'};
  char best = ',';
  std::size_t best_n = 0;
  for (char c : candidates) {
    auto n = static_cast<std::size_t>(std::count(first_line.begin(), first_line.end(), c));
    if (n > best_n) {
      best_n = n;
      best = c;
    }
  }
  return best;
}

char excel_separator(std::string_view first_line) {
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  if (first_line.size() != 5 || (first_line.substr(0, 4) != "sep=" && first_line.substr(0, 4) != "SEP="))
    return 0;
  const char sep = first_line[4];
  return sep == '"' || sep == '\r' ? 0 : sep;
}

std::unique_ptr<Tokenizer> make_csv_tokenizer(RecordHandler& handler, char delimiter_hint) {
  return std::make_unique<CsvTokenizer>(handler, delimiter_hint);
}

}  // namespace bd::scan::tokenize
