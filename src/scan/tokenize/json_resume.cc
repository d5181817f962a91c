#include "scan/tokenize/json_resume.h"

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "scan/swar.h"

namespace bd::scan::tokenize {
namespace {

// The tokenizer's bounds (json.cc): keys longer than this are cut, values nested deeper
// than this are skipped.
constexpr std::size_t kMaxKey = 256;
constexpr std::size_t kMaxDepth = 64;
// The handler's bound on the columns of one table (MemberScan::column_for_key).
constexpr std::size_t kMaxColumns = 4096;

void append_escaped(std::string& out, std::string_view key) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : key) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out.append("\\u00");
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    } else {
      out.push_back(c);
    }
  }
}

// A line whose only value has the column name `path`: one key when it fits the
// tokenizer's key length, else nested keys that the tokenizer joins with '.' back into
// `path`, each split at the last '.' that keeps a part within the bound (the keys the
// path was made of are such parts, unless escapes made one longer). None when a part
// cannot be kept within it.
std::optional<std::string> key_line(std::string_view path) {
  std::string line;
  std::size_t depth = 0;
  while (path.size() > kMaxKey) {
    std::size_t dot = path.rfind('.', kMaxKey);
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    line.append("{\"");
    append_escaped(line, path.substr(0, dot));
    line.append("\":");
    path.remove_prefix(dot + 1);
    ++depth;
  }
  line.append("{\"");
  append_escaped(line, path);
  line.append("\":0}");
  line.append(depth, '}');
  line.push_back('\n');
  return line;
}

}  // namespace

// The keys the scan's handler makes columns of, in the order it adds them, up to its
// bound.
class JsonPrefix::Keys final : public RecordHandler {
 public:
  void on_table(std::string_view, const std::vector<std::string>&) override {}
  // Records mostly repeat the keys of the one before in the same order: the key after
  // the last one found (the first key after a record's end) is compared first, in
  // words, and the hash is seldom needed.
  std::size_t column_for_key(std::string_view key) override {
    if (next_ < keys.size() && keys[next_].size() == key.size() &&
        swar::same_bytes(keys[next_].data(), key.data(), key.size())) {
      ++next_;
      return 0;
    }
    if (auto it = seen_.find(key); it != seen_.end()) {
      next_ = it->second + 1;
    } else if (keys.size() < kMaxColumns) {
      seen_.emplace(std::string(key), keys.size());
      keys.emplace_back(key);
      next_ = keys.size();
    }
    return 0;
  }
  // MemberScan opens a record with a field and ends it at a record end; fields outside
  // a record (in a top-level array) join the next record, so no cut before it ends.
  void on_field(std::size_t, std::string_view) override { record_open = true; }
  void on_record_end() override {
    record_open = false;
    next_ = 0;
  }
  void on_text(std::string_view) override {}
  void on_problem(std::string_view) override {}

  std::vector<std::string> keys;
  bool record_open = false;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> seen_;  // index in keys
  std::size_t next_ = 0;
};

JsonPrefix::JsonPrefix() : keys_(std::make_unique<Keys>()), tokenizer_(make_ndjson_cut_tokenizer(*keys_)) {}
JsonPrefix::~JsonPrefix() = default;

void JsonPrefix::feed(std::string_view text) {
  tokenizer_->feed(text);
}

bool JsonPrefix::at_cut() const {
  return tokenizer_->at_cut() && !keys_->record_open;
}

std::optional<std::string> JsonPrefix::prime() const {
  std::string out;
  if (tokenizer_->reported_malformed()) out.append("!\n");
  if (tokenizer_->reported_too_deep()) {
    out.append(kMaxDepth + 1, '[');
    out.append(kMaxDepth + 1, ']');
    out.push_back('\n');
  }
  for (const std::string& key : keys_->keys) {
    std::optional<std::string> line = key_line(key);
    if (!line) return std::nullopt;
    out.append(*line);
  }
  return out;
}

}  // namespace bd::scan::tokenize
