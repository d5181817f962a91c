#include "scan/input/xlsx.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "scan/input/xml_split.h"
#include "scan/swar.h"
#include "scan/tokenize/byte_finder.h"
#include "scan/tokenize/xml_text.h"

namespace bd::scan::input {
namespace {

// A cell's reference and type (`c r="B2" s="1" t="s"`), read in one pass over its
// attributes (a cell tag is read for every cell; two searches for two names cost more).
// As attribute() finds them: a name after a blank, '=' and a quoted value right after.
struct CellAttributes {
  std::string_view r;
  std::string_view t;
};

CellAttributes cell_attributes(std::string_view tag) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  CellAttributes out;
  bool have_r = false;
  bool have_t = false;
  std::size_t i = 0;
  while (i < tag.size() && !blank(tag[i])) ++i;  // the tag's name
  while (i < tag.size()) {
    if (blank(tag[i])) {
      ++i;
      continue;
    }
    const std::size_t name_at = i;
    while (i < tag.size() && tag[i] != '=' && !blank(tag[i])) ++i;
    const std::string_view name = tag.substr(name_at, i - name_at);
    if (i + 1 < tag.size() && tag[i] == '=' && (tag[i + 1] == '"' || tag[i + 1] == '\'')) {
      const std::size_t close = tag.find(tag[i + 1], i + 2);
      if (close == std::string_view::npos) break;
      const std::string_view value = tag.substr(i + 2, close - i - 2);
      if (name == "r" && !have_r) {
        out.r = value;
        have_r = true;
      } else if (name == "t" && !have_t) {
        out.t = value;
        have_t = true;
      }
      i = close + 1;
    } else {
      while (i < tag.size() && !blank(tag[i])) ++i;  // no attribute: on to the next blank
    }
  }
  return out;
}

// "B12" -> 1; "" -> npos.
std::size_t column_of(std::string_view ref) {
  std::size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
  return i == 0 || col > 16384 ? std::string::npos : col - 1;
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

// A shared-string index as strtoul reads it (leading blanks, a sign, digits); npos
// when it reads none or the index is out of range.
std::size_t shared_index(std::string_view text, std::size_t count) {
  if (!text.empty() && text.size() <= 18) {  // the usual index: digits only, read here
    std::uint64_t i = 0;
    std::size_t k = 0;
    for (; k < text.size() && text[k] >= '0' && text[k] <= '9'; ++k)
      i = i * 10 + static_cast<std::uint64_t>(text[k] - '0');
    if (k == text.size()) return i < count ? static_cast<std::size_t>(i) : std::string_view::npos;
  }
  char buf[64];
  std::string long_text;
  const char* c_text = buf;
  if (text.size() < sizeof buf) {
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
  } else {
    long_text.assign(text);
    c_text = long_text.c_str();
  }
  char* end = nullptr;
  const unsigned long i = std::strtoul(c_text, &end, 10);
  return end != c_text && i < count ? static_cast<std::size_t>(i) : std::string_view::npos;
}

}  // namespace

// The cell's text as cell text: tabs and line breaks (which would end a TSV field or
// row) become spaces.
void append_cell_text(std::string& out, std::string_view text) {
  const std::size_t at = out.size();
  out.append(text);
  // Most cells have none: bytes below 0x0E (tab 0x09, line feed 0x0A, carriage return
  // 0x0D) are looked for eight at a time first.
  bool control = false;
  std::size_t k = 0;
  for (; k + 8 <= text.size() && !control; k += 8) {
    const std::uint64_t w = swar::load8(text.data() + k);
    control = ((w - swar::kOnes * 0x0E) & ~w & swar::kHigh) != 0;
  }
  for (; k < text.size() && !control; ++k) control = static_cast<unsigned char>(text[k]) < 0x0E;
  if (!control) return;
  for (std::size_t i = at; i < out.size(); ++i) {
    char& c = out[i];
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
}

namespace {

// `text` with its entities decoded: itself when it has none (the usual case), else
// decoded into `scratch`.
std::string_view unescaped(std::string_view text, std::string& scratch) {
  if (text.find('&') == std::string_view::npos) return text;
  scratch.clear();
  append_xml_unescaped(scratch, text);
  return scratch;
}

}  // namespace

void SharedStrings::add(std::string_view s) {
  if (capacity_ - used_ < s.size() || blocks_.empty()) {
    capacity_ = std::max(kBlock, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  if (!s.empty()) std::memcpy(at, s.data(), s.size());
  used_ += s.size();
  strings_.emplace_back(at, s.size());
}

bool SharedStringsParser::feed(std::string_view xml) {
  bytes_ += xml.size();
  if (bytes_ > max_bytes_) return false;
  split_xml(
      pending_, xml, [&](std::string_view tag) { on_tag(tag); },
      [&](std::string_view text) {
        if (in_si_ && in_t_) current_.append(text);
      },
      [&](std::string_view chunk, std::size_t at) { return whole_string(chunk, at); });
  return true;
}

std::size_t SharedStringsParser::whole_string(std::string_view xml, std::size_t lt) {
  constexpr std::string_view kStart = "<si><t>";
  constexpr std::string_view kEnd = "</t></si>";
  if (xml.substr(lt, kStart.size()) != kStart) return std::string_view::npos;
  const std::size_t text = lt + kStart.size();
  const std::size_t text_end = xml.find('<', text);
  if (text_end == std::string_view::npos || xml.substr(text_end, kEnd.size()) != kEnd)
    return std::string_view::npos;
  current_.assign(xml.substr(text, text_end - text));  // as the tags would leave it
  add_string(current_);
  in_si_ = false;
  in_t_ = false;
  return text_end + kEnd.size();
}

void SharedStringsParser::add_string(std::string_view text) {
  strings_.add(unescaped(text, unescaped_));
}

void SharedStringsParser::on_tag(std::string_view tag) {
  bool closing = !tag.empty() && tag[0] == '/';
  std::string_view name = tag_name(closing ? tag.substr(1) : tag);
  bool self_closing = !tag.empty() && tag.back() == '/';
  if (name == "sst" && !closing) {
    // Room for the strings it announces, as far as the XML could hold them (and at most
    // 4 Mi: a larger table grows as it is read).
    const std::string_view count = attribute(tag, "uniqueCount");
    const unsigned long long n = std::strtoull(std::string(count).c_str(), nullptr, 10);
    strings_.reserve(static_cast<std::size_t>(std::min<unsigned long long>({n, max_bytes_ / 16, 4u << 20})));
  } else if (name == "si") {
    if (!closing) {
      in_si_ = true;
      current_.clear();
    }
    if (closing || self_closing) {
      add_string(current_);
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
      },
      [&](std::string_view chunk, std::size_t at) { return whole_cell(chunk, at); });
  flush(false);
}

std::size_t SheetParser::whole_cell(std::string_view xml, std::size_t lt) {
  constexpr std::string_view kValue = "<v>";
  constexpr std::string_view kEnd = "</v></c>";
  if (xml.size() - lt < 3 || xml[lt + 1] != 'c' || xml[lt + 2] != ' ') return std::string_view::npos;
  const std::size_t gt = xml.find('>', lt + 3);
  if (gt == std::string_view::npos || xml[gt - 1] == '/') return std::string_view::npos;
  const std::size_t value = gt + 1;
  if (xml.substr(value, kValue.size()) != kValue) return std::string_view::npos;
  const std::size_t value_end = xml.find('<', value + kValue.size());
  if (value_end == std::string_view::npos || xml.substr(value_end, kEnd.size()) != kEnd) {
    return std::string_view::npos;
  }
  open_cell(xml.substr(lt + 1, gt - lt - 1));
  end_cell(xml.substr(value + kValue.size(), value_end - value - kValue.size()));
  in_value_ = false;
  in_cell_ = false;
  return value_end + kEnd.size();
}

void SheetParser::open_cell(std::string_view tag) {
  const CellAttributes cell = cell_attributes(tag);
  std::size_t col = column_of(cell.r);
  column_ = col == std::string::npos ? next_column_ : col;
  if (column_ < next_column_) column_ = next_column_;  // out-of-order refs: keep going right
  const std::string_view type = cell.t;
  type_ = type == "s"                   ? CellType::kShared
          : type == "b"                 ? CellType::kBoolean
          : type.empty() || type == "n" ? CellType::kNumber
                                        : CellType::kOther;
  text_.clear();
  in_cell_ = true;
}

void SheetParser::end_cell(std::string_view raw) {
  // The cell's text is appended straight from where it is (the shared string, the text
  // read): a cell costs no allocation.
  const std::string_view text = unescaped(raw, unescaped_);
  std::string_view value = text;
  switch (type_) {
    case CellType::kShared: {
      const std::size_t i = shared_index(text, shared_.size());
      value = i == std::string_view::npos ? std::string_view() : shared_[i];
      break;
    }
    case CellType::kBoolean:
      value = text == "1" ? "TRUE" : "FALSE";
      break;
    case CellType::kNumber:
      if (text.find_first_of("eE") != std::string_view::npos) {
        expanded_ = expand_number(std::string(text));
        value = expanded_;
      }
      break;
    case CellType::kOther:
      break;
  }
  while (next_column_ < column_) {
    if (next_column_ > 0) out_.push_back('\t');
    ++next_column_;
  }
  if (column_ > 0) out_.push_back('\t');
  append_cell_text(out_, value);
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
    if (!closing) open_cell(tag);
    if ((closing || self_closing) && in_cell_) {
      end_cell(text_);
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

Status read_part_chunks(ByteSource& data, std::vector<char>& buf,
                        const std::function<Status(std::string_view chunk)>& feed) {
  for (;;) {
    BD_ASSIGN_OR_RETURN(std::size_t n, data.read(buf.data(), buf.size()));
    if (n == 0) return {};
    BD_TRY(feed(std::string_view(buf.data(), n)));
  }
}

Status read_xlsx(const ReadParts& read_parts, const std::string& path, std::uint64_t max_shared_bytes,
                 const SheetCallbacks& cb) {
  SharedStrings shared;
  std::vector<char> buf(256u << 10);
  BD_TRY(read_parts([&](const std::string& name, ByteSource& data) -> Result<bool> {
    if (name != "xl/sharedStrings.xml") return true;
    SharedStringsParser parser(max_shared_bytes);
    Status read = read_part_chunks(data, buf, [&](std::string_view xml) -> Status {
      if (!parser.feed(xml)) return Error::invalid("input", "shared strings table too large");
      return {};
    });
    if (!read.ok()) return read.error();
    shared = parser.take();
    return false;
  }));
  return read_parts([&](const std::string& name, ByteSource& data) -> Result<bool> {
    if (!is_sheet(name)) return true;
    cb.begin(path + "!" + name);
    SheetParser sheet(shared, cb.chunk);
    Status read = read_part_chunks(data, buf, [&](std::string_view xml) -> Status {
      sheet.feed(xml);
      return {};
    });
    sheet.finish();
    cb.end();
    if (!read.ok()) return read.error();
    return true;
  });
}

}  // namespace bd::scan::input
