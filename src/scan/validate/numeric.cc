#include "scan/validate/numeric.h"

#include <array>

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

// Feeds one IBAN character into the running remainder: a digit adds one decimal digit,
// a letter two (A=10 .. Z=35). The value is reduced only when it could overflow.
void mod97_feed(std::uint64_t& rem, char c) {
  if (is_digit(c)) {
    rem = rem * 10 + static_cast<std::uint64_t>(c - '0');
  } else {
    rem = rem * 100 + static_cast<std::uint64_t>(c - 'A' + 10);
  }
  if (rem >= (std::uint64_t{1} << 56)) rem %= 97;
}

bool iban_valid_compact(std::string_view compact) {
  if (!is_digit(compact[2]) || !is_digit(compact[3])) return false;
  int check = (compact[2] - '0') * 10 + (compact[3] - '0');
  if (check < 2 || check > 98) return false;
  // ISO 7064 MOD 97-10 over the number with its first four characters moved to the end.
  std::uint64_t rem = 0;
  for (std::size_t i = 4; i < compact.size(); ++i) mod97_feed(rem, compact[i]);
  for (std::size_t i = 0; i < 4; ++i) mod97_feed(rem, compact[i]);
  return rem % 97 == 1;
}

bool prefix_in(std::string_view d, int lo, int hi, std::size_t width) {
  if (d.size() < width) return false;
  int v = 0;
  for (std::size_t i = 0; i < width; ++i) v = v * 10 + (d[i] - '0');
  return v >= lo && v <= hi;
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

std::optional<std::uint32_t> parse_bsn(std::string_view t, bool allow_eight) {
  char d[9];
  if (t.size() == 11 && t[4] == '.' && t[7] == '.') {
    std::size_t k = 0;
    for (std::size_t i = 0; i < 11; ++i) {
      if (i == 4 || i == 7) continue;
      if (!is_digit(t[i])) return std::nullopt;
      d[k++] = t[i];
    }
  } else if (t.size() == 9 || (t.size() == 8 && allow_eight)) {
    std::size_t pad = 9 - t.size();
    for (std::size_t i = 0; i < pad; ++i) d[i] = '0';
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (!is_digit(t[i])) return std::nullopt;
      d[pad + i] = t[i];
    }
  } else {
    return std::nullopt;
  }
  if (!bsn_checksum(d)) return std::nullopt;
  std::uint32_t v = 0;
  for (char c : d) v = v * 10 + static_cast<std::uint32_t>(c - '0');
  return v;
}

int iban_length(char c1, char c2) {
  // A table by letter pair: this runs for every IBAN-shaped value and every digit run
  // after two letters, and a walk over the registry cost more than the check itself.
  static const std::array<std::uint8_t, 26 * 26> kByPair = [] {
    std::array<std::uint8_t, 26 * 26> t{};
    for (const auto& e : kIbanLengths) t[(e.code[0] - 'A') * 26 + (e.code[1] - 'A')] = static_cast<std::uint8_t>(e.length);
    return t;
  }();
  if (!is_upper(c1) || !is_upper(c2)) return 0;
  return kByPair[static_cast<std::size_t>((c1 - 'A') * 26 + (c2 - 'A'))];
}

std::optional<IbanMatch> match_iban(std::string_view text) {
  if (text.size() < 15) return std::nullopt;
  char c1 = upper(text[0]);
  char c2 = upper(text[1]);
  if (!is_upper(c1) || !is_upper(c2)) return std::nullopt;
  int len = iban_length(c1, c2);
  if (len == 0) return std::nullopt;
  FixedText<34> compact;
  std::size_t i = 0;
  bool grouped = text.size() > 4 && text[4] == ' ';
  while (compact.size() < static_cast<std::size_t>(len)) {
    if (i >= text.size()) return std::nullopt;
    char c = text[i];
    if (c == ' ') {
      // Groups of four: a space only after every fourth character.
      if (!grouped || compact.size() % 4 != 0 || compact.empty()) return std::nullopt;
      ++i;
      continue;
    }
    if (!is_alnum(c)) return std::nullopt;
    if (grouped && !compact.empty() && compact.size() % 4 == 0 && text[i - 1] != ' ') return std::nullopt;
    compact.push_back(upper(c));
    ++i;
  }
  if (i < text.size() && is_alnum(text[i])) return std::nullopt;
  if (!iban_valid_compact(compact)) return std::nullopt;
  return IbanMatch{i, compact};
}

bool luhn(std::string_view digits) {
  int sum = 0;
  bool dbl = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int v = digits[i] - '0';
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

bool card_issuer_ok(std::string_view d) {
  std::size_t n = d.size();
  if (n < 13 || n > 19) return false;
  if (d[0] == '4') return n == 13 || n == 16 || n == 19;                       // Visa
  if (prefix_in(d, 51, 55, 2) || prefix_in(d, 2221, 2720, 4)) return n == 16;  // Mastercard
  if (prefix_in(d, 34, 34, 2) || prefix_in(d, 37, 37, 2)) return n == 15;      // Amex
  if (prefix_in(d, 6011, 6011, 4) || prefix_in(d, 644, 649, 3) || prefix_in(d, 65, 65, 2)) {
    return n >= 16;  // Discover
  }
  if (prefix_in(d, 3528, 3589, 4)) return n >= 16;                            // JCB
  if (prefix_in(d, 300, 305, 3) || prefix_in(d, 36, 36, 2) || prefix_in(d, 38, 39, 2)) {
    return n >= 14 && n <= 16;  // Diners
  }
  if (prefix_in(d, 62, 62, 2)) return n >= 16;                                 // UnionPay
  if (prefix_in(d, 50, 50, 2) || prefix_in(d, 56, 69, 2)) return n >= 13;      // Maestro
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

}  // namespace

std::optional<CardMatch> match_card(std::string_view t) {
  std::size_t first = digit_run(t, 0);
  FixedText<19> digits;
  std::size_t end = first;
  if (first >= 13 && first <= 19) {
    digits.assign(t.substr(0, first));
  } else if (first == 4 && t.size() > 4 && (t[4] == ' ' || t[4] == '-')) {
    char sep = t[4];
    std::array<std::size_t, 5> groups{};
    std::size_t count = 0;
    std::size_t i = 0;
    while (count < 5) {
      std::size_t run = digit_run(t, i);
      if (run == 0) return std::nullopt;
      groups[count++] = run;
      digits.append(t.substr(i, run));
      i += run;
      if (i + 1 < t.size() && t[i] == sep && is_digit(t[i + 1]) && count < 5) {
        ++i;
        continue;
      }
      break;
    }
    if (!layout_ok(groups, count)) return std::nullopt;
    end = i;
  } else {
    return std::nullopt;
  }
  if (end < t.size() && (is_digit(t[end]) || is_alnum(t[end]))) return std::nullopt;
  if (!card_issuer_ok(digits) || !luhn(digits)) return std::nullopt;
  return CardMatch{end, digits};
}

}  // namespace bd::scan::validate
