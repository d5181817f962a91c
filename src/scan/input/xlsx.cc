#include "scan/input/xlsx.h"

#include <cstdlib>

namespace bd::scan::input {
namespace {

std::string_view tag_name(std::string_view tag) {  // tag without '<' '>'
  std::size_t end = tag.find_first_of(" \t\r\n/");
  std::string_view name = tag.substr(0, end);
  auto colon = name.find(':');  // namespaced prefixes (x:row)
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view attribute(std::string_view tag, std::string_view name) {
  std::size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    std::size_t eq = at + name.size();
    if (starts && eq + 1 < tag.size() && tag[eq] == '=' && (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
      std::size_t close = tag.find(tag[eq + 1], eq + 2);
      if (close != std::string_view::npos) return tag.substr(eq + 2, close - eq - 2);
    }
    at = eq;
  }
  return {};
}

// "B12" -> 1; "" -> npos.
std::size_t column_of(std::string_view ref) {
  std::size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
  return i == 0 || col > 16384 ? std::string::npos : col - 1;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// "1.23456782E8" -> "123456782" when the number is whole; anything else unchanged.
std::string expand_number(const std::string& v) {
  auto e = v.find_first_of("eE");
  if (e == std::string::npos) return v;
  std::string mant = v.substr(0, e);
  int exp = std::atoi(v.c_str() + e + 1);
  auto dot = mant.find('.');
  std::string digits = dot == std::string::npos ? mant : mant.substr(0, dot) + mant.substr(dot + 1);
  int frac = dot == std::string::npos ? 0 : static_cast<int>(mant.size() - dot - 1);
  if (exp < frac || exp - frac > 30 || digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
    return v;
  }
  return digits + std::string(static_cast<std::size_t>(exp - frac), '0');
}

// Splits buffered XML into tags and text; calls on_tag(tag) and on_text(text).
template <typename OnTag, typename OnText>
void split_xml(std::string& pending, std::string_view xml, OnTag on_tag, OnText on_text) {
  pending.append(xml);
  std::size_t pos = 0;
  while (pos < pending.size()) {
    std::size_t lt = pending.find('<', pos);
    if (lt == std::string::npos) {
      on_text(std::string_view(pending).substr(pos));
      pos = pending.size();
      break;
    }
    if (lt > pos) on_text(std::string_view(pending).substr(pos, lt - pos));
    std::size_t gt = pending.find('>', lt);
    if (gt == std::string::npos) {
      pos = lt;
      break;
    }
    on_tag(std::string_view(pending).substr(lt + 1, gt - lt - 1));
    pos = gt + 1;
  }
  pending.erase(0, pos);
  if (pending.size() > (1u << 20)) pending.clear();  // a "tag" of a megabyte is garbage: drop it
}

}  // namespace

std::string xml_unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out.push_back('&');
    else if (ent == "lt") out.push_back('<');
    else if (ent == "gt") out.push_back('>');
    else if (ent == "quot") out.push_back('"');
    else if (ent == "apos") out.push_back('\'');
    else if (!ent.empty() && ent[0] == '#') {
      std::string num(ent.substr(1));
      bool hex = !num.empty() && (num[0] == 'x' || num[0] == 'X');
      append_utf8(out, std::strtoul(num.c_str() + (hex ? 1 : 0), nullptr, hex ? 16 : 10));
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

bool SharedStringsParser::feed(std::string_view xml) {
  bytes_ += xml.size();
  if (bytes_ > max_bytes_) return false;
  split_xml(
      pending_, xml, [&](std::string_view tag) { on_tag(tag); },
      [&](std::string_view text) {
        if (in_si_ && in_t_) current_.append(text);
      });
  return true;
}

void SharedStringsParser::on_tag(std::string_view tag) {
  bool closing = !tag.empty() && tag[0] == '/';
  std::string_view name = tag_name(closing ? tag.substr(1) : tag);
  bool self_closing = !tag.empty() && tag.back() == '/';
  if (name == "si") {
    if (!closing) {
      in_si_ = true;
      current_.clear();
    }
    if (closing || self_closing) {
      strings_.push_back(xml_unescape(current_));
      in_si_ = false;
    }
  } else if (name == "t") {
    in_t_ = !closing && !self_closing;
  } else if (name == "rPh" && !closing) {
    in_t_ = false;  // phonetic runs are not cell text
  }
}

void SheetParser::feed(std::string_view xml) {
  split_xml(
      pending_, xml, [&](std::string_view tag) { on_tag(tag); },
      [&](std::string_view text) {
        if (in_value_) text_.append(text);
      });
  flush(false);
}

void SheetParser::end_cell() {
  std::string value = xml_unescape(text_);
  if (type_ == "s") {
    char* end = nullptr;
    unsigned long i = std::strtoul(value.c_str(), &end, 10);
    value = (end != value.c_str() && i < shared_.size()) ? shared_[i] : std::string();
  } else if (type_ == "b") {
    value = value == "1" ? "TRUE" : "FALSE";
  } else if (type_.empty() || type_ == "n") {
    value = expand_number(value);
  }
  for (char& c : value) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  while (next_column_ < column_) {
    if (next_column_ > 0) out_.push_back('\t');
    ++next_column_;
  }
  if (column_ > 0) out_.push_back('\t');
  out_.append(value);
  next_column_ = column_ + 1;
}

void SheetParser::on_tag(std::string_view tag) {
  bool closing = !tag.empty() && tag[0] == '/';
  bool self_closing = !tag.empty() && tag.back() == '/';
  std::string_view name = tag_name(closing ? tag.substr(1) : tag);
  if (name == "row") {
    if (!closing) {
      row_open_ = true;
      next_column_ = 0;
    }
    if ((closing || self_closing) && row_open_) {
      out_.push_back('\n');
      row_open_ = false;
    }
  } else if (name == "c") {
    if (!closing) {
      std::size_t col = column_of(attribute(tag, "r"));
      column_ = col == std::string::npos ? next_column_ : col;
      if (column_ < next_column_) column_ = next_column_;  // out-of-order refs: keep going right
      type_ = std::string(attribute(tag, "t"));
      text_.clear();
      in_cell_ = true;
    }
    if ((closing || self_closing) && in_cell_) {
      end_cell();
      in_cell_ = false;
    }
  } else if ((name == "v" || name == "t") && in_cell_) {
    in_value_ = !closing && !self_closing;
  }
}

void SheetParser::flush(bool force) {
  if (!out_.empty() && (force || out_.size() >= (64u << 10))) {
    emit_(out_);
    out_.clear();
  }
}

void SheetParser::finish() {
  if (row_open_) out_.push_back('\n');
  flush(true);
}

namespace {
bool is_sheet(const std::string& name) {
  return name.rfind("xl/worksheets/", 0) == 0 && name.size() > 18 && name.compare(name.size() - 4, 4, ".xml") == 0;
}
}  // namespace

Status read_xlsx(const ReopenArchive& reopen, const std::string& path, std::uint64_t max_shared_bytes,
                 const SheetCallbacks& cb) {
  std::vector<std::string> shared;
  std::vector<char> buf(256u << 10);
  {
    BD_ASSIGN_OR_RETURN(auto reader, reopen());
    ArchiveEntry entry;
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, reader->next(&entry));
      if (!more) break;
      if (entry.name != "xl/sharedStrings.xml") continue;
      SharedStringsParser parser(max_shared_bytes);
      for (;;) {
        BD_ASSIGN_OR_RETURN(std::size_t n, reader->entry_data().read(buf.data(), buf.size()));
        if (n == 0) break;
        if (!parser.feed(std::string_view(buf.data(), n))) return Error::invalid("input", "shared strings table too large");
      }
      shared = parser.take();
      break;
    }
  }
  BD_ASSIGN_OR_RETURN(auto reader, reopen());
  ArchiveEntry entry;
  for (;;) {
    BD_ASSIGN_OR_RETURN(bool more, reader->next(&entry));
    if (!more) return {};
    if (!is_sheet(entry.name)) continue;
    cb.begin(path + "!" + entry.name);
    SheetParser sheet(shared, cb.chunk);
    Status status;
    for (;;) {
      auto n = reader->entry_data().read(buf.data(), buf.size());
      if (!n.ok()) {
        status = std::move(n).error();
        break;
      }
      if (*n == 0) break;
      sheet.feed(std::string_view(buf.data(), *n));
    }
    sheet.finish();
    cb.end();
    BD_TRY(status);
  }
}

}  // namespace bd::scan::input
