#include "scan/validate/identity.h"

#include <array>

#include "scan/swar.h"

namespace bd::scan::validate {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
// Character classes by table: digests and crypt strings are checked character by
// character for every password value, and the chains of comparisons mispredicted on
// random hex and base64 text.
enum CharClass : std::uint8_t { kB64 = 2, kCrypt64 = 4 };

constexpr std::array<std::uint8_t, 256> kCharClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool digit = c >= '0' && c <= '9';
    bool up = c >= 'A' && c <= 'Z';
    bool low = c >= 'a' && c <= 'z';
    std::uint8_t k = 0;
    if (digit || up || low || c == '+' || c == '/') k |= kB64;
    if (digit || up || low || c == '.' || c == '/') k |= kCrypt64;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}();

bool in_class(char c, CharClass k) {
  return (kCharClass[static_cast<unsigned char>(c)] & k) != 0;
}
bool is_b64(char c) {
  return in_class(c, kB64);
}
bool is_crypt64(char c) {
  return in_class(c, kCrypt64);
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

// Reads 1..max digits at t[i]; returns the count read.
std::size_t read_num(std::string_view t, std::size_t i, std::size_t max, int& v) {
  std::size_t n = 0;
  v = 0;
  while (i + n < t.size() && n < max && is_digit(t[i + n])) v = v * 10 + (t[i + n++] - '0');
  return n;
}

std::optional<Date> checked(int y, int m, int d) {
  if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date{y, m, d};
}

bool ends_cleanly(std::string_view t, std::size_t i) {
  return i >= t.size() || !(is_digit(t[i]) || is_upper(t[i]) || (t[i] >= 'a' && t[i] <= 'z') ||
                            ((t[i] == '-' || t[i] == '/' || t[i] == '.') && i + 1 < t.size() && is_digit(t[i + 1])));
}

// A template, not a function pointer: digests are checked for every field of a
// structured file, and an indirect call per character was a measurable share of that.
template <typename Pred>
bool all_of(std::string_view t, Pred pred) {
  bool all = true;
  for (char c : t) all &= pred(c);  // no early exit: one branch per value, not per character
  return all;
}

}  // namespace

std::optional<Date> match_date(std::string_view t, bool allow_compact, std::size_t* consumed) {
  int a = 0;
  std::size_t n1 = read_num(t, 0, 8, a);
  if (n1 == 8 && allow_compact) {
    if (!ends_cleanly(t, 8)) return std::nullopt;
    *consumed = 8;
    return checked(a / 10000, a / 100 % 100, a % 100);
  }
  if (n1 == 0 || n1 == 3 || n1 > 4 || n1 >= t.size()) return std::nullopt;
  char sep = t[n1];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  int b = 0;
  int c = 0;
  std::size_t n2 = read_num(t, n1 + 1, 2, b);
  std::size_t p = n1 + 1 + n2;
  if (n2 == 0 || p >= t.size() || t[p] != sep) return std::nullopt;
  std::size_t n3 = read_num(t, p + 1, 4, c);
  std::size_t end = p + 1 + n3;
  if (n1 == 4) {
    if (sep != '-' || n2 != 2 || n3 != 2) return std::nullopt;
    // ISO date, possibly followed by a time ("T10:00" or " 10:00").
    if (end < t.size() && (t[end] == 'T' || t[end] == ' ') && end + 1 < t.size() && is_digit(t[end + 1])) {
      *consumed = end;
      return checked(a, b, c);
    }
    if (!ends_cleanly(t, end)) return std::nullopt;
    *consumed = end;
    return checked(a, b, c);
  }
  if (n3 != 4 || !ends_cleanly(t, end)) return std::nullopt;
  *consumed = end;
  return checked(c, b, a);
}

bool plausible_birth(const Date& date, int this_year) {
  return date.year <= this_year && date.year >= this_year - 120;
}

bool is_nl_document_number(std::string_view t) {
  if (t.size() != 9) return false;
  for (std::size_t i = 0; i < 9; ++i) {
    char c = t[i];
    if (c == 'O') return false;
    bool letter = is_upper(c);
    bool digit = is_digit(c);
    if (i < 2 && !letter) return false;
    if (i == 8 && !digit) return false;
    if (!letter && !digit) return false;
  }
  return true;
}

HashKind salted_hash_kind(std::string_view t) {
  // Every format starts with '$' or "pbkdf2_": one compare settles the ordinary field,
  // which otherwise went through the whole chain of prefix compares below.
  if (t.empty() || (t[0] != '$' && t[0] != 'p')) return HashKind::kNone;
  if (t.size() == 60 && t[0] == '$' && t[1] == '2' && (t[2] == 'a' || t[2] == 'b' || t[2] == 'y') &&
      t[3] == '$' && is_digit(t[4]) && is_digit(t[5]) && t[6] == '$' &&
      all_of(t.substr(7), [](char c) { return is_crypt64(c); })) {
    return HashKind::kBcrypt;
  }
  if (t.starts_with("$argon2id$") || t.starts_with("$argon2i$") || t.starts_with("$argon2d$")) {
    return t.find("m=") != std::string_view::npos ? HashKind::kArgon2 : HashKind::kNone;
  }
  if (t.starts_with("pbkdf2_sha256$") || t.starts_with("pbkdf2_sha1$") || t.starts_with("$pbkdf2")) {
    return HashKind::kPbkdf2;
  }
  if ((t.starts_with("$5$") || t.starts_with("$6$")) && t.size() > 20 && t.find('$', 3) != std::string_view::npos) {
    return HashKind::kShaCrypt;
  }
  if (t.starts_with("$1$") && t.size() > 20) return HashKind::kMd5Crypt;
  return HashKind::kNone;
}

HashKind digest_kind(std::string_view t) {
  if ((t.size() == 32 || t.size() == 40 || t.size() == 64) && swar::all_hex(t.data(), t.size())) {
    return t.size() == 32 ? HashKind::kMd5Hex : t.size() == 40 ? HashKind::kSha1Hex : HashKind::kSha256Hex;
  }
  auto b64 = [&](std::size_t len, std::size_t pad) {
    if (t.size() != len) return false;
    for (std::size_t i = 0; i < len - pad; ++i) {
      if (!is_b64(t[i])) return false;
    }
    for (std::size_t i = len - pad; i < len; ++i) {
      if (t[i] != '=') return false;
    }
    return true;
  };
  if (b64(24, 2)) return HashKind::kMd5Base64;
  if (b64(28, 1)) return HashKind::kSha1Base64;
  if (b64(44, 1)) return HashKind::kSha256Base64;
  return HashKind::kNone;
}

std::string_view to_string(HashKind kind) {
  switch (kind) {
    case HashKind::kNone: return "none";
    case HashKind::kBcrypt: return "bcrypt";
    case HashKind::kArgon2: return "argon2";
    case HashKind::kPbkdf2: return "pbkdf2";
    case HashKind::kShaCrypt: return "sha-crypt";
    case HashKind::kMd5Crypt: return "md5-crypt";
    case HashKind::kMd5Hex: return "md5 hex";
    case HashKind::kSha1Hex: return "sha1 hex";
    case HashKind::kSha256Hex: return "sha256 hex";
    case HashKind::kMd5Base64: return "md5 base64";
    case HashKind::kSha1Base64: return "sha1 base64";
    case HashKind::kSha256Base64: return "sha256 base64";
  }
  return "none";
}

bool is_bare_digest(HashKind kind) {
  return kind >= HashKind::kMd5Hex;
}

}  // namespace bd::scan::validate
