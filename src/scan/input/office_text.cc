#include "scan/input/office_text.h"

#include <array>
#include <utility>
#include <vector>

#include "scan/input/sniff.h"
#include "scan/input/xml_split.h"

namespace bd::scan::input {
namespace {

constexpr std::size_t kFlush = 64u << 10;

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// "word/header2.xml" is "header" followed by digits.
bool numbered(std::string_view file, std::string_view stem) {
  if (file.substr(0, stem.size()) != stem || !ends_with(file, ".xml")) return false;
  const std::string_view digits = file.substr(stem.size(), file.size() - stem.size() - 4);
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool is_office_text(std::string_view name, std::string_view head) {
  static constexpr std::array<std::string_view, 14> kExtensions = {"docx", "docm", "dotx", "dotm", "pptx",
                                                                   "pptm", "potx", "potm", "ppsx", "ppsm",
                                                                   "odt",  "ott",  "odp",  "otp"};
  const std::string ext = lower_extension(name);
  for (std::string_view e : kExtensions) {
    if (ext == e) return true;
  }
  if (head.substr(0, 4) != "PK\x03\x04") return false;
  // OpenDocument: a stored first entry "mimetype" (30 bytes of local header before it).
  for (std::string_view kind : {"text", "presentation"}) {
    const std::string mime = "mimetypeapplication/vnd.oasis.opendocument." + std::string(kind);
    if (head.size() >= 30 + mime.size() && head.substr(30, mime.size()) == mime &&
        (head.size() == 30 + mime.size() || head[30 + mime.size()] == 'P'))
      return true;
  }
  return head.find("word/document.xml") != std::string_view::npos ||
         head.find("ppt/presentation.xml") != std::string_view::npos;
}

bool is_office_text_part(std::string_view part) {
  if (part == "content.xml") return true;  // OpenDocument
  if (part.substr(0, 5) == "word/") {
    const std::string_view file = part.substr(5);
    return file == "document.xml" || file == "footnotes.xml" || file == "endnotes.xml" ||
           file == "comments.xml" || numbered(file, "header") || numbered(file, "footer");
  }
  return numbered(part, "ppt/slides/slide") || numbered(part, "ppt/notesSlides/notesSlide");
}

void OfficeTextParser::feed(std::string_view xml) {
  split_xml(
      pending_, xml, [this](std::string_view tag) { on_tag(tag); },
      [this](std::string_view text) {
        if (fallback_depth_ == 0 && (all_text_ || in_text_)) append_xml_unescaped(out_, text);
      },
      [](std::string_view, std::size_t) { return std::string_view::npos; });
  flush(false);
}

void OfficeTextParser::on_tag(std::string_view tag) {
  if (tag.empty() || tag.front() == '?' || tag.front() == '!') return;
  const bool closing = tag.front() == '/';
  const bool empty = tag.back() == '/';
  const std::string_view name = tag_name(closing ? tag.substr(1) : tag);
  // Word writes a text box twice, as DrawingML and as a VML fallback for old readers.
  if (name == "Fallback") {
    if (closing && fallback_depth_ > 0)
      --fallback_depth_;
    else if (!closing && !empty)
      ++fallback_depth_;
    return;
  }
  if (fallback_depth_ > 0) return;
  if (name == "t" || name == "delText") {
    in_text_ = !closing && !empty;
  } else if (closing && (name == "p" || name == "h")) {
    out_.push_back('\n');
  } else if ((closing && (name == "tc" || name == "table-cell")) ||
             (!closing && (name == "tab" || name == "s"))) {
    out_.push_back(' ');
  } else if (!closing && (name == "br" || name == "cr" || name == "line-break")) {
    out_.push_back('\n');
  }
}

void OfficeTextParser::flush(bool force) {
  if (out_.empty() || (!force && out_.size() < kFlush)) return;
  emit_(out_);
  out_.clear();
}

void OfficeTextParser::finish() {
  flush(true);
}

Status read_office_text(const ReadParts& read_parts, const std::string& path, const SheetCallbacks& callbacks,
                        const EmbeddedFile& embedded) {
  std::vector<char> buf(256u << 10);
  return read_parts([&](const std::string& name, ByteSource& data) -> Result<bool> {
    for (std::string_view dir : {"word/embeddings/", "ppt/embeddings/", "xl/embeddings/"}) {
      if (name.size() > dir.size() && name.compare(0, dir.size(), dir) == 0) {
        embedded(name, data);
        return true;
      }
    }
    if (!is_office_text_part(name)) return true;
    OfficeTextParser parser(callbacks.chunk, name == "content.xml");
    bool begun = false;
    Status status = read_part_chunks(data, buf, [&](std::string_view xml) -> Status {
      if (!begun) {
        // An encrypted OpenDocument's parts are ciphertext: no '<' where XML starts.
        if (xml.substr(0, 64).find('<') == std::string_view::npos)
          return Error::invalid("input", std::string(kOfficeEncrypted));
        callbacks.begin(path + "!" + name);
        begun = true;
      }
      parser.feed(xml);
      return {};
    });
    if (begun) {
      parser.finish();
      callbacks.end();
    }
    if (!status.ok()) return status.error();
    return true;
  });
}

}  // namespace bd::scan::input
