// JSON / NDJSON tokenizer: a streaming pull parser with an explicit stack. Records:
// in NDJSON every top-level object or array (one per line); in a JSON document every
// object or array that is an element of an array and not inside another record, or
// the top-level object itself when it holds no such array. Keys name the columns
// (nested keys as "parent.child"); scalar values are fields; null is skipped. A record
// that is an array (a row: [["Jan","jan@example.nl"], ...] or {"rows": [[...]]}) names
// its values by place, "#1", "#2", ...; in a document, a first row of strings that
// looks like a header (as a CSV file's would) names them instead and is no record. Nesting deeper than
// kMaxDepth is skipped (and reported); malformed JSON is reported, and NDJSON resumes
// at the next line. The NDJSON tokenizer can be resumed at a line start
// (json_resume.h).
#include <string>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "scan/tokenize/json_resume.h"
#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {
namespace {

// The first quote or backslash of `s` at or after `i` (s.size() when none): strings are most
// of an NDJSON file's bytes, and the splitter of large files reads them too.
std::size_t string_end(std::string_view s, std::size_t i) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
    auto m = static_cast<unsigned>(_mm_movemask_epi8(hits));
    if (m != 0) return i + static_cast<std::size_t>(__builtin_ctz(m));
  }
#endif
  while (i < s.size() && s[i] != '"' && s[i] != '\\') ++i;
  return i;
}

constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxKey = 256;
constexpr std::size_t kMaxScalar = 64;  // bytes of a number or literal kept

class JsonTokenizer final : public JsonCutTokenizer {
 public:
  JsonTokenizer(RecordHandler& h, bool ndjson) : h_(h), ndjson_(ndjson) { h_.on_table("", {}); }

  // A key left without a value by a malformed object ('{"a"}') stays in path_ and
  // prefixes the next line's keys: no cut there.
  bool at_cut() const override { return state_ == State::kValue && stack_.empty() && path_.empty(); }
  bool reported_malformed() const override { return broken_; }
  bool reported_too_deep() const override { return deep_reported_; }

  void feed(std::string_view s) override {
    chunk_ = s;
    for (std::size_t i = 0; i < s.size();) i = step(s, i);
    chunk_ = {};
  }

  void finish() override {
    if (state_ == State::kString || state_ == State::kEscape || state_ == State::kUnicode) {
      h_.on_problem("JSON ends inside a string");
    } else if (state_ == State::kScalar) {
      end_scalar(buf_);
    }
    // A document that ends inside its first row: the row's values are no header.
    if (record_depth_ != kNone && !(holding_header_ && end_header())) h_.on_record_end();
    if (!stack_.empty() && !broken_) h_.on_problem("JSON ends inside an object or array");
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  enum class State { kValue, kString, kEscape, kUnicode, kScalar, kBroken };
  struct Frame {
    bool object = false;
    bool expect_key = false;  // in an object, the next string is a key
    std::size_t key_len = 0;  // length of path_ before this frame's key was appended
    bool had_record = false;  // a record was found inside (document top-level object)
    bool row = false;         // a record that is an array: its values are named by place
    std::size_t place = 0;    // a row's values (and nested values) so far
  };

  std::size_t step(std::string_view s, std::size_t i) {
    char c = s[i];
    switch (state_) {
      case State::kValue: return on_value(c, i);
      case State::kString: return on_string(s, i);
      case State::kEscape: return on_escape(c, i);
      case State::kUnicode: return on_unicode(c, i);
      case State::kScalar:
        if (ends_scalar(c)) {
          end_scalar(buf_);
          return i;
        }
        if (buf_.size() < kMaxScalar) buf_.push_back(c);
        return i + 1;
      case State::kBroken:
        if (ndjson_ && c == '\n') recover();
        return i + 1;
    }
    return i + 1;
  }

  std::size_t on_value(char c, std::size_t i) {
    switch (c) {
      case ' ': case '\t': case '\r': case ',': case ':': return i + 1;
      case '\n':
        return i + 1;
      case '{': open(true); return i + 1;
      case '[': open(false); return i + 1;
      case '}': case ']': close(c == '}'); return i + 1;
      case '"':
        in_key_ = !stack_.empty() && stack_.back().object && stack_.back().expect_key;
        if (in_key_) {
          const std::size_t k = whole_members(i);
          if (k != i) return k;
        }
        buf_.clear();
        state_ = State::kString;
        return whole_string(i + 1);
      default:
        if ((c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n') {
          buf_.clear();
          state_ = State::kScalar;
          return whole_scalar(i);
        }
        fail("malformed JSON");
        return i + 1;
    }
  }

  void open(bool object) {
    if (!stack_.empty() && stack_.back().object && stack_.back().expect_key) return fail("malformed JSON");
    if (stack_.size() >= kMaxDepth) {
      if (!deep_reported_) h_.on_problem("JSON nested deeper than 64 levels: inner values skipped");
      deep_reported_ = true;
    }
    bool parent_array = !stack_.empty() && !stack_.back().object;
    if (parent_array && stack_.back().row) {
      ++stack_.back().place;  // a nested value takes a place
      if (holding_header_) header_strings_only_ = false;
    }
    const bool record = record_depth_ == kNone && (ndjson_ ? stack_.empty() : parent_array);
    if (record) {
      record_depth_ = stack_.size();
      for (auto& f : stack_) f.had_record = true;
    }
    stack_.push_back(Frame{object, object, path_.size(), false, record && !object, 0});
    // A document's first row may be its header: held until it ends.
    if (record && !object && !ndjson_ && !seen_row_) {
      seen_row_ = true;
      holding_header_ = true;
      header_strings_only_ = true;
      header_.clear();
    }
  }

  void close(bool object) {
    if (stack_.empty() || stack_.back().object != object) return fail("malformed JSON");
    Frame f = stack_.back();
    stack_.pop_back();
    if (!stack_.empty() && stack_.back().object) pop_key();
    if (record_depth_ == stack_.size()) {
      record_depth_ = kNone;
      if (f.row && holding_header_ && end_header()) return;
      h_.on_record_end();
    } else if (!ndjson_ && stack_.empty() && object && !f.had_record) {
      h_.on_record_end();  // a single top-level object is one record
    }
  }

  // The document's first row has ended: its strings become the names of the rows'
  // places when they look like a header (true), else they go out as its fields (false).
  bool end_header() {
    holding_header_ = false;
    std::vector<std::string> held = std::move(header_);
    header_.clear();
    if (header_strings_only_ && looks_like_header(held)) {
      names_ = std::move(held);
      return true;
    }
    for (std::size_t i = 0; i < held.size(); ++i) h_.on_field(h_.column_for_key(place_key(i)), held[i]);
    return false;
  }

  // The column of a row's value at `place`: its header name, else "#place+1", after the
  // path of the row (empty at the top).
  const std::string& place_key(std::size_t place) {
    key_ = path_;
    if (!key_.empty()) key_.push_back('.');
    if (place < names_.size()) {
      key_ += names_[place];
    } else {
      key_.push_back('#');
      key_ += std::to_string(place + 1);
    }
    return key_;
  }

  void pop_key() {
    Frame& parent = stack_.back();
    path_.resize(parent.key_len);
    parent.expect_key = true;
  }

  // The fast paths: a string that closes in this chunk without an escape, and a scalar
  // that ends in it, are taken whole from the chunk instead of byte by byte through
  // buf_; what they give is what the byte-wise states would have built. Return where
  // the walk goes on (i itself: the byte-wise states take over).
  std::size_t whole_string(std::size_t i) {
    const std::size_t j = string_end(chunk_, i);
    if (j >= chunk_.size() || chunk_[j] != '"') return i;
    std::string_view text = chunk_.substr(i, j - i);
    state_ = State::kValue;
    if (in_key_) {
      end_string(text.substr(0, kMaxKey));  // as add() keeps a key
    } else if (text.size() <= kMaxField) {
      end_string(text);
    } else {
      add(text);  // the long value's pieces go out as text
      end_string(buf_);
    }
    return j + 1;
  }

  // The fast path of the fast paths: members written "key":"value" or "key":scalar,
  // one after the other (",") in the object whose key starts at i, each taken whole from
  // the chunk with one look at the bytes between the tokens. What they give is what the
  // steps through on_value, whole_string and whole_scalar would have built. Leaves to
  // those a member with blanks around its ':' or ',', an escape, a long key or value, a
  // nested value, null, or one that runs past the chunk: returns that member's start (i
  // itself when it is the first), or where the object goes on after its last member.
  std::size_t whole_members(std::size_t i) {
    const std::string_view s = chunk_;
    for (;;) {
      const std::size_t key_end = string_end(s, i + 1);
      if (key_end + 2 >= s.size() || s[key_end] != '"' || s[key_end + 1] != ':') return i;
      const std::string_view key = s.substr(i + 1, key_end - i - 1);
      if (key.empty() || key.size() > kMaxKey) return i;
      const std::size_t v = key_end + 2;
      std::size_t next = 0;
      std::string_view value;
      if (s[v] == '"') {
        const std::size_t value_end = string_end(s, v + 1);
        if (value_end >= s.size() || s[value_end] != '"' || value_end - v - 1 > kMaxField) return i;
        value = s.substr(v + 1, value_end - v - 1);
        next = value_end + 1;
      } else {
        const char c = s[v];
        if (!((c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f'))
          return i;  // null, nested, malformed
        const std::size_t e = scalar_end(v);
        if (e >= s.size()) return i;
        value = s.substr(v, std::min(e - v, kMaxScalar));
        next = e;
      }
      end_string(key);  // in_key_: the key joins the path, for the value only
      in_key_ = false;
      emit(value);
      if (next + 1 >= s.size() || s[next] != ',' || s[next + 1] != '"') return next;
      i = next + 1;
      in_key_ = true;
    }
  }

  // Where the scalar at chunk_[i] ends (chunk_.size() when it goes on past the chunk).
  std::size_t scalar_end(std::size_t i) const {
    while (i < chunk_.size() && !ends_scalar(chunk_[i])) ++i;
    return i;
  }

  std::size_t whole_scalar(std::size_t i) {
    const std::size_t k = scalar_end(i);
    if (k >= chunk_.size()) return i;
    end_scalar(chunk_.substr(i, std::min(k - i, kMaxScalar)));  // as buf_ keeps it
    return k;
  }

  static bool ends_scalar(char c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  std::size_t on_string(std::string_view s, std::size_t i) {
    std::size_t j = string_end(s, i);
    add(s.substr(i, j - i));
    if (j >= s.size()) return j;
    if (s[j] == '\\') {
      state_ = State::kEscape;
      return j + 1;
    }
    state_ = State::kValue;
    end_string(buf_);
    return j + 1;
  }

  // A key keeps its first kMaxKey bytes; a longer value goes out as free text in
  // pieces of kMaxField bytes, and its last piece is the field. Either way the result
  // does not depend on where the chunks fed cut the string.
  void add(std::string_view part) {
    if (in_key_) {
      buf_.append(part.substr(0, kMaxKey - std::min(kMaxKey, buf_.size())));
      return;
    }
    while (buf_.size() + part.size() > kMaxField) {
      std::size_t take = kMaxField - buf_.size();
      buf_.append(part.substr(0, take));
      h_.on_text(buf_);
      buf_.clear();
      part.remove_prefix(take);
    }
    buf_.append(part);
  }

  std::size_t on_escape(char c, std::size_t i) {
    state_ = State::kString;
    switch (c) {
      case 'n': buf_.push_back('\n'); break;
      case 't': buf_.push_back('\t'); break;
      case 'r': buf_.push_back('\r'); break;
      case 'b': case 'f': buf_.push_back(' '); break;
      case 'u':
        state_ = State::kUnicode;
        unicode_ = 0;
        unicode_digits_ = 0;
        break;
      default: buf_.push_back(c); break;
    }
    return i + 1;
  }

  std::size_t on_unicode(char c, std::size_t i) {
    int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (v < 0) {
      state_ = State::kString;
      return i;
    }
    unicode_ = unicode_ * 16 + static_cast<unsigned>(v);
    if (++unicode_digits_ == 4) {
      append_utf8(unicode_);
      state_ = State::kString;
    }
    return i + 1;
  }

  void append_utf8(unsigned cp) {
    if (cp < 0x80) {
      buf_.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      buf_.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      buf_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      buf_.push_back('?');  // surrogate halves: not personal data we detect
    } else {
      buf_.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      buf_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      buf_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // A string (`text`: buf_, or a view of the chunk) ends: a key joins the path, a
  // value goes out. Inlined into each caller: out of line, the whole tokens' fast path
  // cost 3% more on an NDJSON file.
  [[gnu::always_inline]] void end_string(std::string_view text) {
    if (in_key_) {
      Frame& f = stack_.back();
      f.key_len = path_.size();
      if (!path_.empty()) path_.push_back('.');
      path_.append(text);
      f.expect_key = false;
      return;
    }
    emit(text);
  }

  [[gnu::always_inline]] void end_scalar(std::string_view text) {
    if (text != "null") {
      emit(text, false);
    } else if (!stack_.empty() && stack_.back().object) {
      pop_key();
    } else if (!stack_.empty() && stack_.back().row) {
      ++stack_.back().place;
      if (holding_header_) header_strings_only_ = false;
    }
    state_ = State::kValue;
  }

  void emit(std::string_view value, bool string = true) {
    if (!stack_.empty() && stack_.back().row) {
      Frame& row = stack_.back();
      if (holding_header_) {
        // A header is strings only, at most 4096 of them (MemberScan's bound on columns).
        header_strings_only_ = header_strings_only_ && string && header_.size() < 4096;
        if (header_.size() < 4096) header_.emplace_back(value);
        ++row.place;
        return;
      }
      if (stack_.size() <= kMaxDepth) h_.on_field(h_.column_for_key(place_key(row.place)), value);
      ++row.place;
      return;
    }
    if (stack_.size() <= kMaxDepth) {
      if (stack_.empty() || path_.empty()) {
        h_.on_text(value);
      } else {
        h_.on_field(h_.column_for_key(path_), value);
      }
    }
    if (!stack_.empty() && stack_.back().object) pop_key();
  }

  void fail(const char* reason) {
    if (!broken_) h_.on_problem(ndjson_ ? "malformed NDJSON line(s) skipped" : reason);
    broken_ = true;
    state_ = State::kBroken;
  }

  void recover() {
    if (record_depth_ != kNone) h_.on_record_end();
    stack_.clear();
    path_.clear();
    record_depth_ = kNone;
    state_ = State::kValue;
  }

  RecordHandler& h_;
  bool ndjson_;
  std::string_view chunk_;  // the chunk feed() walks
  State state_ = State::kValue;
  std::vector<Frame> stack_;
  std::string path_;
  std::string buf_;
  std::string key_;                  // a row value's column name, built by place_key
  bool seen_row_ = false;            // a document's row was opened
  bool holding_header_ = false;      // the document's first row is being read
  bool header_strings_only_ = true;  // ... and all its values were strings
  std::vector<std::string> header_;  // ... its values so far
  std::vector<std::string> names_;   // the header's names of the rows' places
  bool in_key_ = false;
  std::size_t record_depth_ = kNone;
  unsigned unicode_ = 0;
  int unicode_digits_ = 0;
  bool broken_ = false;
  bool deep_reported_ = false;
};

}  // namespace

std::unique_ptr<Tokenizer> make_json_tokenizer(RecordHandler& handler, bool ndjson) {
  return std::make_unique<JsonTokenizer>(handler, ndjson);
}

std::unique_ptr<JsonCutTokenizer> make_ndjson_cut_tokenizer(RecordHandler& handler) {
  return std::make_unique<JsonTokenizer>(handler, true);
}

}  // namespace bd::scan::tokenize
