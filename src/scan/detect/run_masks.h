// The digit-run filter of the text scanner (scan/detect/text_scan.cc) as bit masks:
// which runs of a 64-byte block can start a value, computed from the block's byte
// classes (scan/detect/digit_pass.h) and its neighbours' for all runs at once. Most
// runs of a text (times, dates, amounts, ids) start none, and are skipped without a
// call each; the scanner checks every run these masks let through again exactly, so
// they only need to be a superset of the runs it would try.
//
// Pure functions; thread-safe; never fail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scan/detect/dictionary.h"
#include "scan/detect/digit_pass.h"

namespace bd::scan::detect {

// How far after a label its value may start (bytes from the label's end).
constexpr std::size_t kBsnWindow = 40;
constexpr std::size_t kCardWindow = 60;
constexpr std::size_t kBirthWindow = 30;

// BSN, card and birth-date labels: the terms whose windows make a run worth trying.
bool is_label(TermKind kind);
bool has_labels(const std::vector<TermHit>& terms);
std::size_t label_window(TermKind kind);

// A mask of one 64-byte block with the bits of its neighbours shifted in: bit i of
// before(k) is bit i - k of the text, bit i of after(k) is bit i + k.
struct Neighbours {
  std::uint64_t prev;
  std::uint64_t cur;
  std::uint64_t next;
  std::uint64_t before(int k) const { return (cur << k) | (prev >> (64 - k)); }
  std::uint64_t after(int k) const { return (cur >> k) | (next << (64 - k)); }
};

// The digit-run starts of the middle block `c` (between blocks `p` and `n`, all-zero
// classes at the text's ends) that may start an IBAN, VAT id, phone number, IPv4
// address or postcode, or lie in `labelled` (bit i: byte i is within a label's window).
// Inline: it runs for every block and every short field.
inline std::uint64_t runs_worth_trying(const ByteClasses& p, const ByteClasses& c, const ByteClasses& n,
                                       std::uint64_t labelled) {
  const Neighbours digits{p.digits, c.digits, n.digits};
  const std::uint64_t d = c.digits;
  const std::uint64_t starts = d & ~digits.before(1);
  const Neighbours word{p.letters | p.underscores, c.letters | c.underscores, 0};
  const Neighbours letters{p.letters, c.letters, 0};
  const Neighbours alnum{p.letters | p.digits, c.letters | d, 0};
  const Neighbours dashes{p.dashes, c.dashes, 0};
  const Neighbours dots{0, c.dots, n.dots};
  const Neighbours space_upper{0, c.space_upper, n.space_upper};
  // A run after a letter or '_' is tried only for an IBAN (two letters before it);
  // any other run when a phone number, IPv4 address or postcode can start there, or a
  // label is near.
  const std::uint64_t after_word = word.before(1);
  const std::uint64_t iban = letters.before(1) & letters.before(2);
  const std::uint64_t lead = Neighbours{p.plus_paren, c.plus_paren, 0}.before(1);  // "+31 6 ...", "(020) ..."
  const std::uint64_t phone = c.zeros & ~(dashes.before(1) & alnum.before(2));
  const std::uint64_t ipv4 = dots.after(1) | dots.after(2) | dots.after(3);
  const std::uint64_t postcode =
      space_upper.after(4) & d & digits.after(1) & digits.after(2) & digits.after(3);
  return starts & ((iban & after_word) | ((lead | phone | ipv4 | postcode | labelled) & ~after_word));
}

// The bytes of the block at `base` within the window after a BSN, card or birth-date
// label in `terms` (in order of end); `from` is the first term whose window may still
// reach this block, advanced as blocks go on.
std::uint64_t labelled_bits(const std::vector<TermHit>& terms, std::size_t& from, std::size_t base);

}  // namespace bd::scan::detect
