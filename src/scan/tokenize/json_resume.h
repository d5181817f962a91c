// Resuming the NDJSON tokenizer at a line start, for the splitting of large NDJSON
// files across threads (scan/input/split.h).
//
// An NDJSON file may be cut after a '\n' where the tokenizer stands outside any value
// with nothing pending (a line that left an object or string open goes on into the
// next line, so not every line end qualifies; nor does one while the handler holds
// fields of a top-level array, which join the next record). What it knows there is whether it has
// already reported a malformed line and a nesting too deep (each is reported once per
// member); its handler (scan/count/member_scan.cc) knows the keys seen so far, in
// order, as columns. JsonPrefix reads a file's first bytes with the real tokenizer and
// says where it may be cut and the NDJSON text (the prime) that brings a fresh
// tokenizer and handler to the same state: fed first, with the handler counting and
// reporting nothing, a malformed line, a too deep line and one line per known key.
//
// Not thread-safe (one planner). Never fails; a state that the prime cannot express
// gives no prime.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {

// The NDJSON tokenizer, with what a planner asks of it.
class JsonCutTokenizer : public Tokenizer {
 public:
  // Outside any value, with no key pending: meaningful when the input fed so far ends
  // with '\n'.
  virtual bool at_cut() const = 0;
  virtual bool reported_malformed() const = 0;
  virtual bool reported_too_deep() const = 0;
};

std::unique_ptr<JsonCutTokenizer> make_ndjson_cut_tokenizer(RecordHandler& handler);

class JsonPrefix {
 public:
  JsonPrefix();
  ~JsonPrefix();
  JsonPrefix(const JsonPrefix&) = delete;
  JsonPrefix& operator=(const JsonPrefix&) = delete;

  // The file's next bytes (after any byte-order mark); chunks may end anywhere.
  void feed(std::string_view text);
  // Whether the bytes fed so far, if they end with '\n', end where the file may be cut.
  bool at_cut() const;
  // The prime for a range that starts here; none when a column name cannot be written
  // as keys the tokenizer reads back (a key made longer than its bound by escapes).
  std::optional<std::string> prime() const;

 private:
  class Keys;
  std::unique_ptr<Keys> keys_;
  std::unique_ptr<JsonCutTokenizer> tokenizer_;
};

}  // namespace bd::scan::tokenize
