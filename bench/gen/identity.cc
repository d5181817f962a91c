#include "identity.h"

namespace bd::gen {
namespace {
std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

constexpr const char* kBanks[] = {"ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB", "FVLB"};
constexpr const char* kAreaCodes[] = {"010", "020", "030", "040", "050", "070", "0345", "0413", "0591", "013", "015", "023", "024", "026", "038", "043", "045", "046", "053", "055", "058", "071", "072", "073", "075", "076", "077", "078", "079"};
}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (auto& s : s_) s = splitmix(seed);
}

std::uint64_t Rng::next() {
  std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::string digits(Rng& rng, int n) {
  std::string s(static_cast<std::size_t>(n), '0');
  for (auto& c : s) c = static_cast<char>('0' + rng.below(10));
  return s;
}

bool bsn_valid(std::string_view s) {
  if (s.size() != 9 || s == "000000000") return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (s[static_cast<std::size_t>(i)] - '0');
  sum -= s[8] - '0';
  return sum % 11 == 0;
}

std::string make_bsn(Rng& rng, bool leading_zero) {
  for (;;) {
    std::string s = digits(rng, 8);
    s[0] = leading_zero ? '0' : static_cast<char>('1' + rng.below(9));
    if (leading_zero && s[1] == '0') s[1] = '1';  // exactly one leading zero
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (s[static_cast<std::size_t>(i)] - '0');
    int check = sum % 11;
    if (check == 10) continue;
    s.push_back(static_cast<char>('0' + check));
    return s;
  }
}

std::string break_check(Rng& rng, const std::string& number) {
  std::string s = number;
  for (;;) {
    std::size_t i = rng.below(s.size());
    if (s[i] < '0' || s[i] > '9' || (i == 0 && s.size() == 9)) continue;
    char c = static_cast<char>('0' + rng.below(10));
    if (c == s[i]) continue;
    s[i] = c;
    return s;
  }
}

namespace {
int mod97(std::string_view rearranged) {
  int r = 0;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      r = (r * 10 + (c - '0')) % 97;
    } else {
      int v = c - 'A' + 10;
      r = (r * 100 + v) % 97;
    }
  }
  return r;
}
}  // namespace

bool iban_valid(std::string_view s) {
  if (s.size() != 18 || s.substr(0, 2) != "NL") return false;
  std::string r = std::string(s.substr(4)) + std::string(s.substr(0, 4));
  return mod97(r) == 1;
}

std::string make_iban(Rng& rng) {
  std::string bban = std::string(rng.pick(kBanks)) + digits(rng, 10);
  int check = 98 - mod97(bban + "NL00");
  std::string cd = (check < 10 ? "0" : "") + std::to_string(check);
  return "NL" + cd + bban;
}

std::string group4(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(s[i]);
  }
  return out;
}

bool luhn_valid(std::string_view d) {
  int sum = 0;
  bool dbl = false;
  for (std::size_t i = d.size(); i-- > 0;) {
    int v = d[i] - '0';
    if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

namespace {
std::string with_luhn(Rng& rng, std::string prefix, int length) {
  std::string s = prefix + digits(rng, length - 1 - static_cast<int>(prefix.size()));
  for (char c = '0'; c <= '9'; ++c) {
    if (luhn_valid(s + c)) return s + c;
  }
  return s + '0';
}
}  // namespace

std::string make_card(Rng& rng) {
  switch (rng.below(4)) {
    case 0: return with_luhn(rng, "4", 16);
    case 1: return with_luhn(rng, "5" + std::to_string(1 + rng.below(5)), 16);
    case 2: return with_luhn(rng, "2" + std::to_string(221 + rng.below(500)), 16);
    default: return with_luhn(rng, rng.chance(0.5) ? "34" : "37", 15);
  }
}

std::string make_imei(Rng& rng) { return with_luhn(rng, "35", 15); }

Phone make_phone(Rng& rng) {
  bool mobile = rng.chance(0.6);
  std::string area = mobile ? "06" : rng.pick(kAreaCodes);
  std::string rest = digits(rng, static_cast<int>(10 - area.size()));
  if (rest.find_first_not_of(rest[0]) == std::string::npos) rest[0] = rest[0] == '1' ? '2' : '1';
  if (!mobile && rest[0] == '0') rest[0] = '4';
  Phone p;
  p.normalised = area + rest;
  std::string n9 = p.normalised.substr(1);
  switch (rng.below(mobile ? 6 : 4)) {
    case 0: p.shown = p.normalised; break;
    case 1: p.shown = area + "-" + rest; break;
    case 2: p.shown = "+31" + n9; break;
    case 3: p.shown = "0031" + n9; break;
    case 4: p.shown = "06 " + rest.substr(0, 4) + " " + rest.substr(4); break;
    default: p.shown = "+31 6 " + rest; break;
  }
  return p;
}

std::string make_postcode(Rng& rng) {
  static constexpr char kLetters[] = "ABCDEFGHJKLMNPRTVWXZ";
  std::string pc = std::to_string(1000 + rng.below(9000));
  std::string letters;
  do {
    letters = {kLetters[rng.below(20)], kLetters[rng.below(20)]};
  } while (letters == "SA" || letters == "SD" || letters == "SS");
  return pc + (rng.chance(0.7) ? " " : "") + letters;
}

}  // namespace bd::gen
