// vCard (.vcf: RFC 2426 and 6350, and the 2.1 of older phones): each card is a record
// of its properties, named as the scanner's column rules know them, so that a
// contact list exported from a phone, a mail program or a CRM counts its people like a
// CSV of them.
//
// A card's properties are gathered until END:VCARD (at most kMaxCard bytes; a larger
// card is handed on in parts) and then handed on as one keyed record: FN as "naam"
// (N, the structured name, only when there is no FN: the same name twice is one),
// EMAIL as "email", TEL as "telefoon", ADR split into "straat", "woonplaats" and
// "postcode", BDAY as "geboortedatum" (YYYYMMDD written as YYYY-MM-DD; a birthday
// without a year is no birth date), NOTE as "notitie", ORG and TITLE as "organisatie"
// and "functie", any other property under its own lower-cased name. Folded lines are
// unfolded, vCard 2.1 quoted-printable values (with their soft line breaks) decoded,
// Latin-1 ones converted, escapes (\n \, \; \\) read; photos, logos, sounds and keys
// (base64 blobs) are not read. Text outside cards is free text.
//
// Not thread-safe. Failure: never throws; a file that ends inside a card still counts
// that card, and says so through on_problem().
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/xml_text.h"
#include "scan/transfer_codec.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kMaxCard = 1u << 20;

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (upper(a[i]) != upper(b[i])) return false;
  }
  return true;
}

bool contains_ci(std::string_view s, std::string_view what) {
  for (std::size_t i = 0; i + what.size() <= s.size(); ++i) {
    if (iequals(s.substr(i, what.size()), what)) return true;
  }
  return false;
}

// The name a property is handed on under ("" for one that is not read).
std::string column_of(std::string_view property) {
  static constexpr std::pair<std::string_view, std::string_view> kColumns[] = {
      {"FN", "naam"},      {"EMAIL", "email"},     {"TEL", "telefoon"},  {"BDAY", "geboortedatum"},
      {"NOTE", "notitie"}, {"ORG", "organisatie"}, {"TITLE", "functie"}, {"PHOTO", ""},
      {"LOGO", ""},        {"SOUND", ""},          {"KEY", ""},          {"VERSION", ""},
      {"PRODID", ""},      {"BEGIN", ""},          {"END", ""},
  };
  for (const auto& [name, column] : kColumns) {
    if (iequals(property, name)) return std::string(column);
  }
  std::string lower(property);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower;
}

// A structured value's components (split at unescaped ';'), each unescaped.
std::vector<std::string> components(std::string_view value) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' && i + 1 < value.size()) {
      const char next = value[++i];
      out.back().push_back(next == 'n' || next == 'N' ? ' ' : next);
    } else if (c == ';') {
      out.emplace_back();
    } else {
      out.back().push_back(c == '\r' || c == '\n' ? ' ' : c);
    }
  }
  return out;
}

class VcardTokenizer final : public Tokenizer {
 public:
  explicit VcardTokenizer(RecordHandler& handler) : h_(handler) { h_.on_table("", {}); }

  void feed(std::string_view chunk) override {
    std::size_t pos = 0;
    while (pos < chunk.size()) {
      const std::size_t nl = chunk.find('\n', pos);
      const std::string_view piece = chunk.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
      if (partial_.size() + piece.size() <= kMaxCard) partial_.append(piece);
      if (nl == std::string_view::npos) return;
      on_physical_line();
      pos = nl + 1;
    }
  }

  void finish() override {
    if (!partial_.empty()) on_physical_line();
    end_logical_line();
    if (in_card_) {
      h_.on_problem("vCard file ends inside a card");
      end_card(false);
    }
  }

 private:
  void on_physical_line() {
    std::string_view line = partial_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool folded = !line.empty() && (line.front() == ' ' || line.front() == '\t');
    if (soft_break_) {
      logical_.append(line);  // a quoted-printable value continued after "=\n"
    } else if (folded && !logical_.empty()) {
      logical_.append(line.substr(1));
    } else {
      end_logical_line();
      logical_.assign(line);
      begin_logical_line();
    }
    soft_break_ = quoted_printable_ && !logical_.empty() && logical_.back() == '=';
    if (soft_break_) logical_.pop_back();
    partial_.clear();
    if (logical_.size() > kMaxCard) logical_.resize(kMaxCard);
  }

  // Starts a logical line: notes whether its value is quoted-printable, whose soft
  // breaks then join the next physical lines.
  void begin_logical_line() {
    const std::size_t colon = logical_.find(':');
    quoted_printable_ = colon != std::string::npos &&
                        contains_ci(std::string_view(logical_).substr(0, colon), "QUOTED-PRINTABLE");
  }

  void end_logical_line() {
    if (!logical_.empty()) on_property(logical_);
    logical_.clear();
    quoted_printable_ = false;
    soft_break_ = false;
  }

  void on_property(std::string_view line) {
    const std::size_t colon = line.find(':');
    std::string_view head = line.substr(0, colon);
    const std::string_view value =
        colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    std::string_view name = head.substr(0, head.find(';'));
    const std::string_view params = head.substr(name.size());
    if (const std::size_t dot = name.find('.'); dot != std::string_view::npos)
      name.remove_prefix(dot + 1);  // group
    if (iequals(name, "BEGIN") && iequals(value, "VCARD")) {
      if (!in_card_)
        in_card_ = true;
      else
        ++nested_;  // an embedded card (2.1 AGENT): part of this one
      return;
    }
    if (!in_card_ || colon == std::string_view::npos) {
      h_.on_text(line);
      return;
    }
    if (iequals(name, "END") && iequals(value, "VCARD")) {
      if (nested_ > 0)
        --nested_;
      else
        end_card(false);
      return;
    }
    const std::string column = column_of(name);
    if (column.empty() || contains_ci(params, "ENCODING=B")) return;  // not read, or a blob
    std::string decoded = decode(value, params);
    if (iequals(name, "N")) {
      // family;given;additional;prefix;suffix, as written: given additional family.
      std::vector<std::string> parts = components(decoded);
      parts.resize(3);
      std::string full;
      for (const std::string& part : {parts[1], parts[2], parts[0]}) {
        if (!part.empty()) full += (full.empty() ? "" : " ") + part;
      }
      structured_name_ = full;
    } else if (iequals(name, "ADR")) {
      std::vector<std::string> parts =
          components(decoded);  // box;extended;street;city;region;postcode;country
      parts.resize(7);
      add("straat", parts[2]);
      add("woonplaats", parts[3]);
      add("postcode", parts[5]);
    } else if (iequals(name, "BDAY")) {
      std::string day = components(decoded).front();
      day = day.substr(0, day.find('T'));  // a time of day, as some programs add
      if (day.size() >= 8 && day.substr(0, 2) != "--") {
        // 19800203: the basic format, written as the date rules read it.
        if (day.find('-') == std::string::npos)
          day = day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2);
        add(column, day);
      }
    } else {
      if (iequals(name, "FN")) has_full_name_ = true;
      std::string joined;
      for (const std::string& part : components(decoded))
        joined += (joined.empty() || part.empty() ? "" : " ") + part;
      add(column, joined);
    }
  }

  // The value with a 2.1 quoted-printable encoding and a Latin-1 charset undone.
  static std::string decode(std::string_view value, std::string_view params) {
    std::string bytes;
    if (contains_ci(params, "QUOTED-PRINTABLE"))
      append_quoted_printable(value, false, false, bytes);
    else
      bytes.assign(value);
    if (!contains_ci(params, "CHARSET=ISO-8859") && !contains_ci(params, "CHARSET=WINDOWS-1252"))
      return bytes;
    std::string utf8;
    for (char c : bytes) append_utf8(utf8, static_cast<unsigned char>(c));
    return utf8;
  }

  void add(const std::string& column, std::string value) {
    if (value.empty()) return;
    card_size_ += column.size() + value.size();
    fields_.emplace_back(column, std::move(value));
    if (card_size_ > kMaxCard) end_card(true);  // a card this large is handed on in parts
  }

  // Hands the card's fields on as a record; `goes_on`: only a part of it, the rest to
  // come.
  void end_card(bool goes_on) {
    if (!has_full_name_ && !structured_name_.empty()) fields_.emplace_back("naam", structured_name_);
    for (const auto& [column, value] : fields_) h_.on_field(h_.column_for_key(column), value);
    h_.on_record_end();
    fields_.clear();
    structured_name_.clear();
    has_full_name_ = false;
    card_size_ = 0;
    if (!goes_on) {
      in_card_ = false;
      nested_ = 0;
    }
  }

  RecordHandler& h_;
  std::string partial_;  // the physical line being read
  std::string logical_;  // the property being unfolded
  bool quoted_printable_ = false;
  bool soft_break_ = false;
  bool in_card_ = false;
  int nested_ = 0;
  std::vector<std::pair<std::string, std::string>> fields_;  // the card's, in order
  std::string structured_name_;
  bool has_full_name_ = false;
  std::size_t card_size_ = 0;
};

}  // namespace

std::unique_ptr<Tokenizer> make_vcard_tokenizer(RecordHandler& handler) {
  return std::make_unique<VcardTokenizer>(handler);
}

}  // namespace bd::scan::tokenize
