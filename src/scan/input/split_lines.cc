// Planning the cuts of a large NDJSON file or free-text log (split.h), the
// line-oriented formats.
//
// NDJSON: the JSON tokenizer itself reads the bytes before each cut
// (scan/tokenize/json_resume.h): a line end qualifies when no object, array or string
// goes on past it, and the prime says which keys (columns) and which once-per-member
// problems came before.
// Text: the text tokenizer's blocks depend on the text alone (scan/tokenize/
// text_blocks.h); the planner follows their chain from the start of the file, jumping
// from block to block, and cuts where a block starts after a '\n'. A range's tokenizer
// then makes the blocks the whole file's made. No prime.
// Both cut only where the bytes before the cut are valid UTF-8: the primes and the text
// blocks are the decoded text, which is then the bytes as they are.
#include <algorithm>

#include "scan/input/prefix_reader.h"
#include "scan/input/split.h"
#include "scan/tokenize/json_resume.h"
#include "scan/tokenize/text_blocks.h"

namespace bd::scan::input {
namespace {

// How far past the wanted cut an NDJSON line end that qualifies is looked for: a
// pretty-printed document has none, and is not read to its end for nothing.
constexpr std::uint64_t kMaxNdjsonSearch = 64u << 20;

std::uint64_t near_cut(const PlanBytes& bytes, int parts, int k) {
  return bytes.size() / static_cast<std::uint64_t>(parts) * static_cast<std::uint64_t>(k);
}

// The chain of text blocks from the start of the file.
class TextChain {
 public:
  explicit TextChain(PlanBytes& bytes) : bytes_(bytes), at_(bytes.view(0, 3) == "\xEF\xBB\xBF" ? 3 : 0) {}

  // The first block start at or after `from` that follows a '\n'; kNone when the
  // blocks end before.
  std::uint64_t cut_at_or_after(std::uint64_t from) {
    while (at_ < bytes_.size()) {
      if (at_ >= from && bytes_.at(at_ - 1) == '\n') return at_;
      std::size_t len = tokenize::text_block_length(bytes_.view(at_, tokenize::kMaxField));
      if (len == 0) break;
      at_ += len;
    }
    return kNone;
  }

  static constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

 private:
  PlanBytes& bytes_;
  std::uint64_t at_;  // a block start
};

}  // namespace

SplitPoints plan_ndjson_ranges(PlanBytes& bytes, int parts, const PlanWatcher& watch) {
  if (parts < 2) return {};
  PrefixReader<tokenize::JsonPrefix> reader(bytes, kMaxNdjsonSearch);
  SplitPoints out = first_range();
  for (int k = 1; k < parts; ++k) {
    std::uint64_t start = reader.cut_at_or_after(std::max(near_cut(bytes, parts, k), out.starts.back() + 1));
    if (start == reader.kNone || start >= bytes.size()) break;
    std::optional<std::string> prime = reader.prefix().prime();
    if (!prime || !add_utf8_cut(out, bytes, start, std::move(*prime), watch)) break;
  }
  if (out.starts.size() < 2) return {};
  return out;
}

SplitPoints plan_text_ranges(PlanBytes& bytes, int parts, const PlanWatcher& watch) {
  if (parts < 2) return {};
  TextChain chain(bytes);
  SplitPoints out = first_range();
  for (int k = 1; k < parts; ++k) {
    std::uint64_t start = chain.cut_at_or_after(std::max(near_cut(bytes, parts, k), out.starts.back() + 1));
    if (start == TextChain::kNone || !add_utf8_cut(out, bytes, start, std::string(), watch)) break;
  }
  if (out.starts.size() < 2) return {};
  return out;
}

}  // namespace bd::scan::input
