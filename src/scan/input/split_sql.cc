// Planning the cuts of a large SQL dump (split.h). The SQL tokenizer itself reads the
// bytes before each cut (scan/tokenize/sql_resume.h), so the cuts and the primes
// follow its rules exactly: strings with backslash escapes or doubled quotes, quoted
// identifiers, comments, COPY data and its end marker.
#include <algorithm>

#include "scan/input/split.h"
#include "scan/input/utf8_check.h"
#include "scan/tokenize/sql_resume.h"

namespace bd::scan::input {
namespace {

// Bytes fed to the tokenizer at a time; after each step they are checked for UTF-8
// (while they are in cache) and their pages handed back (Release).
constexpr std::size_t kStep = 2u << 20;

constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

// The dump read from its start by the tokenizer, as far as the cuts need.
class DumpReader {
 public:
  DumpReader(std::string_view bytes, Utf8Check& utf8, const Release& release)
      : bytes_(bytes), at_(bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0), utf8_(utf8), release_(release) {}

  // The first line start at or after `from` where the dump may be cut; kNone when
  // there is none before the end.
  std::uint64_t cut_at_or_after(std::uint64_t from) {
    read_to(from);
    for (;;) {
      if (at_ > 0 && bytes_[at_ - 1] == '\n' && prefix_.at_cut()) return at_;
      std::size_t nl = bytes_.find('\n', at_);
      if (nl == std::string_view::npos) return kNone;
      read_to(nl + 1);  // line by line from here: each line end is a candidate
    }
  }

  std::optional<std::string> prime() const { return prefix_.prime(); }

 private:
  void read_to(std::uint64_t to) {
    while (at_ < to) {
      std::size_t end = static_cast<std::size_t>(std::min<std::uint64_t>(to, at_ + kStep));
      prefix_.feed(bytes_.substr(at_, end - at_));
      at_ = end;
      if (at_ - released_ >= kStep) {
        utf8_.advance(at_);
        if (release_) release_(at_);
        released_ = at_;
      }
    }
  }

  std::string_view bytes_;
  std::size_t at_;  // read up to here
  std::size_t released_ = 0;
  Utf8Check& utf8_;
  const Release& release_;
  tokenize::SqlPrefix prefix_;
};

}  // namespace

SplitPoints plan_sql_ranges(std::string_view bytes, int parts, const Release& release) {
  SplitPoints out;
  if (parts < 2) return out;
  Utf8Check utf8(bytes);
  DumpReader reader(bytes, utf8, release);
  out.starts.push_back(0);
  out.primes.emplace_back();
  for (int k = 1; k < parts; ++k) {
    std::uint64_t near = bytes.size() / static_cast<std::uint64_t>(parts) * static_cast<std::uint64_t>(k);
    std::uint64_t start = reader.cut_at_or_after(std::max(near, out.starts.back() + 1));
    if (start == kNone || start >= bytes.size()) break;
    std::optional<std::string> prime = reader.prime();
    if (!prime) break;
    out.starts.push_back(start);
    out.primes.push_back(std::move(*prime));
  }
  if (out.starts.size() < 2) return {};
  // The primes are the text before the cuts as read raw, which is what the scan
  // decodes only while it is valid UTF-8.
  utf8.advance(out.starts.back());
  if (!utf8.valid_before(out.starts.back())) return {};
  out.encodings.assign(out.starts.size(), Encoding::kUtf8);
  return out;
}

}  // namespace bd::scan::input
