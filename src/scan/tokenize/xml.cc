// XML tokenizer: an export of people as XML (<klanten><klant><naam>…</naam><bsn>…</bsn>
// </klant>…</klanten>) read as records, as a JSON document's objects are.
//
// The record depth is the depth of the shallowest element that repeats under one
// parent and has child elements or attributes, found in the document's first 64 KiB
// (held back until then); where nothing repeats there, the root's children when one
// of them has structure, else the root itself (a document of one record). An element
// at the record depth is a record once it shows structure (an attribute, or its first
// child element); one that only holds text is free text, as is everything outside
// records (a header block). Inside a record, each element's text is a field named by
// its path below the record ("naam", "adres.postcode"), each attribute one named by
// its element's path and its own name ("id", "adres.soort"), and the record
// element's own text one named after it. Entities and CDATA sections are decoded;
// comments, processing instructions and the DOCTYPE are skipped; namespace prefixes
// are dropped. A value longer than kMaxField is cut into several; a tag of more than
// 1 MiB is reported and dropped; nesting is followed to any depth (only the names of
// the levels inside a record, at most 64, are kept).
#include <algorithm>
#include <string>
#include <vector>

#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/xml_text.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kPrefixBytes = 64u << 10;
constexpr std::size_t kMaxTag = 1u << 20;
constexpr std::size_t kMaxPath = 64;
constexpr std::size_t kMaxKey = 256;
constexpr std::size_t kNoDepth = static_cast<std::size_t>(-1);

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool all_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return blank(c); });
}

// The events of an XML stream: start and end tags, text (CDATA included, entities
// not yet decoded; in pieces where chunks end). Tags cut by a chunk end wait for the
// rest; '>' inside a quoted attribute value, a comment or a CDATA section ends
// nothing.
class XmlLexer {
 public:
  struct Events {
    virtual ~Events() = default;
    virtual void start(std::string_view name, std::string_view attributes, bool empty) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view raw) = 0;
    virtual void cdata(std::string_view text) = 0;
    virtual void too_long() = 0;
  };

  void feed(std::string_view s, Events& e) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (!in_tag_) {
        const std::size_t lt = s.find('<', i);
        if (lt == std::string_view::npos) {
          e.text(s.substr(i));
          return;
        }
        if (lt > i) e.text(s.substr(i, lt - i));
        in_tag_ = true;
        quote_ = 0;
        tag_.clear();
        i = lt + 1;
        continue;
      }
      i = read_tag(s, i, e);
    }
  }

 private:
  // Reads tag bytes from s[i]; returns where it stopped (the end of s, or after '>').
  std::size_t read_tag(std::string_view s, std::size_t i, Events& e) {
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (quote_ != 0) {
        if (c == quote_) quote_ = 0;
      } else if (c == '>' && closes()) {
        in_tag_ = false;
        if (!dropped_) on_tag(e);
        dropped_ = false;
        tag_.clear();
        return i + 1;
      } else if ((c == '"' || c == '\'') && !tag_.empty() && tag_[0] != '!' && tag_[0] != '?') {
        quote_ = c;
      }
      if (dropped_) continue;
      tag_.push_back(c);
      if (tag_.size() >= kMaxTag) overflow(e);
    }
    return i;
  }

  // A tag reached kMaxTag: a CDATA section hands on its text so far, a comment forgets
  // its own; both keep their last two bytes to see their end. Anything else is dropped
  // up to its '>'.
  void overflow(Events& e) {
    const std::string tail = tag_.substr(tag_.size() - 2);
    if (tag_.rfind("![CDATA[", 0) == 0) {
      e.cdata(std::string_view(tag_).substr(8, tag_.size() - 10));
      tag_ = "![CDATA[" + tail;
    } else if (tag_.rfind("!--", 0) == 0) {
      tag_ = "!--" + tail;
    } else {
      e.too_long();
      dropped_ = true;
      tag_.clear();
    }
  }

  // Whether a '>' now ends the tag: a comment ends with "-->", a CDATA with "]]>".
  bool closes() const {
    auto ends = [&](std::string_view suffix) {
      return tag_.size() >= suffix.size() &&
             std::string_view(tag_).substr(tag_.size() - suffix.size()) == suffix;
    };
    if (tag_.rfind("!--", 0) == 0) return tag_.size() >= 5 && ends("--");
    if (tag_.rfind("![CDATA[", 0) == 0) return tag_.size() >= 10 && ends("]]");
    return true;
  }

  void on_tag(Events& e) {
    std::string_view t = tag_;
    if (t.rfind("![CDATA[", 0) == 0) return e.cdata(t.substr(8, t.size() - 10));
    if (t.empty() || t[0] == '!' || t[0] == '?') return;  // comments, DOCTYPE, declarations
    if (t[0] == '/') {
      t.remove_prefix(1);
      std::size_t n = 0;
      while (n < t.size() && !blank(t[n])) ++n;
      return e.end(t.substr(0, n));
    }
    const bool empty = t.back() == '/';
    if (empty) t.remove_suffix(1);
    std::size_t n = 0;
    while (n < t.size() && !blank(t[n])) ++n;
    e.start(t.substr(0, n), t.substr(n), empty);
  }

  bool in_tag_ = false;
  bool dropped_ = false;
  char quote_ = 0;
  std::string tag_;
};

// Calls f(name, raw value) for each attribute of `attributes` (namespace declarations
// left out).
template <typename F>
void for_each_attribute(std::string_view a, F&& f) {
  std::size_t i = 0;
  while (i < a.size()) {
    while (i < a.size() && blank(a[i])) ++i;
    const std::size_t name_at = i;
    while (i < a.size() && a[i] != '=' && !blank(a[i])) ++i;
    const std::string_view name = a.substr(name_at, i - name_at);
    while (i < a.size() && blank(a[i])) ++i;
    if (i >= a.size() || a[i] != '=') {
      if (i == name_at) ++i;
      continue;
    }
    ++i;
    while (i < a.size() && blank(a[i])) ++i;
    if (i >= a.size() || (a[i] != '"' && a[i] != '\'')) continue;
    const char q = a[i++];
    const std::size_t end = a.find(q, i);
    if (end == std::string_view::npos) return;
    if (!name.empty() && name != "xmlns" && name.rfind("xmlns:", 0) != 0) f(name, a.substr(i, end - i));
    i = end + 1;
  }
}

// The local name: "ns:klant" -> "klant".
std::string_view local(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Finds the record depth in the document's first bytes.
class DepthFinder final : public XmlLexer::Events {
 public:
  // Where nothing repeats: the root's children when one of them has structure (a lone
  // record under a wrapper), else the root itself (a document that is one record).
  std::size_t depth() const {
    if (found_ != kNoDepth) return found_;
    return root_has_structured_child_ ? 1 : 0;
  }

  void start(std::string_view name, std::string_view attributes, bool empty) override {
    if (!frames_.empty()) frames_.back().has_children = true;
    frames_.push_back(Frame{std::string(local(name)), !all_blank(attributes), {}});
    if (empty) end(name);
  }
  void end(std::string_view) override {
    if (frames_.empty()) return;
    Frame child = std::move(frames_.back());
    frames_.pop_back();
    if (frames_.empty() || !child.has_children) return;
    if (frames_.size() == 1) root_has_structured_child_ = true;
    std::vector<std::string>& seen = frames_.back().children_with_structure;
    if (std::find(seen.begin(), seen.end(), child.name) != seen.end()) {
      found_ = std::min(found_, frames_.size());  // the child's depth
    } else if (seen.size() < 64) {
      seen.push_back(child.name);
    }
  }
  void text(std::string_view) override {}
  void cdata(std::string_view) override {}
  void too_long() override {}

 private:
  struct Frame {
    std::string name;
    bool has_children;  // element children or attributes
    std::vector<std::string> children_with_structure;
  };
  std::vector<Frame> frames_;
  std::size_t found_ = kNoDepth;
  bool root_has_structured_child_ = false;
};

class XmlTokenizer final : public Tokenizer, private XmlLexer::Events {
 public:
  explicit XmlTokenizer(RecordHandler& h) : h_(h) { h_.on_table("", {}); }

  void feed(std::string_view s) override {
    if (record_depth_ == kNoDepth) {
      prefix_.append(s);
      if (prefix_.size() >= kPrefixBytes) start();
      return;
    }
    lexer_.feed(s, *this);
  }

  void finish() override {
    if (record_depth_ == kNoDepth) start();
    flush_text();
    if (in_record_) {
      h_.on_record_end();
      in_record_ = false;
      h_.on_problem("XML document ends inside an element");
    } else if (depth_ > 0) {
      h_.on_problem("XML document ends inside an element");
    }
  }

 private:
  // The record depth from the first bytes, then those bytes as any others.
  void start() {
    DepthFinder finder;
    XmlLexer look;
    look.feed(prefix_, finder);
    record_depth_ = finder.depth();
    std::string held;
    held.swap(prefix_);
    lexer_.feed(held, *this);
  }

  // An element at the record depth is a record once it shows structure: attributes, or
  // its first child element. One that only holds text is free text.
  void start(std::string_view name, std::string_view attributes, bool empty) override {
    const std::size_t depth = depth_;
    if (candidate_ && depth == record_depth_ + 1) open_record();  // its first child
    flush_text();
    ++depth_;
    bool attributes_are_fields = in_record_;
    if (!in_record_ && !candidate_ && depth == record_depth_) {
      candidate_ = true;
      record_name_.assign(local(name));
      path_.clear();
      path_ends_.clear();
      path_size_ = 0;
      bool any = false;
      for_each_attribute(attributes, [&](std::string_view, std::string_view) { any = true; });
      if (any) open_record();
      attributes_are_fields = any;
    } else if (in_record_) {
      if (path_size_++ < kMaxPath) {
        path_ends_.push_back(path_.size());
        if (!path_.empty()) path_.push_back('.');
        path_.append(local(name));
      }
    }
    for_each_attribute(attributes, [&](std::string_view attribute, std::string_view raw) {
      value_.clear();
      append_xml_unescaped(value_, raw);
      if (attributes_are_fields)
        field(key_with(local(attribute)), value_);
      else if (!all_blank(value_))
        h_.on_text(value_);
    });
    if (empty) end(name);
  }

  void open_record() {
    candidate_ = false;
    in_record_ = true;
  }

  void end(std::string_view) override {
    flush_text();
    if (depth_ == 0) return;  // an end tag without its start
    --depth_;
    if (candidate_ && depth_ == record_depth_) {
      candidate_ = false;  // it held only text: no record
      return;
    }
    if (!in_record_) return;
    if (depth_ == record_depth_) {
      in_record_ = false;
      h_.on_record_end();
    } else if (path_size_ > 0) {
      if (path_size_-- <= kMaxPath) {
        path_.resize(path_ends_.back());
        path_ends_.pop_back();
      }
    }
  }

  void text(std::string_view raw) override { append_text(raw); }

  void cdata(std::string_view t) override {
    // Escaped so that the decoding of the text it joins gives it back (CDATA holds no
    // entities).
    for (std::size_t at = 0; at < t.size();) {
      const std::size_t amp = std::min(t.find('&', at), t.size());
      append_text(t.substr(at, amp - at));
      if (amp < t.size()) append_text("&amp;");
      at = amp + 1;
    }
  }

  // Text up to kMaxField bytes is one value; a longer one is cut there, wherever the
  // chunks end.
  void append_text(std::string_view raw) {
    while (!raw.empty()) {
      const std::size_t room = kMaxField - text_.size();
      if (raw.size() <= room) {
        text_.append(raw);
        return;
      }
      text_.append(raw.substr(0, room));
      raw.remove_prefix(room);
      flush_text();
    }
  }

  void too_long() override { h_.on_problem("XML tag longer than 1 MiB skipped"); }

  // The text since the last tag: a field of the record (named by the path), or free
  // text outside records; blank text (indentation) is nothing.
  void flush_text() {
    if (text_.empty()) return;
    if (!all_blank(text_)) {
      value_.clear();
      append_xml_unescaped(value_, text_);
      if (in_record_)
        field(key_with({}), value_);
      else
        h_.on_text(value_);
    }
    text_.clear();
  }

  // The key of a field at the current path (`attribute` appended when not empty).
  const std::string& key_with(std::string_view attribute) {
    key_ = path_;
    if (!attribute.empty()) {
      if (!key_.empty()) key_.push_back('.');
      key_.append(attribute);
    }
    if (key_.empty()) key_ = record_name_;  // the record element's own text
    if (key_.size() > kMaxKey) key_.resize(kMaxKey);
    return key_;
  }

  void field(const std::string& key, std::string_view value) {
    const std::string_view v = value;
    if (all_blank(v)) return;
    h_.on_field(h_.column_for_key(key), v);
  }

  RecordHandler& h_;
  XmlLexer lexer_;
  std::string prefix_;  // the first bytes, held until the record depth is known
  std::size_t record_depth_ = kNoDepth;
  std::size_t depth_ = 0;  // open elements
  bool in_record_ = false;
  bool candidate_ = false;  // an element at the record depth, no structure seen yet
  std::string record_name_;
  // The names of the elements below the record element, joined by '.' (each field's
  // key starts with it), and its length before each level was added.
  std::string path_;
  std::vector<std::size_t> path_ends_;
  std::size_t path_size_ = 0;      // the depth below the record element, also past kMaxPath
  std::string text_;               // raw text since the last tag
  std::string value_;
  std::string key_;
};

}  // namespace

std::unique_ptr<Tokenizer> make_xml_tokenizer(RecordHandler& handler) {
  return std::make_unique<XmlTokenizer>(handler);
}

}  // namespace bd::scan::tokenize
