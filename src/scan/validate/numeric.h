// Validators for digit-shaped identifiers: BSN (11-proef), IBAN (ISO 13616 lengths per
// country, ISO 7064 mod 97-10) and payment card numbers (Luhn, issuer ranges, grouping).
// The rules are those of docs/scan-report.md; each function looks at one candidate
// and costs nanoseconds.
//
// Pure functions, thread-safe, never fail: a candidate either validates (the
// normalised value is returned) or it does not (std::nullopt / false).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bd::scan::validate {

// 11-proef over nine ASCII digits: 9*d1 + 8*d2 + ... + 2*d8 - d9 == 0 (mod 11), and
// not all zero.
bool bsn_checksum(const char* nine_digits);

// A whole field or token as a BSN: 9 digits, the dotted form 1234.56.782, or (only
// when allow_eight, i.e. BSN context) 8 digits whose zero-padded form passes.
// Returns the BSN as a number (0..999999999).
// Inline, with the length gate first: it runs for every field of a structured file,
// nearly all of another length, and those need no call. parse_bsn_sized() is the rest.
std::optional<std::uint32_t> parse_bsn_sized(std::string_view token, bool allow_eight);
inline std::optional<std::uint32_t> parse_bsn(std::string_view token, bool allow_eight) {
  std::size_t n = token.size();
  if (n != 9 && n != 11 && !(n == 8 && allow_eight)) return std::nullopt;
  return parse_bsn_sized(token, allow_eight);
}

// True when `token` has the shape of a BSN (8/9 digits or dotted) whether or not the
// checksum passes: used to count near misses in BSN columns.
bool bsn_shaped(std::string_view token);

// The ISO 13616 length for a two-letter country code, 0 when unknown.
int iban_length(char c1, char c2);

// A short string in place (no allocation on the hot path); N includes no terminator.
template <std::size_t N>
class FixedText {
 public:
  void push_back(char c) {
    if (size_ < N) data_[size_++] = c;
  }
  void append(std::string_view s) {
    std::size_t n = std::min(s.size(), N - size_);  // the excess is dropped, as by push_back
    std::copy_n(s.data(), n, data_ + size_);
    size_ += n;
  }
  void assign(std::string_view s) {
    size_ = 0;
    append(s);
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return std::string_view(data_, size_); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  friend bool operator==(const FixedText& a, std::string_view b) { return a.view() == b; }

 private:
  char data_[N] = {};
  std::size_t size_ = 0;
};

struct IbanMatch {
  std::size_t consumed = 0;  // bytes of the input the IBAN spans
  FixedText<34> compact;     // upper-case, no spaces
};
// An IBAN starting at text[0]: compact ("NL91ABNA0417164300") or printed in groups of
// four separated by single spaces ("NL91 ABNA 0417 1643 00"). The country length
// must match, check digits 02..98, mod 97 == 1, and the IBAN must not continue into
// further letters or digits.
std::optional<IbanMatch> match_iban(std::string_view text);

bool luhn(std::string_view digits);

// A known issuer range for a card number of this length (Visa, Mastercard, Amex,
// Discover, Maestro, JCB, Diners, UnionPay).
bool card_issuer_ok(std::string_view digits);

struct CardMatch {
  std::size_t consumed = 0;
  FixedText<19> digits;
};
// A card number starting at text[0]: 13..19 contiguous digits, or groups separated by
// one and the same separator (' ' or '-') in the 4-4-4-4(-3), 4-6-5 or 4-6-4 layouts.
// Luhn and issuer range must pass; the number must not continue into more digits.
std::optional<CardMatch> match_card(std::string_view text);

}  // namespace bd::scan::validate
