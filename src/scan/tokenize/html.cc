// HTML: the tables of a page as records, the rest as free text. Many systems export
// reports as HTML tables, and "Excel" exports of older ones are HTML tables named
// .xls; read as text, their cells had no column to go by, so a column of BSNs under
// the header "BSN" counted nothing.
//
// Each top-level <table> is a table of records: a row (<tr>) is a record and its cells
// (<td>, <th>) its fields; the first row names the columns when it is all <th> cells
// or looks like a header (looks_like_header, the CSV rule); a later row of a single
// cell (a heading or a total across the table) is text. Unclosed cells and rows
// (HTML allows them) end at the next one. A table inside a cell is that cell's text.
// Cell text has its tags dropped, entities decoded (&amp; &#64; &nbsp; ...) and its
// white space collapsed. Text outside tables is free text, without its tags; scripts,
// styles and comments are not read.
//
// Not thread-safe. Failure: never throws; a tag longer than 64 KiB is dropped, a cell
// keeps its first kMaxField bytes (the rest goes out as free text).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/xml_text.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kMaxTag = 64u << 10;
constexpr std::size_t kTextFlush = 64u << 10;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// HTML's named entities for the Latin-1 letters of names (Zo&euml;, &Ccedil;elik) and
// the non-breaking space; the XML ones and numeric references are decoded after them.
unsigned long named_entity(std::string_view name) {
  static constexpr std::pair<std::string_view, unsigned long> kNames[] = {
      {"nbsp", 0x20},   {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2},  {"Atilde", 0xC3},
      {"Auml", 0xC4},   {"Aring", 0xC5},  {"AElig", 0xC6},  {"Ccedil", 0xC7}, {"Egrave", 0xC8},
      {"Eacute", 0xC9}, {"Ecirc", 0xCA},  {"Euml", 0xCB},   {"Igrave", 0xCC}, {"Iacute", 0xCD},
      {"Icirc", 0xCE},  {"Iuml", 0xCF},   {"ETH", 0xD0},    {"Ntilde", 0xD1}, {"Ograve", 0xD2},
      {"Oacute", 0xD3}, {"Ocirc", 0xD4},  {"Otilde", 0xD5}, {"Ouml", 0xD6},   {"Oslash", 0xD8},
      {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB},  {"Uuml", 0xDC},   {"Yacute", 0xDD},
      {"THORN", 0xDE},  {"szlig", 0xDF},  {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2},
      {"atilde", 0xE3}, {"auml", 0xE4},   {"aring", 0xE5},  {"aelig", 0xE6},  {"ccedil", 0xE7},
      {"egrave", 0xE8}, {"eacute", 0xE9}, {"ecirc", 0xEA},  {"euml", 0xEB},   {"igrave", 0xEC},
      {"iacute", 0xED}, {"icirc", 0xEE},  {"iuml", 0xEF},   {"eth", 0xF0},    {"ntilde", 0xF1},
      {"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4},  {"otilde", 0xF5}, {"ouml", 0xF6},
      {"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB},  {"uuml", 0xFC},
      {"yacute", 0xFD}, {"thorn", 0xFE},  {"yuml", 0xFF},
  };
  for (const auto& [n, cp] : kNames) {
    if (n == name) return cp;
  }
  return 0;
}

// HTML text with entities decoded and runs of white space as one space, appended to
// `out`.
void append_html_text(std::string& out, std::string_view raw) {
  std::string named;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '&') {
      const std::size_t semi = raw.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        if (const unsigned long cp = named_entity(raw.substr(i + 1, semi - i - 1)); cp != 0) {
          append_utf8(named, cp);
          i = semi;
          continue;
        }
      }
    }
    named.push_back(raw[i]);
  }
  std::string decoded;
  append_xml_unescaped(decoded, named);
  for (char c : decoded) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

class HtmlTokenizer final : public Tokenizer {
 public:
  explicit HtmlTokenizer(RecordHandler& handler) : h_(handler) {}

  void feed(std::string_view chunk) override {
    for (std::size_t i = 0; i < chunk.size();) {
      switch (state_) {
        case State::kText: {
          const std::size_t lt = chunk.find('<', i);
          const std::string_view text = chunk.substr(i, lt == std::string_view::npos ? lt : lt - i);
          on_raw_text(text);
          if (lt == std::string_view::npos) return;
          state_ = State::kTag;
          tag_.clear();
          quote_ = 0;
          i = lt + 1;
          break;
        }
        case State::kTag:
          i = read_tag(chunk, i);
          break;
        case State::kComment: {
          const std::size_t end = chunk.find('>', i);
          if (end == std::string_view::npos) {
            keep_tail(chunk.substr(i));
            return;
          }
          // "-->" ends it: the two bytes before the '>' (kept from the chunk before
          // when they were at its end).
          keep_tail(chunk.substr(i, end - i));
          if (tail_ == "--") state_ = State::kText;
          tail_.clear();
          i = end + 1;
          break;
        }
        case State::kSkip: {
          // Inside <script> or <style>: up to its end tag.
          const std::size_t lt = chunk.find('<', i);
          if (lt == std::string_view::npos) return;
          state_ = State::kTag;
          tag_.clear();
          quote_ = 0;
          skipping_ = true;
          i = lt + 1;
          break;
        }
      }
    }
  }

  void finish() override {
    if (depth_ > 0) end_row();
    flush_text(true);
  }

 private:
  enum class State { kText, kTag, kComment, kSkip };

  // Keeps the last two bytes of what the comment held so far (tail_ and then `s`).
  void keep_tail(std::string_view s) {
    tail_.append(s);
    if (tail_.size() > 2) tail_.erase(0, tail_.size() - 2);
  }

  // Collects a tag up to its '>' (outside quotes); returns where reading goes on.
  std::size_t read_tag(std::string_view chunk, std::size_t i) {
    for (; i < chunk.size(); ++i) {
      const char c = chunk[i];
      if (quote_ != 0) {
        if (c == quote_) quote_ = 0;
      } else if (c == '"' || c == '\'') {
        if (tag_.size() > 0 && tag_.find('=') != std::string::npos) quote_ = c;  // an attribute's value
      } else if (c == '>') {
        on_tag();
        return i + 1;
      }
      if (tag_.size() < kMaxTag) tag_.push_back(c);
      if (tag_.size() == 3 && tag_ == "!--") {
        state_ = State::kComment;
        tail_.clear();
        return i + 1;
      }
    }
    return i;
  }

  void on_tag() {
    const bool skipping = skipping_;
    skipping_ = false;
    state_ = State::kText;
    if (tag_.size() >= kMaxTag) return;
    std::string_view t = tag_;
    const bool closing = !t.empty() && t.front() == '/';
    if (closing) t.remove_prefix(1);
    std::string name;
    for (char c : t) {
      if (is_space(c) || c == '/' || c == '>') break;
      name.push_back(lower(c));
    }
    if (skipping) {
      if (!(closing && name == skip_end_)) state_ = State::kSkip;
      return;
    }
    if (!closing && (name == "script" || name == "style")) {
      skip_end_ = name;
      state_ = State::kSkip;
      return;
    }
    if (name == "table") {
      if (!closing) {
        if (depth_++ == 0) {
          flush_text(true);
          first_row_ = true;
        }
      } else if (depth_ > 0) {
        if (depth_ == 1) end_row();
        --depth_;
      }
      return;
    }
    if (depth_ != 1) {
      if (name == "br" || name == "p" || name == "div" || name == "li" || name == "tr" || name == "td" ||
          name == "th")
        break_text(closing);
      return;
    }
    if (name == "tr") {
      end_row();
    } else if (name == "td" || name == "th") {
      end_cell();
      if (!closing) {
        in_cell_ = true;
        all_th_ = all_th_ && name == "th";
      }
    } else if (name == "br" || name == "p" || name == "div" || name == "li") {
      break_text(closing);
    }
  }

  // A line break (<br>, a paragraph's end): a space inside a cell, a line outside.
  void break_text(bool closing) {
    if (in_cell_)
      cell_raw_.push_back(' ');
    else if (!closing)
      text_raw_.push_back('\n');
  }

  void on_raw_text(std::string_view text) {
    if (text.empty() || state_ == State::kSkip) return;
    if (depth_ >= 1 && in_cell_) {
      const std::size_t room = kMaxField - std::min(kMaxField, cell_raw_.size());
      cell_raw_.append(text.substr(0, room));
      if (text.size() > room) h_.on_text(text.substr(room));
      return;
    }
    if (depth_ >= 1) return;  // white space between rows and cells
    text_raw_.append(text);
    flush_text(false);
  }

  void flush_text(bool force) {
    if (text_raw_.empty() || (!force && text_raw_.size() < kTextFlush)) return;
    std::string text;
    append_html_text(text, text_raw_);
    text_raw_.clear();
    if (!text.empty() && text != " ") h_.on_text(text);
  }

  void end_cell() {
    if (!in_cell_) return;
    std::string value;
    append_html_text(value, cell_raw_);
    while (!value.empty() && value.back() == ' ') value.pop_back();
    if (!value.empty() && value.front() == ' ') value.erase(0, 1);
    row_.push_back(std::move(value));
    cell_raw_.clear();
    in_cell_ = false;
  }

  void end_row() {
    end_cell();
    if (!row_.empty()) {
      bool any = false;
      for (const auto& v : row_) any = any || !v.empty();
      if (first_row_ && any) {
        first_row_ = false;
        columns_ = row_.size();
        if (all_th_ || looks_like_header(row_)) {
          h_.on_table("", row_);
        } else {
          h_.on_table("", {});
          emit_row();
        }
      } else if (any && row_.size() == 1 && columns_ >= 2) {
        h_.on_text(row_.front());  // one cell across the table: a heading or a total
      } else if (any) {
        emit_row();
      }
    }
    row_.clear();
    all_th_ = true;
  }

  void emit_row() {
    views_.assign(row_.begin(), row_.end());
    h_.on_record(views_.data(), views_.size());
  }

  RecordHandler& h_;
  State state_ = State::kText;
  std::string tag_;
  char quote_ = 0;
  std::string tail_;  // a comment's last bytes, while its end is looked for
  bool skipping_ = false;
  std::string skip_end_;
  int depth_ = 0;  // tables open
  bool first_row_ = false;
  std::size_t columns_ = 0;  // cells of the table's first row
  bool in_cell_ = false;
  bool all_th_ = true;  // the row's cells so far are all <th>
  std::string cell_raw_;
  std::vector<std::string> row_;
  std::vector<std::string_view> views_;
  std::string text_raw_;
};

}  // namespace

std::unique_ptr<Tokenizer> make_html_tokenizer(RecordHandler& handler) {
  return std::make_unique<HtmlTokenizer>(handler);
}

}  // namespace bd::scan::tokenize
