// Free-text tokenizer (logs, notes): hands complete lines to the handler in blocks.
// A line longer than kMaxField is cut at its last space (or hard at the cap), so a
// 1 GB line never sits in memory whole. Text has no records.
#include <cstring>

#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {
namespace {

constexpr std::size_t kBlock = 64 * 1024;

class TextTokenizer final : public Tokenizer {
 public:
  explicit TextTokenizer(RecordHandler& h) : h_(h) {}

  void feed(std::string_view chunk) override {
    if (carry_.empty()) {
      // Fast path: scan whole lines straight from the chunk.
      std::size_t last_nl = chunk.rfind('\n');
      if (last_nl == std::string_view::npos) {
        carry(chunk);
        return;
      }
      emit(chunk.substr(0, last_nl + 1));
      carry(chunk.substr(last_nl + 1));
      return;
    }
    std::size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      carry(chunk);
      return;
    }
    carry_.append(chunk.substr(0, nl + 1));
    h_.on_text(carry_);
    carry_.clear();
    feed(chunk.substr(nl + 1));
  }

  void finish() override {
    if (!carry_.empty()) h_.on_text(carry_);
    carry_.clear();
  }

 private:
  void emit(std::string_view lines) {
    while (lines.size() > kBlock) {
      std::size_t cut = lines.rfind('\n', kBlock);
      if (cut == std::string_view::npos || cut == 0) cut = lines.find('\n', kBlock);
      if (cut == std::string_view::npos) break;
      h_.on_text(lines.substr(0, cut + 1));
      lines.remove_prefix(cut + 1);
    }
    if (!lines.empty()) h_.on_text(lines);
  }

  void carry(std::string_view rest) {
    carry_.append(rest);
    while (carry_.size() > kMaxField) {
      std::size_t cut = carry_.rfind(' ', kMaxField);
      if (cut == std::string::npos || cut < kMaxField / 2) cut = kMaxField;
      h_.on_text(std::string_view(carry_).substr(0, cut));
      carry_.erase(0, cut);
    }
  }

  RecordHandler& h_;
  std::string carry_;
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
    case Format::kSql: return make_sql_tokenizer(handler);
    case Format::kText: return make_text_tokenizer(handler);
    case Format::kBinary: return nullptr;
  }
  return nullptr;
}

}  // namespace bd::scan::tokenize
