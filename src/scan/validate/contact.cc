#include "scan/validate/contact.h"

#include <arpa/inet.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>

#include "scan/swar.h"

namespace bd::scan::validate {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Character classes of e-mail addresses by table: the local part and the domain are
// walked byte by byte for every '@', and the chains of compares cost more than a load.
enum MailClass : std::uint8_t { kLocal = 1, kDomain = 2 };

constexpr std::array<std::uint8_t, 256> kMailClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    std::uint8_t k = 0;
    if (alnum || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') k |= kLocal;
    if (alnum || c == '-' || c == '.') k |= kDomain;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}();

bool local_char(char c) {
  return (kMailClass[static_cast<unsigned char>(c)] & kLocal) != 0;
}
bool domain_char(char c) {
  return (kMailClass[static_cast<unsigned char>(c)] & kDomain) != 0;
}

// Generic TLDs in common use; every two-letter TLD is checked against kCcTlds.
constexpr std::string_view kGenericTlds[] = {
    "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "name", "pro", "mobi",
    "app", "dev", "online", "shop", "store", "site", "xyz", "tech", "cloud", "email", "live",
    "blog", "club", "design", "digital", "company", "network", "solutions", "services",
    "agency", "media", "news", "world", "life", "today", "works", "expert", "zone", "space",
    "website", "amsterdam", "frl", "nrw", "berlin", "london", "paris", "brussels", "vlaanderen",
    "gent", "eus", "cat", "asia", "travel", "museum", "aero", "coop", "jobs", "tel", "page",
    "health", "care", "nl", "eu", "one", "group", "family", "ltd", "llc", "inc", "bio", "eco",
    "icu", "top", "vip", "work", "link", "click", "art", "studio", "academy", "school",
    "university", "bank", "insurance", "law", "legal", "consulting", "hospital", "clinic",
    "dentist", "doctor", "apotheek", "gmbh", "google", "microsoft", "apple", "amazon"};

constexpr char kCcTlds[] =
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo "
    "bq br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk "
    "dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp "
    "gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg "
    "kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm "
    "mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf "
    "pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn "
    "so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us "
    "uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

// Geographic area codes (with the leading 0) of the Dutch numbering plan.
constexpr std::string_view kAreaCodes3[] = {
    "010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038", "040",
    "043", "045", "046", "050", "053", "055", "058", "070", "071", "072", "073", "074", "075",
    "076", "077", "078", "079"};
constexpr std::string_view kAreaCodes4[] = {
    "0111", "0113", "0114", "0115", "0117", "0118", "0161", "0162", "0164", "0165", "0166",
    "0167", "0168", "0172", "0174", "0180", "0181", "0182", "0183", "0184", "0186", "0187",
    "0222", "0223", "0224", "0226", "0227", "0228", "0229", "0251", "0252", "0255", "0294",
    "0297", "0299", "0313", "0314", "0315", "0316", "0317", "0318", "0320", "0321", "0341",
    "0342", "0343", "0344", "0345", "0346", "0347", "0348", "0411", "0412", "0413", "0416",
    "0418", "0475", "0478", "0481", "0485", "0486", "0487", "0488", "0492", "0493", "0495",
    "0497", "0499", "0511", "0512", "0513", "0514", "0515", "0516", "0517", "0518", "0519",
    "0521", "0522", "0523", "0524", "0525", "0527", "0528", "0529", "0541", "0543", "0544",
    "0545", "0546", "0547", "0548", "0561", "0562", "0566", "0570", "0571", "0572", "0573",
    "0575", "0577", "0578", "0591", "0592", "0593", "0594", "0595", "0596", "0597", "0598",
    "0599"};

// Letters as 1..26 in either case, 0 for anything else. A TLD is packed five bits a
// letter into one integer (every code is non-zero, so the length is implied), and the
// lookups below compare one number instead of strings.
constexpr std::array<std::uint8_t, 256> kLetterCode = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) {
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 1);
    t[static_cast<std::size_t>(c - 'a' + 'A')] = static_cast<std::uint8_t>(c - 'a' + 1);
  }
  return t;
}();

// Packs a lower-case TLD; only used on the lists above.
constexpr std::uint64_t pack_tld(std::string_view tld) {
  std::uint64_t key = 0;
  for (char c : tld) key = key << 5 | kLetterCode[static_cast<unsigned char>(c)];
  return key;
}

// A label longer than the longest generic TLD is on no list: rejected before packing.
constexpr std::size_t kMaxGenericTld = [] {
  std::size_t n = 0;
  for (auto tld : kGenericTlds) n = std::max(n, tld.size());
  return n;
}();
static_assert(kMaxGenericTld * 5 <= 64, "generic TLDs must pack into 64 bits");

// Two-letter TLDs by packed key (two letters pack into ten bits).
constexpr std::array<bool, 1024> kCcTable = [] {
  std::array<bool, 1024> t{};
  std::string_view cc(kCcTlds);
  for (std::size_t i = 0; i + 1 < cc.size(); i += 3) t[pack_tld(cc.substr(i, 2))] = true;
  return t;
}();

// Generic TLDs in an open-addressed hash table of packed keys (0 marks an empty slot).
// At under half load a lookup is one multiply and usually one compare, where the list
// cost a string compare per entry for the unknown TLDs of version pins and hosts.
constexpr std::size_t kGenericSlots = 256;
static_assert(std::size(kGenericTlds) * 2 < kGenericSlots, "keep the TLD table under half full");

constexpr std::size_t tld_slot(std::uint64_t key) {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 56) % kGenericSlots;
}

constexpr std::array<std::uint64_t, kGenericSlots> kGenericTable = [] {
  std::array<std::uint64_t, kGenericSlots> t{};
  for (auto tld : kGenericTlds) {
    std::uint64_t key = pack_tld(tld);
    std::size_t slot = tld_slot(key);
    while (t[slot] != 0 && t[slot] != key) slot = (slot + 1) % kGenericSlots;
    t[slot] = key;
  }
  return t;
}();

bool generic_tld(std::uint64_t key) {
  for (std::size_t slot = tld_slot(key);; slot = (slot + 1) % kGenericSlots) {
    if (kGenericTable[slot] == key) return true;
    if (kGenericTable[slot] == 0) return false;
  }
}

// Mobile 06 and the 084/085/087/088 ranges, by the two digits after the leading 0.
constexpr bool non_geographic_ok(int a, int b) {
  return a == 6 || (a == 8 && (b == 4 || b == 5 || b == 7 || b == 8));
}

// Prefixes of the national number allowed by phone_prefix_ok, indexed by the three
// digits after the leading 0. One load replaces a walk over 150 area codes per number.
constexpr std::array<bool, 1000> kPhonePrefix = [] {
  std::array<bool, 1000> t{};
  for (int abc = 0; abc < 1000; ++abc)
    t[static_cast<std::size_t>(abc)] = non_geographic_ok(abc / 100, abc / 10 % 10);
  for (auto code : kAreaCodes3) {
    int ab = (code[1] - '0') * 10 + (code[2] - '0');
    for (int c = 0; c < 10; ++c) t[static_cast<std::size_t>(ab * 10 + c)] = true;
  }
  for (auto code : kAreaCodes4) {
    t[static_cast<std::size_t>((code[1] - '0') * 100 + (code[2] - '0') * 10 + (code[3] - '0'))] = true;
  }
  return t;
}();

// The same for a number whose fourth character is no digit: only the rules that look
// at the first three characters can accept it. Indexed by the two digits after the 0.
constexpr std::array<bool, 100> kPhonePrefix2 = [] {
  std::array<bool, 100> t{};
  for (int ab = 0; ab < 100; ++ab) t[static_cast<std::size_t>(ab)] = non_geographic_ok(ab / 10, ab % 10);
  for (auto code : kAreaCodes3) t[static_cast<std::size_t>((code[1] - '0') * 10 + (code[2] - '0'))] = true;
  return t;
}();

// The start of the local part before the '@' at text[at]: at most 64 characters.
std::size_t local_begin(std::string_view text, std::size_t at) {
  std::size_t lowest = at > 64 ? at - 64 : 0;  // one bound to test per character, not two
  std::size_t b = at;
  while (b > lowest && local_char(text[b - 1])) --b;
  return b;
}

// One past the domain after the '@' at text[at]: at most 253 domain characters, with
// trailing dots and hyphens trimmed.
std::size_t domain_end(std::string_view text, std::size_t at) {
  std::size_t limit = std::min(text.size(), at + 254);
  std::size_t e = at + 1;
  while (e < limit && domain_char(text[e])) ++e;
  while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
  return e;
}

// The position of the second dot of the first ".." in text[at+1, e), or e: the check
// stops at the first dot pair instead of searching the whole domain for the string.
std::size_t first_double_dot(std::string_view text, std::size_t at, std::size_t e) {
  for (std::size_t i = at + 2; i < e; ++i) {
    if (text[i] == '.' && text[i - 1] == '.') return i;
  }
  return e;
}

bool is_git_host(std::string_view domain) {
  return domain == "github.com" || domain == "gitlab.com" || domain == "bitbucket.org";
}

}  // namespace

bool known_tld(std::string_view tld) {
  if (tld.size() < 2 || tld.size() > kMaxGenericTld) return false;
  std::uint64_t key = 0;
  for (char c : tld) {
    std::uint8_t code = kLetterCode[static_cast<unsigned char>(c)];
    if (code == 0) return false;
    key = key << 5 | code;
  }
  // Two letters are a country code (the generic list's "nl" and "eu" are among them).
  return tld.size() == 2 ? kCcTable[key] : generic_tld(key);
}

std::optional<Span> match_email(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] != '@') return std::nullopt;
  std::size_t b = local_begin(text, at);
  while (b < at && (text[b] == '.' || text[b] == '-' || text[b] == '+')) ++b;
  if (b == at || text[at - 1] == '.') return std::nullopt;
  std::size_t e = domain_end(text, at);
  std::string_view domain = text.substr(at + 1, e - at - 1);
  std::size_t dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0) return std::nullopt;
  if (domain[0] == '-' || first_double_dot(text, at, e) < e) return std::nullopt;
  if (!known_tld(domain.substr(dot + 1))) return std::nullopt;
  std::string_view local = text.substr(b, at - b);
  bool remote = e + 1 < text.size() && text[e] == ':' && (is_alnum(text[e + 1]) || text[e + 1] == '/');
  if (remote || (local == "git" && is_git_host(domain))) return std::nullopt;
  return Span{b, e};
}

namespace {

#if defined(__SSE2__)
// Bit i set when byte i of the 8 to 64 bytes of a field is of that class for e-mail
// addresses (see kMailClass), an '@' or a '.'.
struct MailMasks {
  std::uint64_t local = 0;
  std::uint64_t domain = 0;
  std::uint64_t at = 0;
  std::uint64_t dot = 0;
};

// The masks of 16 bytes; bytes >= 0x80 are negative in the signed compares and fall in
// no class.
[[gnu::always_inline]] inline void mail_masks16(__m128i v, std::uint64_t shift, MailMasks& m) {
  auto in = [](__m128i x, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  auto is = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const __m128i alnum = _mm_or_si128(in(v, '0', '9'), in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'));
  const __m128i dot = is('.');
  const __m128i domain = _mm_or_si128(alnum, _mm_or_si128(dot, is('-')));
  const __m128i local = _mm_or_si128(domain, _mm_or_si128(is('_'), _mm_or_si128(is('%'), is('+'))));
  auto bits = [&](__m128i x) {
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(x))) << shift;
  };
  m.local |= bits(local);
  m.domain |= bits(domain);
  m.at |= bits(is('@'));
  m.dot |= bits(dot);
}

// Bits 0 .. n-1 (n <= 64): the bytes of a field.
std::uint64_t field_bits(std::size_t n) {
  return n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
}

// The masks of a field of 8 to 64 bytes, read with loads that stay inside it: 16-byte
// loads from the start and one ending at its end (8-byte ones below 16 bytes); the
// overlaps see the same bytes.
[[gnu::always_inline]] inline MailMasks mail_masks(std::string_view f) {
  MailMasks m;
  const char* p = f.data();
  const std::size_t n = f.size();
  if (n < 16) {
    mail_masks16(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)), 0, m);
    mail_masks16(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + n - 8)), n - 8, m);
  } else {
    for (std::size_t at = 0; at + 16 < n; at += 16)
      mail_masks16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)), at, m);
    mail_masks16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)), n - 16, m);
  }
  const std::uint64_t in_field = field_bits(n);
  m.local &= in_field;  // an 8-byte load's upper half reads as zero bytes: no class, but masked anyway
  m.domain &= in_field;
  m.at &= in_field;
  m.dot &= in_field;
  return m;
}

// is_whole_email for 8 to 64 bytes: match_email's steps, each on the masks.
bool whole_email_by_masks(std::string_view f) {
  const MailMasks m = mail_masks(f);
  const std::size_t n = f.size();
  if (m.at == 0 || (m.at & (m.at - 1)) != 0) return false;  // none, or the domain stops at a second one
  const auto at = static_cast<std::size_t>(__builtin_ctzll(m.at));
  const std::uint64_t local = (std::uint64_t{1} << at) - 1;
  // The local part reaches back to the start (local_begin), starts with no '.', '-' or
  // '+' (skipped, so the address would start later), is not empty, ends in no '.'.
  if (at == 0 || (m.local & local) != local || f[0] == '.' || f[0] == '-' || f[0] == '+' || f[at - 1] == '.')
    return false;
  // The domain reaches the end (domain_end), which is no '.' or '-' (trimmed).
  const std::uint64_t domain = field_bits(n) & ~((std::uint64_t{2} << at) - 1);
  if (domain == 0 || (m.domain & domain) != domain || f[n - 1] == '.' || f[n - 1] == '-') return false;
  const std::uint64_t dots = m.dot & domain;
  if (dots == 0 || (dots & (dots >> 1)) != 0) return false;  // no dot, or ".."
  const auto last_dot = static_cast<std::size_t>(63 - __builtin_clzll(dots));
  if (last_dot == at + 1 || f[at + 1] == '-') return false;  // a domain starting with '.' or '-'
  if (!known_tld(std::string_view(f.data() + last_dot + 1, n - last_dot - 1))) return false;
  if (at == 3 && f.substr(0, 3) == "git" && is_git_host(f.substr(4))) return false;
  return true;
}
#endif

}  // namespace

bool is_whole_email(std::string_view field) {
#if defined(__SSE2__)
  if (field.size() >= 8 && field.size() <= 64) return whole_email_by_masks(field);
#endif
  const void* at = std::memchr(field.data(), '@', field.size());
  if (at == nullptr) return false;
  auto span = match_email(field, static_cast<std::size_t>(static_cast<const char*>(at) - field.data()));
  return span && span->begin == 0 && span->end == field.size();
}

std::string normalise_email(std::string_view email) {
  std::string out(email);
  for (char& c : out) c = lower(c);
  return out;
}

bool phone_prefix_ok(std::string_view d) {
  if (d.size() != 10 || d[0] != '0') return false;
  unsigned a = static_cast<unsigned char>(d[1]) - '0';
  unsigned b = static_cast<unsigned char>(d[2]) - '0';
  unsigned c = static_cast<unsigned char>(d[3]) - '0';
  // Every rule needs a digit after the 0; only mobile 06 needs nothing after that.
  if (a > 9) return false;
  if (b > 9) return a == 6;
  if (c > 9) return kPhonePrefix2[a * 10 + b];
  return kPhonePrefix[a * 100 + b * 10 + c];
}

namespace {

// The ten digits of a national number, collected in place: a std::string here cost an
// allocation check per digit on every candidate.
struct NationalDigits {
  char d[10];
  std::size_t n = 0;
};

// Collects digits from text[i..] until there are ten, allowing single separators
// (space, '-', '.') and one pair of parentheses; returns the end position or npos.
std::size_t collect_digits(std::string_view t, std::size_t i, NationalDigits& out) {
  int seps = 0;
  bool open = false;
  while (out.n < 10) {
    if (out.n <= 2 && i + 8 <= t.size()) {
      // Most numbers hold eight digits in a row: taken in one word.
      const std::uint64_t w = swar::load8(t.data() + i);
      if (swar::ascii(w) && swar::digits(w) == swar::kHigh) {
        std::memcpy(out.d + out.n, &w, 8);
        out.n += 8;
        i += 8;
        continue;
      }
    }
    if (i >= t.size()) return std::string_view::npos;
    char c = t[i];
    if (is_digit(c)) {
      out.d[out.n++] = c;
      ++i;
      continue;
    }
    bool sep = c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
    if (!sep || ++seps > 5) return std::string_view::npos;
    if (c == '(') {
      if (open) return std::string_view::npos;
      open = true;
    }
    if (c == ')' && !open) return std::string_view::npos;
    ++i;
    if (i < t.size() && t[i] == ' ' && c == ')') ++i;
  }
  return i;
}

// Where the digits of the number start after "+31" / "0031", and whether the leading
// 0 is implied; npos when text[0] starts no Dutch number.
std::size_t phone_digits_start(std::string_view t, bool& implied_zero) {
  implied_zero = false;
  if (t.size() < 2) return std::string_view::npos;
  if (t[0] == '0' && t[1] != '0') return 0;
  if (t[0] == '(' && t[1] == '0') return 0;
  if (t.substr(0, 3) != "+31" && t.substr(0, 4) != "0031") return std::string_view::npos;
  std::size_t i = t[0] == '+' ? 3 : 4;
  while (i < t.size() && (t[i] == ' ' || t[i] == '-')) ++i;
  if (t.substr(i, 3) == "(0)") i += 3;
  while (i < t.size() && (t[i] == ' ' || t[i] == '-')) ++i;
  if (i >= t.size() || !is_digit(t[i]) || t[i] == '0') return std::string_view::npos;
  implied_zero = true;
  return i;
}

// Nine identical subscriber digits (after 06, or after the two-digit area code) are a
// placeholder, not a number.
bool placeholder_subscriber(const NationalDigits& n) {
  std::size_t from = n.d[1] == '6' ? 2 : 3;
  bool same = true;
  for (std::size_t i = from + 1; i < 10; ++i) same &= n.d[i] == n.d[from];
  return same;
}

}  // namespace

std::optional<PhoneMatch> match_phone(std::string_view t) {
  bool implied_zero = false;
  std::size_t i = phone_digits_start(t, implied_zero);
  if (i == std::string_view::npos) return std::nullopt;
  NationalDigits digits;
  if (implied_zero) digits.d[digits.n++] = '0';
  std::size_t end = collect_digits(t, i, digits);
  if (end == std::string_view::npos) return std::nullopt;
  if (end < t.size() && is_alnum(t[end])) return std::nullopt;  // runs on into an identifier
  if (end + 1 < t.size() && (t[end] == '-' || t[end] == '.') && is_alnum(t[end + 1])) return std::nullopt;
  if (!phone_prefix_ok(std::string_view(digits.d, 10)) || placeholder_subscriber(digits)) return std::nullopt;
  const std::uint64_t v = swar::eight_digits(swar::load8(digits.d)) * 100 +
                          static_cast<std::uint64_t>(digits.d[8] - '0') * 10 +
                          static_cast<std::uint64_t>(digits.d[9] - '0');
  return PhoneMatch{end, v};
}

std::optional<PostcodeMatch> match_postcode(std::string_view t) {
  if (t.size() < 6 || t[0] < '1' || t[0] > '9') return std::nullopt;
  if (!is_digit(t[1]) || !is_digit(t[2]) || !is_digit(t[3])) return std::nullopt;
  std::size_t i = t[4] == ' ' ? 5 : 4;
  if (i + 2 > t.size()) return std::nullopt;
  char a = t[i];
  char b = t[i + 1];
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return std::nullopt;
  if (a == 'S' && (b == 'A' || b == 'D' || b == 'S')) return std::nullopt;
  if (i + 2 < t.size() && is_alnum(t[i + 2])) return std::nullopt;
  PostcodeMatch m;
  m.consumed = i + 2;
  std::memcpy(m.code, t.data(), 4);
  m.code[4] = a;
  m.code[5] = b;
  return m;
}

std::optional<std::size_t> match_ipv4(std::string_view t) {
  // Each octet's up to three digits are read without a loop: every IP-shaped field
  // and every digit run before a dot in free text comes here.
  const std::size_t n = t.size();
  auto digit_at = [&](std::size_t i) {
    return i < n ? static_cast<unsigned>(static_cast<unsigned char>(t[i])) - '0' : 10u;  // > 9: no digit
  };
  std::size_t i = 0;
  unsigned any = 0;      // the octets or'ed: 0 for 0.0.0.0
  unsigned every = 255;  // the octets and'ed: 255 for 255.255.255.255
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (i >= n || t[i] != '.') return std::nullopt;
      ++i;
    }
    const unsigned d0 = digit_at(i);
    if (d0 > 9) return std::nullopt;
    unsigned v = d0;
    std::size_t len = 1;
    if (const unsigned d1 = digit_at(i + 1); d1 <= 9) {
      v = v * 10 + d1;
      len = 2;
      if (const unsigned d2 = digit_at(i + 2); d2 <= 9) {
        v = v * 10 + d2;
        len = 3;
        if (digit_at(i + 3) <= 9) return std::nullopt;  // four digits
      }
    }
    if (v > 255 || (len > 1 && d0 == 0)) return std::nullopt;
    any |= v;
    every &= v;
    i += len;
  }
  if (i < n && (is_alnum(t[i]) || (t[i] == '.' && digit_at(i + 1) <= 9))) return std::nullopt;
  if (any == 0 || every == 255) return std::nullopt;
  return i;
}

bool is_ipv6(std::string_view token) {
  if (token.size() < 3 || token.size() > 45 || token.find(':') == std::string_view::npos) return false;
  std::array<char, 46> buf{};
  std::memcpy(buf.data(), token.data(), token.size());
  unsigned char out[16];
  return inet_pton(AF_INET6, buf.data(), out) == 1;
}

}  // namespace bd::scan::validate
