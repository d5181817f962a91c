#include "scan/input/ods.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "scan/input/xml_split.h"

namespace bd::scan::input {
namespace {

constexpr std::uint64_t kMaxColumns = 16384;
constexpr std::uint64_t kMaxRows = 1048576;
constexpr std::size_t kFlushBytes = 1u << 20;
constexpr std::uint64_t kMaxSpaces = 64;  // text:s c="…": spaces in a row

// A repeat count attribute ("3"); 1 when absent or unreadable, at most `cap`.
std::uint64_t count_of(std::string_view tag, std::string_view name, std::uint64_t cap) {
  const std::string_view v = attribute(tag, name);
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n == 0) return 1;
  return std::min(n, cap);
}

bool self_closing(std::string_view tag) {
  return !tag.empty() && tag.back() == '/';
}

// The value a typed cell stores in an attribute: a number as stored (not as the
// cell displays it), a date without a midnight time.
std::string_view stored_value(std::string_view tag) {
  const std::string_view type = attribute(tag, "office:value-type");
  if (type == "float" || type == "percentage" || type == "currency") return attribute(tag, "office:value");
  if (type == "date") {
    std::string_view d = attribute(tag, "office:date-value");
    if (d.size() == 19 && d.substr(10) == "T00:00:00") d = d.substr(0, 10);
    return d;
  }
  if (type == "time") return attribute(tag, "office:time-value");
  if (type == "boolean") return attribute(tag, "office:boolean-value");
  if (type == "string") return attribute(tag, "office:string-value");  // rarely there
  return {};
}

}  // namespace

bool is_ods_head(std::string_view head) {
  // A local file header is 30 bytes, then the name "mimetype", then (stored) its data.
  constexpr std::string_view kMime = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
  return head.size() >= 30 + kMime.size() && head.substr(0, 4) == "PK\x03\x04" &&
         head.substr(30, kMime.size()) == kMime;
}

void OdsContentParser::feed(std::string_view xml) {
  split_xml(
      pending_, xml, [this](std::string_view tag) { on_tag(tag); },
      [this](std::string_view text) { on_text(text); },
      [](std::string_view, std::size_t) { return std::string_view::npos; });
  flush(false);
}

void OdsContentParser::finish() {
  if (in_table_) close_table();
}

void OdsContentParser::on_tag(std::string_view tag) {
  // Text comes in pieces where chunks end, an entity possibly cut in two: it is decoded
  // whole at the tag after it.
  if (!raw_text_.empty()) {
    append_xml_unescaped(text_, raw_text_);
    raw_text_.clear();
  }
  if (tag.empty() || tag[0] == '?' || tag[0] == '!') return;  // declarations, comments
  const bool closing = tag[0] == '/';
  const std::string_view name = tag_name(closing ? tag.substr(1) : tag);
  if (name == "table") {
    if (in_cell_) {  // a table inside a cell (rare): its text is the cell's
      if (!self_closing(tag)) nested_tables_ += closing ? -1 : 1;
      return;
    }
    if (closing) {
      if (in_table_) close_table();
    } else if (!self_closing(tag)) {
      open_table(tag);
    }
    return;
  }
  if (!in_table_) return;
  if (name == "table-row" && !in_cell_) {
    if (closing) {
      if (in_row_) close_row();
    } else {
      open_row(tag);
      if (self_closing(tag)) close_row();
    }
    return;
  }
  if ((name == "table-cell" || name == "covered-table-cell") && nested_tables_ == 0) {
    if (!in_row_) return;
    if (closing) {
      if (in_cell_) close_cell();
    } else {
      open_cell(tag);
      if (self_closing(tag)) close_cell();
    }
    return;
  }
  if (!in_cell_) return;
  if (name == "annotation") {
    if (!self_closing(tag)) annotation_depth_ = std::max(0, annotation_depth_ + (closing ? -1 : 1));
    return;
  }
  if (annotation_depth_ > 0) return;
  if (name == "p" || name == "h") {
    if (closing) {
      paragraph_depth_ = std::max(0, paragraph_depth_ - 1);
    } else {
      if (paragraphs_++ > 0) text_.push_back(' ');  // paragraphs of one cell
      if (!self_closing(tag)) ++paragraph_depth_;
    }
  } else if (!closing && paragraph_depth_ > 0) {
    if (name == "s")
      text_.append(count_of(tag, "text:c", kMaxSpaces), ' ');
    else if (name == "tab" || name == "line-break")
      text_.push_back(' ');
  }
}

void OdsContentParser::on_text(std::string_view text) {
  if (in_cell_ && paragraph_depth_ > 0 && annotation_depth_ == 0) raw_text_.append(text);
}

void OdsContentParser::open_table(std::string_view tag) {
  if (in_table_) close_table();
  std::string name;
  append_xml_unescaped(name, attribute(tag, "table:name"));
  if (name.empty()) name = "table";
  cb_.begin(path_ + "!" + name);
  in_table_ = true;
  rows_ = 0;
}

void OdsContentParser::close_table() {
  if (in_cell_) close_cell();
  if (in_row_) close_row();
  flush(true);
  cb_.end();
  in_table_ = false;
  nested_tables_ = 0;
}

void OdsContentParser::open_row(std::string_view tag) {
  if (in_row_) close_row();
  in_row_ = true;
  row_repeat_ = count_of(tag, "table:number-rows-repeated", kMaxRows);
  line_.clear();
  columns_ = 0;
  empty_cells_ = 0;
  row_has_value_ = false;
}

void OdsContentParser::close_row() {
  if (in_cell_) close_cell();
  in_row_ = false;
  if (!row_has_value_) return;  // an empty row (Calc pads a table with a million) is no row
  line_.push_back('\n');
  // Identical neighbouring rows are written once with their count: each is a row.
  for (std::uint64_t i = 0; i < row_repeat_ && rows_ < kMaxRows; ++i, ++rows_) out_ += line_;
  flush(false);
}

void OdsContentParser::open_cell(std::string_view tag) {
  in_cell_ = true;
  cell_repeat_ = count_of(tag, "table:number-columns-repeated", kMaxColumns);
  value_.clear();
  append_xml_unescaped(value_, stored_value(tag));
  text_.clear();
  paragraph_depth_ = 0;
  paragraphs_ = 0;
  annotation_depth_ = 0;
  nested_tables_ = 0;
}

void OdsContentParser::close_cell() {
  in_cell_ = false;
  const std::string& value = value_.empty() ? text_ : value_;
  if (value.empty()) {
    empty_cells_ = std::min(empty_cells_ + cell_repeat_, kMaxColumns);  // written only before a value
    return;
  }
  row_has_value_ = true;
  for (; empty_cells_ > 0 && columns_ < kMaxColumns; --empty_cells_) {
    if (columns_++ > 0) line_.push_back('\t');
  }
  empty_cells_ = 0;
  for (std::uint64_t i = 0; i < cell_repeat_ && columns_ < kMaxColumns; ++i) {
    if (columns_++ > 0) line_.push_back('\t');
    append_cell_text(line_, value);
  }
}

void OdsContentParser::flush(bool force) {
  if (out_.empty() || (!force && out_.size() < kFlushBytes)) return;
  cb_.chunk(out_);
  out_.clear();
}

Status read_ods(const ReadParts& read_parts, const std::string& path, const SheetCallbacks& callbacks) {
  bool found = false;
  std::vector<char> buf(256u << 10);
  Status read = read_parts([&](const std::string& name, ByteSource& data) -> Result<bool> {
    if (name != "content.xml") return true;
    found = true;
    OdsContentParser parser(path, callbacks);
    bool first = true;
    Status status = read_part_chunks(data, buf, [&](std::string_view xml) -> Status {
      // An encrypted document's parts are ciphertext: no '<' where XML starts.
      if (first && xml.substr(0, 64).find('<') == std::string_view::npos)
        return Error::invalid("input", std::string(kOdsEncrypted));
      first = false;
      parser.feed(xml);
      return {};
    });
    parser.finish();
    if (!status.ok()) return status.error();
    return false;
  });
  if (!read.ok()) return read;
  if (!found) return Error::invalid("input", "OpenDocument spreadsheet without content.xml");
  return {};
}

}  // namespace bd::scan::input
