#include "scan/detect/run_masks.h"

#include <algorithm>

namespace bd::scan::detect {

bool is_label(TermKind kind) {
  return kind == TermKind::kLabelBsn || kind == TermKind::kLabelCard || kind == TermKind::kLabelBirth;
}

bool has_labels(const std::vector<TermHit>& terms) {
  for (const TermHit& t : terms) {
    if (is_label(t.kind)) return true;
  }
  return false;
}

std::size_t label_window(TermKind kind) {
  if (kind == TermKind::kLabelBsn) return kBsnWindow;
  return kind == TermKind::kLabelCard ? kCardWindow : kBirthWindow;
}

std::uint64_t labelled_bits(const std::vector<TermHit>& terms, std::size_t& from, std::size_t base) {
  while (from < terms.size() && terms[from].end + kCardWindow < base) ++from;
  std::uint64_t bits = 0;
  for (std::size_t i = from; i < terms.size() && terms[i].end < base + 64; ++i) {
    if (!is_label(terms[i].kind)) continue;
    std::size_t lo = std::max<std::size_t>(terms[i].end, base);
    std::size_t hi = std::min<std::size_t>(terms[i].end + label_window(terms[i].kind), base + 63);
    if (lo > hi) continue;
    std::uint64_t upto = hi - base == 63 ? ~0ull : ((1ull << (hi - base + 1)) - 1);
    bits |= upto & (~0ull << (lo - base));
  }
  return bits;
}

}  // namespace bd::scan::detect
