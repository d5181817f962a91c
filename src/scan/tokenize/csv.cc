// CSV/TSV tokenizer: delimiter detection (',', ';', tab, '|' counted on the first
// line), header detection, RFC 4180 quoting with embedded delimiters, doubled quotes
// and newlines (a quoted multi-line row is one record). Streaming; one field buffered.
#include <algorithm>
#include <cstring>

#include "scan/detect/headers.h"
#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;

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

char pick_delimiter(std::string_view head) {
  std::size_t nl = head.find('\n');
  std::string_view line = head.substr(0, nl);
  const char candidates[] = {',', ';', '\t', '|'};
  char best = ',';
  std::size_t best_n = 0;
  for (char c : candidates) {
    auto n = static_cast<std::size_t>(std::count(line.begin(), line.end(), c));
    if (n > best_n) {
      best_n = n;
      best = c;
    }
  }
  return best;
}

class CsvTokenizer final : public Tokenizer {
 public:
  CsvTokenizer(RecordHandler& h, char hint) : h_(h), delim_(hint), delim_known_(hint != 0) {}

  void feed(std::string_view chunk) override {
    if (!delim_known_) {
      sniff_.append(chunk);
      if (sniff_.find('\n') == std::string::npos && sniff_.size() < kSniffBytes) return;
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

  void start_from_sniff() {
    delim_known_ = true;
    if (delim_ == 0) delim_ = pick_delimiter(sniff_);
    std::string data = std::move(sniff_);
    sniff_.clear();
    run(data);
  }

  void append(const char* p, std::size_t n) {
    if (field_.size() + n > kMaxField) {
      h_.on_text(field_);  // an oversized field is scanned as free text, piece by piece
      field_.clear();
      truncated_ = true;
    }
    field_.append(p, n);
  }

  void end_field(bool record_end) {
    if (record_end && !field_.empty() && field_.back() == '\r') field_.pop_back();
    if (!header_decided_) {
      first_row_.push_back(field_);
    } else if (truncated_) {
      h_.on_text(field_);
    } else {
      h_.on_field(column_, field_);
    }
    field_.clear();
    truncated_ = false;
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
    const char* p = s.data();
    std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
      switch (state_) {
        case State::kFieldStart: {
          char c = p[i];
          if (c == '"') {
            state_ = State::kQuoted;
            ++i;
          } else if (c == '\n' && column_ == 0) {
            ++i;  // blank line: no record
          } else if (c == '\r' && column_ == 0) {
            ++i;
          } else {
            state_ = State::kUnquoted;
          }
          break;
        }
        case State::kUnquoted: {
          std::size_t j = i;
          while (j < n && p[j] != delim_ && p[j] != '\n') ++j;
          append(p + i, j - i);
          i = j;
          if (j < n) {
            end_field(p[j] == '\n');
            ++i;
          }
          break;
        }
        case State::kQuoted: {
          const void* q = std::memchr(p + i, '"', n - i);
          std::size_t j = q ? static_cast<std::size_t>(static_cast<const char*>(q) - p) : n;
          append(p + i, j - i);
          i = j;
          if (j < n) {
            state_ = State::kQuoteInQuoted;
            ++i;
          }
          break;
        }
        case State::kQuoteInQuoted: {
          char c = p[i];
          if (c == '"') {
            append("\"", 1);
            state_ = State::kQuoted;
            ++i;
          } else if (c == delim_ || c == '\n') {
            end_field(c == '\n');
            ++i;
          } else {
            state_ = State::kUnquoted;  // text after the closing quote: keep it
          }
          break;
        }
      }
    }
  }

  RecordHandler& h_;
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

std::unique_ptr<Tokenizer> make_csv_tokenizer(RecordHandler& handler, char delimiter_hint) {
  return std::make_unique<CsvTokenizer>(handler, delimiter_hint);
}

}  // namespace bd::scan::tokenize
