#include "scan/validate/numeric.h"

#include <array>
#include <cstring>

#include "scan/swar.h"

namespace bd::scan::validate {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(char c) { return is_digit(c) || is_upper(c) || is_lower(c); }
char upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

struct CountryLength {
  char code[3];
  int length;
};

// ISO 13616 registry (SWIFT IBAN registry), every country that issues IBANs.
constexpr CountryLength kIbanLengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
    {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
    {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
    {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30},
    {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
    {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
    {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
    {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
    {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

// The value of an IBAN character in ISO 7064: a digit its own, a letter 10..35 for
// A..Z. The compact form holds nothing else (its readers upper-case and check it).
constexpr std::array<std::uint8_t, 256> kIbanValue = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::uint8_t d = 0; d < 10; ++d) t[std::size_t{'0'} + d] = d;
  for (std::uint8_t l = 0; l < 26; ++l) t[std::size_t{'A'} + l] = static_cast<std::uint8_t>(10 + l);
  return t;
}();

// Two characters' step of the running remainder, by their values: a digit appends one
// decimal digit, a letter two, so the pair multiplies it by 100 to 10,000 and adds the
// pair's digits. Two at a time halve the chain of multiplies of the check.
struct PairStep {
  std::uint32_t times = 1;
  std::uint32_t plus = 0;
};
constexpr std::array<PairStep, 36 * 36> kPairStep = [] {
  std::array<PairStep, 36 * 36> t{};
  for (std::uint32_t a = 0; a < 36; ++a) {
    for (std::uint32_t b = 0; b < 36; ++b) {
      const std::uint32_t ta = a < 10 ? 10 : 100;
      const std::uint32_t tb = b < 10 ? 10 : 100;
      t[a * 36 + b] = PairStep{ta * tb, a * tb + b};
    }
  }
  return t;
}();

// A Dutch IBAN, NLkk BBBB dddddddddd, moved for the check: the bank's four letters (two
// digits each), the ten account digits, "NL" (2321) and kk. The letters' and the
// digits' values are independent, so the check is two reductions in a row where the
// general loop chains nine multiplies: most IBANs in Dutch files are Dutch.
bool dutch_iban_valid(const char* c) {
  const std::uint64_t bank = kIbanValue[static_cast<unsigned char>(c[4])] * 1000000u +
                             kIbanValue[static_cast<unsigned char>(c[5])] * 10000u +
                             kIbanValue[static_cast<unsigned char>(c[6])] * 100u +
                             kIbanValue[static_cast<unsigned char>(c[7])];
  const std::uint64_t account = swar::eight_digits(swar::load8(c + 8)) * 100 +
                                static_cast<std::uint64_t>(c[16] - '0') * 10 + (c[17] - '0');
  const std::uint64_t check = static_cast<std::uint64_t>(c[2] - '0') * 10 + (c[3] - '0');
  const std::uint64_t head = (bank * 10000000000ull + account) % 97;  // below 3.6 * 10^17
  return (head * 1000000 + 232100 + check) % 97 == 1;
}

bool iban_valid_compact(std::string_view compact) {
  if (!is_digit(compact[2]) || !is_digit(compact[3])) return false;
  int check = (compact[2] - '0') * 10 + (compact[3] - '0');
  if (check < 2 || check > 98) return false;
  if (compact.size() == 18 && compact[0] == 'N' && compact[1] == 'L') {
    const std::uint64_t bank = swar::load8(compact.data() + 4) & 0xffffffffull;
    const std::uint64_t w = swar::load8(compact.data() + 8);
    const std::uint64_t tail = swar::load8(compact.data() + 10);  // digits 2 to 9 of the account
    if (swar::bytes_in(bank, 'A', 'Z') == 0x80808080ull && swar::digits(w) == swar::kHigh &&
        swar::digits(tail) == swar::kHigh)
      return dutch_iban_valid(compact.data());
  }
  // ISO 7064 MOD 97-10 over the number with its first four characters moved to the end.
  // Reduced after every four pairs: below 97 * 10^16 the remainder fits 64 bits.
  char moved[34];
  const std::size_t n = compact.size();
  std::memcpy(moved, compact.data() + 4, n - 4);
  std::memcpy(moved + n - 4, compact.data(), 4);
  std::uint64_t rem = 0;
  std::size_t i = 0;
  for (int pairs = 0; i + 2 <= n; i += 2) {
    const PairStep step = kPairStep[kIbanValue[static_cast<unsigned char>(moved[i])] * 36u +
                                    kIbanValue[static_cast<unsigned char>(moved[i + 1])]];
    rem = rem * step.times + step.plus;
    if (++pairs == 4) {
      rem %= 97;
      pairs = 0;
    }
  }
  if (i < n) {
    const std::uint32_t v = kIbanValue[static_cast<unsigned char>(moved[i])];
    rem = rem * (v < 10 ? 10 : 100) + v;
  }
  return rem % 97 == 1;
}

// The BSN in nine characters, or nullopt when one is no digit, all are zero or the
// 11-proef fails. This runs for every field of nine characters: the first eight digits
// are checked, weighted and valued in one word. Their weighted sum takes two
// multiplies, the even and the odd digits each in 16-bit lanes, with the weights
// placed so that the top lane of the product sums the lanes (at most 9 * 24 there).
std::optional<std::uint32_t> bsn_value(const char* d) {
  constexpr std::uint64_t kEvenWeights = 9ull << 48 | 7ull << 32 | 5ull << 16 | 3ull;  // d0, d2, d4, d6
  constexpr std::uint64_t kOddWeights = 8ull << 48 | 6ull << 32 | 4ull << 16 | 2ull;   // d1, d3, d5, d7
  const std::uint64_t w = swar::load8(d);
  const unsigned last = static_cast<unsigned>(static_cast<unsigned char>(d[8])) - '0';  // wraps below '0'
  if (!swar::ascii(w) || swar::digits(w) != swar::kHigh || last > 9) return std::nullopt;
  const std::uint64_t x = w - 0x3030303030303030ull;
  const std::uint64_t even = x & 0x00ff00ff00ff00ffull;
  const std::uint64_t odd = (x >> 8) & 0x00ff00ff00ff00ffull;
  const int sum = static_cast<int>((even * kEvenWeights) >> 48) +
                  static_cast<int>((odd * kOddWeights) >> 48) - static_cast<int>(last);
  const auto v = static_cast<std::uint32_t>(swar::eight_digits(w) * 10 + last);
  if (v == 0 || sum % 11 != 0) return std::nullopt;
  return v;
}

}  // namespace

bool bsn_checksum(const char* d) {
  int sum = 0;
  bool all_zero = true;
  for (int i = 0; i < 8; ++i) {
    int v = d[i] - '0';
    all_zero = all_zero && v == 0;
    sum += (9 - i) * v;
  }
  int last = d[8] - '0';
  all_zero = all_zero && last == 0;
  return !all_zero && (sum - last) % 11 == 0;
}

bool bsn_shaped(std::string_view t) {
  if (t.size() == 11 && t[4] == '.' && t[7] == '.') {
    for (std::size_t i = 0; i < 11; ++i) {
      if (i != 4 && i != 7 && !is_digit(t[i])) return false;
    }
    return true;
  }
  if (t.size() != 8 && t.size() != 9) return false;
  for (char c : t) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::optional<std::uint32_t> parse_bsn_sized(std::string_view t, bool allow_eight) {
  if (t.size() == 9) return bsn_value(t.data());
  char d[9];  // fixed-size copies: they compile to a few moves, not a call
  if (t.size() == 11 && t[4] == '.' && t[7] == '.') {
    std::memcpy(d, t.data(), 4);  // 1234.56.782
    std::memcpy(d + 4, t.data() + 5, 2);
    std::memcpy(d + 6, t.data() + 8, 3);
  } else if (t.size() == 8 && allow_eight) {
    d[0] = '0';  // eight digits are the BSN with its leading zero dropped
    std::memcpy(d + 1, t.data(), 8);
  } else {
    return std::nullopt;
  }
  return bsn_value(d);
}

int iban_length(char c1, char c2) {
  // A table by letter pair: this runs for every IBAN-shaped value and every digit run
  // after two letters, and a walk over the registry cost more than the check itself.
  static const std::array<std::uint8_t, 26 * 26> kByPair = [] {
    std::array<std::uint8_t, 26 * 26> t{};
    for (const auto& e : kIbanLengths)
      t[(e.code[0] - 'A') * 26 + (e.code[1] - 'A')] = static_cast<std::uint8_t>(e.length);
    return t;
  }();
  if (!is_upper(c1) || !is_upper(c2)) return 0;
  return kByPair[static_cast<std::size_t>((c1 - 'A') * 26 + (c2 - 'A'))];
}

namespace {

// The compact form: `len` letters and digits from t[0], upper-cased into `out`; returns
// the end or npos. Most IBANs in files are compact: they are checked and upper-cased
// eight bytes at a time (the last word overlaps the one before; len >= 15).
std::size_t read_compact_iban(std::string_view t, std::size_t len, FixedText<34>& out) {
  if (t.size() < len) return std::string_view::npos;
  char buf[40];
  std::uint64_t bad = 0;
  for (std::size_t k = 0; k < len; k += 8) {
    const std::size_t at = std::min(k, len - 8);
    std::uint64_t w = swar::load8(t.data() + at);
    bad |=
        (w & swar::kHigh) | (~swar::alnums(w) & swar::kHigh);  // a byte >= 0x80 is bad whatever the rest says
    w -= swar::bytes_in(w, 'a', 'z') >> 2;                     // 0x80 >> 2 is the 0x20 between the cases
    std::memcpy(buf + at, &w, 8);
  }
  if (bad != 0) return std::string_view::npos;
  out.assign(std::string_view(buf, len));
  return len;
}

// The printed form: groups of four, one or more spaces after each group but the last.
std::size_t read_grouped_iban(std::string_view t, std::size_t len, FixedText<34>& out) {
  char buf[40];
  std::size_t n = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t take = std::min<std::size_t>(4, len - n);
    if (t.size() - i < take) return std::string_view::npos;
    bool alnum = true;
    for (std::size_t k = 0; k < take; ++k) {
      alnum &= is_alnum(t[i + k]);
      buf[n + k] = upper(t[i + k]);
    }
    if (!alnum) return std::string_view::npos;
    n += take;
    i += take;
    if (n == len) break;
    if (i >= t.size() || t[i] != ' ') return std::string_view::npos;
    while (i < t.size() && t[i] == ' ') ++i;
  }
  out.assign(std::string_view(buf, len));
  return i;
}

}  // namespace

std::optional<IbanMatch> match_iban(std::string_view text) {
  if (text.size() < 15) return std::nullopt;
  char c1 = upper(text[0]);
  char c2 = upper(text[1]);
  if (!is_upper(c1) || !is_upper(c2)) return std::nullopt;
  auto len = static_cast<std::size_t>(iban_length(c1, c2));
  if (len == 0) return std::nullopt;
  // Built in the returned object, failures included: copying the 48-byte match out
  // of a local showed up in profiles, and one named result lets the compiler elide it.
  std::optional<IbanMatch> m(std::in_place);
  FixedText<34>& compact = m->compact;
  std::size_t i =
      text[4] == ' ' ? read_grouped_iban(text, len, compact) : read_compact_iban(text, len, compact);
  bool ok =
      i != std::string_view::npos && !(i < text.size() && is_alnum(text[i])) && iban_valid_compact(compact);
  if (ok) {
    m->consumed = i;
  } else {
    m.reset();
  }
  return m;
}

bool luhn(std::string_view digits) {
  // From the right: every second digit is doubled, and a doubled digit above 9 counts
  // as its digit sum. Pairs without a branch on the digit: card numbers are random.
  int sum = 0;
  std::size_t i = digits.size();
  for (; i >= 2; i -= 2) {
    int twice = 2 * (digits[i - 2] - '0');
    sum += (digits[i - 1] - '0') + twice - 9 * static_cast<int>(twice > 9);
  }
  if (i == 1) sum += digits[0] - '0';
  return sum % 10 == 0;
}

bool card_issuer_ok(std::string_view d) {
  std::size_t n = d.size();
  if (n < 13 || n > 19) return false;
  if (d[0] == '4') return n == 13 || n == 16 || n == 19;  // Visa
  // The prefixes of two, three and four digits, computed once for all ranges.
  int p2 = (d[0] - '0') * 10 + (d[1] - '0');
  int p3 = p2 * 10 + (d[2] - '0');
  int p4 = p3 * 10 + (d[3] - '0');
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;  // Mastercard
  if (p2 == 34 || p2 == 37) return n == 15;                                  // Amex
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return n >= 16;    // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16;                              // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
    return n >= 14 && n <= 16;  // Diners
  }
  if (p2 == 62) return n >= 16;                            // UnionPay
  if (p2 == 50 || (p2 >= 56 && p2 <= 69)) return n >= 13;  // Maestro
  return false;
}

namespace {

// Reads a run of digits; returns its length.
std::size_t digit_run(std::string_view t, std::size_t at) {
  std::size_t i = at;
  while (i < t.size() && is_digit(t[i])) ++i;
  return i - at;
}

bool layout_ok(const std::array<std::size_t, 5>& groups, std::size_t count) {
  if (count == 4 || count == 5) {
    for (std::size_t i = 0; i < 4; ++i) {
      if (groups[i] != 4) return false;
    }
    return count == 4 || groups[4] <= 3;
  }
  // Amex 4-6-5 and Diners 4-6-4.
  return count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4);
}

// The card digits at t[0], contiguous or in one of the grouped layouts, into `digits`;
// returns the end or npos.
std::size_t read_card_digits(std::string_view t, FixedText<19>& digits) {
  std::size_t first = digit_run(t, 0);
  if (first >= 13 && first <= 19) {
    digits.assign(t.substr(0, first));
    return first;
  }
  if (first != 4 || t.size() <= 4 || (t[4] != ' ' && t[4] != '-')) return std::string_view::npos;
  char sep = t[4];
  std::array<std::size_t, 5> groups{};
  std::size_t count = 0;
  std::size_t i = 0;
  while (count < 5) {
    std::size_t run = digit_run(t, i);
    if (run == 0) return std::string_view::npos;
    groups[count++] = run;
    digits.append(t.substr(i, run));
    i += run;
    if (i + 1 < t.size() && t[i] == sep && is_digit(t[i + 1]) && count < 5) {
      ++i;
      continue;
    }
    break;
  }
  return layout_ok(groups, count) ? i : std::string_view::npos;
}

}  // namespace

std::optional<CardMatch> match_card(std::string_view t) {
  // Built in the returned object, as in match_iban: no copy of the match on success.
  std::optional<CardMatch> m(std::in_place);
  std::size_t end = read_card_digits(t, m->digits);
  bool ok = end != std::string_view::npos && !(end < t.size() && is_alnum(t[end])) &&
            card_issuer_ok(m->digits) && luhn(m->digits);
  if (ok) {
    m->consumed = end;
  } else {
    m.reset();
  }
  return m;
}

}  // namespace bd::scan::validate
