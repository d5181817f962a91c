// Planning the cuts of a large SQL dump (split.h). The SQL tokenizer itself reads the
// bytes before each cut (scan/tokenize/sql_resume.h), so the cuts and the primes
// follow its rules exactly: strings with backslash escapes or doubled quotes, quoted
// identifiers, comments, COPY data and its end marker.
#include <algorithm>

#include "scan/input/prefix_reader.h"
#include "scan/input/split.h"
#include "scan/tokenize/sql_resume.h"

namespace bd::scan::input {

SplitPoints plan_sql_ranges(PlanBytes& bytes, int parts, const PlanWatcher& watch) {
  if (parts < 2) return {};
  PrefixReader<tokenize::SqlPrefix> reader(bytes);
  SplitPoints out = first_range();
  for (int k = 1; k < parts; ++k) {
    std::uint64_t near = bytes.size() / static_cast<std::uint64_t>(parts) * static_cast<std::uint64_t>(k);
    std::uint64_t start = reader.cut_at_or_after(std::max(near, out.starts.back() + 1));
    if (start == reader.kNone || start >= bytes.size()) break;
    std::optional<std::string> prime = reader.prefix().prime();
    if (!prime || !add_utf8_cut(out, bytes, start, std::move(*prime), watch)) break;
  }
  if (out.starts.size() < 2) return {};
  return out;
}

}  // namespace bd::scan::input
