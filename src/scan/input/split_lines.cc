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
// Both cut only files whose bytes before the last cut are valid UTF-8: the primes and
// the text blocks are the decoded text, which is then the bytes as they are.
#include <algorithm>

#include "scan/input/prefix_reader.h"
#include "scan/input/split.h"
#include "scan/input/utf8_check.h"
#include "scan/tokenize/json_resume.h"
#include "scan/tokenize/text_blocks.h"

namespace bd::scan::input {
namespace {

// How far past the wanted cut an NDJSON line end that qualifies is looked for: a
// pretty-printed document has none, and is not read to its end for nothing.
constexpr std::uint64_t kMaxNdjsonSearch = 64u << 20;
// Bytes of the text chain between UTF-8 checks and hand-backs of pages (Release).
constexpr std::size_t kStep = 2u << 20;

std::uint64_t near_cut(std::string_view bytes, int parts, int k) {
  return bytes.size() / static_cast<std::uint64_t>(parts) * static_cast<std::uint64_t>(k);
}

// Ends the plan: all ranges UTF-8, or no split when the bytes before the last cut are
// not valid UTF-8 (the whole file's decoder would have switched to Windows-1252).
SplitPoints finish_plan(SplitPoints out, Utf8Check& utf8) {
  if (out.starts.size() < 2) return {};
  utf8.advance(out.starts.back());
  if (!utf8.valid_before(out.starts.back())) return {};
  out.encodings.assign(out.starts.size(), Encoding::kUtf8);
  return out;
}

// The chain of text blocks from the start of the file.
class TextChain {
 public:
  TextChain(std::string_view bytes, Utf8Check& utf8, const Release& release)
      : bytes_(bytes), at_(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0), utf8_(utf8), release_(release) {}

  // The first block start at or after `from` that follows a '\n'; kNone when the
  // blocks end before.
  std::uint64_t cut_at_or_after(std::uint64_t from) {
    while (at_ < bytes_.size()) {
      if (at_ >= from && bytes_[at_ - 1] == '\n') return at_;
      std::size_t len = tokenize::text_block_length(bytes_.substr(at_, tokenize::kMaxField));
      if (len == 0) break;
      at_ += len;
      if (at_ - released_ >= kStep) {
        utf8_.advance(at_);
        if (release_) release_(at_);
        released_ = at_;
      }
    }
    return kNone;
  }

  static constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

 private:
  std::string_view bytes_;
  std::size_t at_;  // a block start
  std::size_t released_ = 0;
  Utf8Check& utf8_;
  const Release& release_;
};

}  // namespace

SplitPoints plan_ndjson_ranges(std::string_view bytes, int parts, const Release& release) {
  SplitPoints out;
  if (parts < 2) return out;
  Utf8Check utf8(bytes);
  PrefixReader<tokenize::JsonPrefix> reader(bytes, utf8, release, kMaxNdjsonSearch);
  out.starts.push_back(0);
  out.primes.emplace_back();
  for (int k = 1; k < parts; ++k) {
    std::uint64_t start = reader.cut_at_or_after(std::max(near_cut(bytes, parts, k), out.starts.back() + 1));
    if (start == reader.kNone || start >= bytes.size()) break;
    std::optional<std::string> prime = reader.prefix().prime();
    if (!prime) break;
    out.starts.push_back(start);
    out.primes.push_back(std::move(*prime));
  }
  return finish_plan(std::move(out), utf8);
}

SplitPoints plan_text_ranges(std::string_view bytes, int parts, const Release& release) {
  SplitPoints out;
  if (parts < 2) return out;
  Utf8Check utf8(bytes);
  TextChain chain(bytes, utf8, release);
  out.starts.push_back(0);
  for (int k = 1; k < parts; ++k) {
    std::uint64_t start = chain.cut_at_or_after(std::max(near_cut(bytes, parts, k), out.starts.back() + 1));
    if (start == TextChain::kNone) break;
    out.starts.push_back(start);
  }
  out.primes.resize(out.starts.size());
  return finish_plan(std::move(out), utf8);
}

}  // namespace bd::scan::input
