// Free-text tokenizer (logs, notes): hands the text to the handler in blocks of whole
// lines of at least kTextBlock bytes (the last one may be shorter), cut where
// text_blocks.h says whatever the chunks it is fed. A block stays within kMaxField
// bytes: a longer line is cut, so a 1 GB line never sits in memory whole. Text has no
// records.
#include <algorithm>
#include <string>

#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/text_blocks.h"

namespace bd::scan::tokenize {
namespace {

class TextTokenizer final : public Tokenizer {
 public:
  explicit TextTokenizer(RecordHandler& h) : h_(h) {}

  void feed(std::string_view chunk) override {
    while (!chunk.empty()) {
      // Chunk bytes from `from` on may hold the '\n' that ends the block; past `room`
      // the block would outgrow kMaxField.
      std::size_t have = pending_.size();
      std::size_t from = have + 1 >= kTextBlock ? 0 : kTextBlock - 1 - have;
      std::size_t room = kMaxField - have;
      std::size_t to = std::min(chunk.size(), room);
      std::size_t nl = find_newline(chunk, from, to);
      if (nl < to) {
        emit(chunk.substr(0, nl + 1));
        chunk.remove_prefix(nl + 1);
        continue;
      }
      if (chunk.size() < room) {
        pending_.append(chunk);  // the block goes on in the next chunk
        return;
      }
      pending_.append(chunk.substr(0, room));
      chunk.remove_prefix(room);
      cut_long_block();
    }
  }

  void finish() override {
    if (!pending_.empty()) h_.on_text(pending_);
    pending_.clear();
  }

 private:
  // The block ends with `tail`; most blocks lie inside one chunk and are not copied.
  void emit(std::string_view tail) {
    if (pending_.empty()) {
      h_.on_text(tail);
      return;
    }
    pending_.append(tail);
    h_.on_text(pending_);
    pending_.clear();
  }

  // pending_ holds kMaxField bytes without a '\n' that ends the block.
  void cut_long_block() {
    std::size_t cut = text_block_cut(pending_);
    h_.on_text(std::string_view(pending_).substr(0, cut));
    pending_.erase(0, cut);
  }

  RecordHandler& h_;
  std::string pending_;  // the start of the current block, from earlier chunks
};

}  // namespace

std::unique_ptr<Tokenizer> make_text_tokenizer(RecordHandler& handler) {
  return std::make_unique<TextTokenizer>(handler);
}

std::unique_ptr<Tokenizer> make_tokenizer(Format format, RecordHandler& handler) {
  switch (format) {
    case Format::kCsv: return make_csv_tokenizer(handler, 0);
    case Format::kTsv: return make_csv_tokenizer(handler, '\t');
    case Format::kJson: return make_json_tokenizer(handler, false);
    case Format::kNdjson: return make_json_tokenizer(handler, true);
    case Format::kXml:
      return make_xml_tokenizer(handler);
    case Format::kVcard:
      return make_vcard_tokenizer(handler);
    case Format::kHtml:
      return make_html_tokenizer(handler);
    case Format::kSql: return make_sql_tokenizer(handler);
    case Format::kText: return make_text_tokenizer(handler);
    case Format::kBinary: return nullptr;
  }
  return nullptr;
}

}  // namespace bd::scan::tokenize
