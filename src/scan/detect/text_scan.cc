#include "scan/detect/text_scan.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <initializer_list>
#include <string>

#include "scan/count/hash.h"
#include "scan/detect/digit_pass.h"
#include "scan/detect/run_masks.h"
#include "scan/swar.h"
#include "scan/validate/contact.h"
#include "scan/validate/identity.h"
#include "scan/validate/numeric.h"

namespace bd::scan::detect {
namespace {

constexpr std::size_t kNoLabel = static_cast<std::size_t>(-1);

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char to_upper(char c) {
  return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

int this_year() {
  static const int year = [] {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
  }();
  return year;
}

// Where the most recent label of each kind ended, advanced as the digit walk moves on.
struct LabelCursor {
  const std::vector<TermHit>& terms;
  std::size_t next = 0;
  std::size_t bsn = kNoLabel;
  std::size_t card = kNoLabel;
  std::size_t birth = kNoLabel;

  void advance_to(std::size_t pos) {
    while (next < terms.size() && terms[next].end <= pos) {
      const TermHit& t = terms[next++];
      if (t.kind == TermKind::kLabelBsn) bsn = t.end;
      if (t.kind == TermKind::kLabelCard) card = t.end;
      if (t.kind == TermKind::kLabelBirth) birth = t.end;
    }
  }
  static bool near(std::size_t label_end, std::size_t pos, std::size_t window) {
    return label_end != kNoLabel && pos >= label_end && pos - label_end <= window;
  }
};

struct Walker {
  std::string_view text;
  const TextOptions& options;
  std::vector<Hit>& hits;
  Signals& signals;
  LabelCursor labels;
  std::size_t skip_until = 0;

  void add(Category c, std::uint64_t key, std::uint64_t number, std::size_t b, std::size_t e) {
    hits.push_back(Hit{c, key, number, text.substr(b, e - b)});
    skip_until = e;
  }

  bool try_iban(std::size_t b) {
    if (b < 2 || !is_alpha(text[b - 2]) || !is_alpha(text[b - 1])) return false;
    if (b >= 3 && is_alnum(text[b - 3])) return false;
    auto m = validate::match_iban(text.substr(b - 2));
    if (!m) return false;
    add(Category::kIban, key_for_text(Category::kIban, m->compact), 0, b - 2, b - 2 + m->consumed);
    return true;
  }

  bool try_vat_bsn(std::size_t b, std::size_t len) {
    // NL#########B##: before 2020 the VAT id of a sole trader held the owner's BSN.
    if (len != 9 || b < 2 || text[b - 2] != 'N' || text[b - 1] != 'L') return false;
    if (b + 12 > text.size() || text[b + 9] != 'B' || !is_digit(text[b + 10]) || !is_digit(text[b + 11])) return false;
    auto bsn = validate::parse_bsn(text.substr(b, 9), false);
    if (!bsn) return false;
    add(Category::kBsn, key_for_number(Category::kBsn, *bsn), *bsn, b, b + 9);
    return true;
  }

  bool try_phone(std::size_t b) {
    std::size_t start = b;
    if (b > 0 && (text[b - 1] == '+' || text[b - 1] == '(')) start = b - 1;
    if (text[start] != '+' && text[start] != '(' && text[b] != '0') return false;
    if (start > 0 && is_alnum(text[start - 1])) return false;
    // A segment of a dashed identifier (UUID, order code) is no phone number.
    if (start > 1 && text[start - 1] == '-' && is_alnum(text[start - 2])) return false;
    auto m = validate::match_phone(text.substr(start));
    if (!m) return false;
    add(Category::kPhone, key_for_number(Category::kPhone, m->national), m->national, start, start + m->consumed);
    return true;
  }

  bool try_bsn(std::size_t b, std::size_t len) {
    bool context = options.bsn_context || LabelCursor::near(labels.bsn, b, kBsnWindow);
    if (!context) return false;
    std::size_t e = b + len;
    if (len == 4 && e + 7 <= text.size() && text[e] == '.' && text[e + 3] == '.') e = b + 11;  // 1234.56.782
    if (e < text.size() && is_digit(text[e])) return false;
    std::string_view token = text.substr(b, e - b);
    if (!validate::bsn_shaped(token)) return false;
    auto bsn = validate::parse_bsn(token, true);
    if (!bsn) {
      ++signals.bsn_near_miss;
      skip_until = e;
      return true;
    }
    add(Category::kBsn, key_for_number(Category::kBsn, *bsn), *bsn, b, e);
    return true;
  }

  bool try_card(std::size_t b, std::size_t len) {
    if (!options.card_context && !LabelCursor::near(labels.card, b, kCardWindow)) return false;
    // What match_card reads first: 13 to 19 digits, or a group of four and a separator.
    // The other runs in a label's window (times, dates, the rest of a rejected number)
    // end here without the call.
    const bool grouped = len == 4 && b + 4 < text.size() && (text[b + 4] == ' ' || text[b + 4] == '-');
    if (!grouped && (len < 13 || len > 19)) return false;
    auto m = validate::match_card(text.substr(b));
    if (!m) return false;
    add(Category::kPaymentCard, key_for_text(Category::kPaymentCard, m->digits), 0, b, b + m->consumed);
    return true;
  }

  bool try_birth(std::size_t b) {
    if (!LabelCursor::near(labels.birth, b, kBirthWindow)) return false;
    std::size_t n = 0;
    auto d = validate::match_date(text.substr(b), false, &n);
    if (!d || !validate::plausible_birth(*d, this_year())) return false;
    add(Category::kBirthDate, key_for_number(Category::kBirthDate, d->key()), 0, b, b + n);
    return true;
  }

  bool try_ipv4(std::size_t b, std::size_t len) {
    if (len > 3 || b + len >= text.size() || text[b + len] != '.') return false;
    if (b > 0 && (text[b - 1] == '.' || is_alnum(text[b - 1]))) return false;
    auto n = validate::match_ipv4(text.substr(b));
    if (!n) return false;
    add(Category::kIpAddress, key_for_text(Category::kIpAddress, text.substr(b, *n)), 0, b, b + *n);
    return true;
  }

  bool try_postcode(std::size_t b, std::size_t len) {
    if (len != 4) return false;
    auto m = validate::match_postcode(text.substr(b));
    if (!m) return false;
    std::size_t e = b + m->consumed;
    bool city_after = e + 2 < text.size() && text[e] == ' ' && is_upper(text[e + 1]) && is_lower(text[e + 2]);
    bool comma_before = b >= 2 && text[b - 1] == ' ' && text[b - 2] == ',';
    bool whole = b == 0 && e == text.size();
    if (!city_after && !comma_before && !whole) return false;
    add(Category::kAddress, key_for_text(Category::kAddress, std::string_view(m->code, 6)), 0, b, e);
    return true;
  }

  // Whether a run after two letters can start an IBAN (a country code, not inside a
  // longer word) or a VAT id (NL#########B##). A run after any other letter or '_' is
  // part of an identifier: try_run gives up on it after these two.
  bool could_start_an_iban(std::size_t b, std::size_t len) const {
    if (b < 2 || !is_alpha(text[b - 2])) return false;
    if (len == 9 && text[b - 2] == 'N' && text[b - 1] == 'L') return true;
    if (b >= 3 && is_alnum(text[b - 3])) return false;
    return validate::iban_length(to_upper(text[b - 2]), to_upper(text[b - 1])) != 0;
  }
  // Whether a run can start anything without a label: a phone number ('0', or '+' or
  // '(' before it), an IPv4 address (a '.' after at most three digits) or a postcode
  // (four digits, then a space or a capital). Most runs (times, dates, amounts, ids) are
  // none of these, and this costs a few compares where the full chain of tries cost a
  // dozen calls.
  bool could_start_a_value(std::size_t b, std::size_t len) const {
    char prev = b > 0 ? text[b - 1] : '\0';
    std::size_t e = b + len;
    char next = e < text.size() ? text[e] : '\0';
    if (prev == '+' || prev == '(' || could_start_a_phone(b, len, prev, next)) return true;
    if (len <= 3 && next == '.') return true;
    return len == 4 && (next == ' ' || is_upper(next));
  }
  // A phone number from a run that starts with '0' (try_phone's own rejects first): it
  // has ten digits, or continues after one of match_phone's separators. Times and
  // dates ("02:58", "2024-11-03") end here.
  bool could_start_a_phone(std::size_t b, std::size_t len, char prev, char next) const {
    if (text[b] != '0' || (b > 0 && is_alnum(prev))) return false;
    if (b > 1 && prev == '-' && is_alnum(text[b - 2])) return false;
    return len >= 10 || next == ' ' || next == '-' || next == '.' || next == '(' || next == ')';
  }
  bool label_near(std::size_t b) const {
    return options.bsn_context || options.card_context || LabelCursor::near(labels.bsn, b, kBsnWindow) ||
           LabelCursor::near(labels.card, b, kCardWindow) || LabelCursor::near(labels.birth, b, kBirthWindow);
  }
  // The filter is inlined into the digit walk and the tries are not: most runs stop at
  // the filter, and they no longer pay for the tries' stack frame.
  [[gnu::always_inline]] void on_run(std::size_t b, std::size_t len) {
    if (b < skip_until) return;
    labels.advance_to(b);
    if (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '_')) {
      if (could_start_an_iban(b, len)) try_run(b, len);
      return;
    }
    if (!could_start_a_value(b, len) && !label_near(b)) return;
    try_run(b, len);
  }
  [[gnu::noinline]] void try_run(std::size_t b, std::size_t len) {
    if (try_iban(b) || try_vat_bsn(b, len)) return;
    if (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '_')) return;  // part of an identifier
    if (try_bsn(b, len) || try_card(b, len) || try_birth(b)) return;
    if (try_phone(b) || try_ipv4(b, len)) return;
    try_postcode(b, len);
  }

  void on_at(std::size_t at) {
    if (at < skip_until) return;
    auto span = validate::match_email(text, at);
    if (!span) return;
    std::string_view raw = text.substr(span->begin, span->end - span->begin);
    hits.push_back(Hit{Category::kEmail, key_for_lower_text(Category::kEmail, raw.substr(0, 330)), 0, raw});
    skip_until = span->end;
  }
};

std::size_t skip_spaces(std::string_view t, std::size_t i) {
  while (i < t.size() && t[i] == ' ') ++i;
  return i;
}

std::size_t word_end(std::string_view t, std::size_t i) {
  while (i < t.size() && (is_alpha(t[i]) || static_cast<unsigned char>(t[i]) >= 0x80 || t[i] == '-' || t[i] == '\'')) ++i;
  return i;
}

// A first name followed by an optional particle chain and a capitalised surname.
void try_name(std::string_view text, const TermHit& t, std::vector<Hit>& hits) {
  std::size_t i = skip_spaces(text, t.end);
  if (i == t.end) return;
  for (int particles = 0; particles < 3 && i < text.size() && is_lower(text[i]); ++particles) {
    std::size_t e = word_end(text, i);
    if (!is_surname_particle(text.substr(i, e - i))) return;
    i = skip_spaces(text, e);
  }
  if (i + 1 >= text.size() || !is_upper(text[i]) || !is_lower(text[i + 1])) return;
  std::size_t e = word_end(text, i);
  std::string_view full = text.substr(t.begin, e - t.begin);
  hits.push_back(Hit{Category::kName, key_for_lower_text(Category::kName, full), 0, full});
}

void try_document(std::string_view text, const TermHit& t, std::vector<Hit>& hits) {
  std::size_t i = t.end;
  while (i < text.size() && i - t.end < 16 && !is_alnum(text[i])) ++i;
  std::size_t e = i;
  while (e < text.size() && is_alnum(text[e])) ++e;
  std::string_view token = text.substr(i, e - i);
  if (!validate::is_nl_document_number(token)) return;
  hits.push_back(Hit{Category::kIdDocument, key_for_text(Category::kIdDocument, token), 0, token});
}

void on_terms(std::string_view text, const std::vector<TermHit>& terms, std::vector<Hit>& hits, Signals& signals) {
  const Dictionary* dict = Dictionary::instance();
  for (const TermHit& t : terms) {
    switch (t.kind) {
      case TermKind::kHealth:
        hits.push_back(Hit{Category::kHealth, key_for_number(Category::kHealth, t.term), 0,
                           text.substr(t.begin, t.end - t.begin)});
        break;
      case TermKind::kFirstName: try_name(text, t, hits); break;
      case TermKind::kLabelDocument: try_document(text, t, hits); break;
      case TermKind::kSignature:
        if (signals.encryption_signatures++ == 0) signals.signature = dict->term(t.term);
        break;
      default: break;
    }
  }
}

// The length of the digit run at `pos` (bit `bit` of the block at pos - bit).
std::size_t run_length(std::string_view text, std::size_t pos, int bit, std::uint64_t digits) {
  std::uint64_t rest = ~(digits >> bit);  // zero bits: the run's digits
  std::size_t len =
      rest == 0 ? 64 - static_cast<std::size_t>(bit) : static_cast<std::size_t>(__builtin_ctzll(rest));
  if (static_cast<std::size_t>(bit) + len < 64) return len;
  std::size_t e = pos + len;  // the run reaches the block's end: it goes on after it
  while (e < text.size() && is_digit(text[e])) ++e;
  return e - pos;
}

// Hands the events of the 64-byte block at `base` to the walker in order of position:
// the '@'s of `ats` and the digit runs starting at the other bits of `events`.
void walk_events(std::string_view text, std::size_t base, std::uint64_t events, std::uint64_t ats,
                 std::uint64_t digits, Walker& w) {
  while (events != 0) {
    int bit = __builtin_ctzll(events);
    events &= events - 1;
    std::size_t pos = base + static_cast<std::size_t>(bit);
    if ((ats >> bit) & 1) {
      w.on_at(pos);
    } else {
      w.on_run(pos, run_length(text, pos, bit, digits));
    }
  }
}

// The digit walk over byte classes, 64 bytes at a time: the runs worth trying and the
// '@'s, in order of position. A label's window counts as a reason to try a run, and a
// whole-text context (a BSN or card column) makes every run one.
void walk_blocks(std::string_view text, const std::vector<TermHit>& terms, bool labels, bool context,
                 Walker& w) {
  const std::size_t n = text.size();
  ByteClasses prev;
  ByteClasses cur;
  ByteClasses next;
  classify_classes64(text.data(), std::min<std::size_t>(n, 64), &cur);
  std::size_t label_from = 0;
  for (std::size_t base = 0; base < n; base += 64) {
    next = ByteClasses{};
    if (base + 64 < n)
      classify_classes64(text.data() + base + 64, std::min<std::size_t>(n - base - 64, 64), &next);
    std::uint64_t labelled = context ? ~0ull : labels ? labelled_bits(terms, label_from, base) : 0;
    walk_events(text, base, runs_worth_trying(prev, cur, next, labelled) | cur.ats, cur.ats, cur.digits, w);
    prev = cur;
    cur = next;
  }
}

// The digit walk of a text of at most 64 bytes with fewer than three runs (the caller
// checks there are no labels or context): the byte classes cost about what two runs
// cost on_run, so its runs are walked as they are. False when it has more runs.
bool walk_few_runs(std::string_view text, Walker& w) {
  if (text.size() > 64) return false;
  std::uint64_t digits = 0;
  std::uint64_t ats = 0;
  classify64(text.data(), text.size(), &digits, &ats);
  std::uint64_t runs = digits & ~(digits << 1);
  std::uint64_t but_first = runs & (runs - 1);
  if ((but_first & (but_first - 1)) != 0) return false;  // three runs or more
  walk_events(text, 0, runs | ats, ats, digits, w);
  return true;
}

}  // namespace

std::uint64_t key_for_number(Category category, std::uint64_t number) {
  return count::hash64(number, 0x1000 + static_cast<std::uint64_t>(category));
}

bool is_plain_number(std::string_view text) {
  std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  int digits = 0;
  int separators = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 9) return false;
    } else if ((c == '.' || c == ',') && digits > 0) {
      if (++separators > 1) return false;
    } else {
      return false;
    }
  }
  return digits > 0;
}

namespace {

bool all_digits(std::string_view t) {
  for (char c : t) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The two digits at t[at] as a number in [lo, hi], or -1.
int two_digits(std::string_view t, std::size_t at, int lo, int hi) {
  if (at + 2 > t.size() || !all_digits(t.substr(at, 2))) return -1;
  int v = (t[at] - '0') * 10 + (t[at + 1] - '0');
  return v >= lo && v <= hi ? v : -1;
}

// The high bit of each byte of a word at the given byte positions.
constexpr std::uint64_t at_bytes(std::initializer_list<int> positions) {
  std::uint64_t m = 0;
  for (int p : positions) m |= std::uint64_t{0x80} << (8 * p);
  return m;
}

// True when the word's bytes at `want` all have their high bit in `got`.
constexpr bool has_all(std::uint64_t got, std::uint64_t want) {
  return (got & want) == want;
}

int number2(std::string_view t, std::size_t at) {
  return (t[at] - '0') * 10 + (t[at + 1] - '0');
}

}  // namespace

bool is_uuid(std::string_view t) {
  // 8-4-4-4-12 hex digits, as five words: 0-7, 8-15 (dashes at 8 and 13), 16-23 (dashes
  // at 18 and 23), 24-31 and 28-35.
  if (t.size() != 36) return false;
  const char* p = t.data();
  const std::uint64_t w1 = swar::load8(p + 8);
  const std::uint64_t w2 = swar::load8(p + 16);
  if (!swar::ascii(w1 | w2) || !has_all(swar::bytes_eq(w1, '-'), at_bytes({0, 5})) ||
      !has_all(swar::hex_digits(w1), at_bytes({1, 2, 3, 4, 6, 7})) ||
      !has_all(swar::bytes_eq(w2, '-'), at_bytes({2, 7})) ||
      !has_all(swar::hex_digits(w2), at_bytes({0, 1, 3, 4, 5, 6}))) {
    return false;
  }
  return swar::all_hex(p, 8) && swar::all_hex(p + 24, 8) && swar::all_hex(p + 28, 8);
}

bool is_timestamp(std::string_view t) {
  // YYYY-MM-DD?hh:mm with a year from 1000 to 2999: no phone number (they start with 0)
  // begins in it. The shape is checked on two words, the numbers' ranges after.
  if (t.size() < 16 || (t[0] != '1' && t[0] != '2')) return false;
  const std::uint64_t w0 = swar::load8(t.data());
  const std::uint64_t w1 = swar::load8(t.data() + 8);
  if (!swar::ascii(w0 | w1) || !has_all(swar::digits(w0), at_bytes({0, 1, 2, 3, 5, 6})) ||
      !has_all(swar::bytes_eq(w0, '-'), at_bytes({4, 7})) ||
      !has_all(swar::digits(w1), at_bytes({0, 1, 3, 4, 6, 7})) ||
      !has_all(swar::bytes_eq(w1, ':'), at_bytes({5})) || (t[10] != 'T' && t[10] != ' ')) {
    return false;
  }
  const int month = number2(t, 5);
  const int day = number2(t, 8);
  if (month < 1 || month > 12 || day < 1 || day > 31 || number2(t, 11) > 23 || number2(t, 14) > 59)
    return false;
  std::size_t i = 16;
  if (i < t.size() && t[i] == ':') {
    if (two_digits(t, i + 1, 0, 60) < 0) return false;
    i += 3;
  }
  // No fraction of a second: "05.976066-00" is also a phone number (0597 60 66 00).
  if (i == t.size()) return true;
  if (t[i] == 'Z') return i + 1 == t.size();
  if (t[i] != '+' && t[i] != '-') return false;
  std::string_view zone = t.substr(i + 1);
  if (two_digits(zone, 0, 0, 14) < 0) return false;
  if (zone.size() == 2) return true;
  if (zone.size() == 4) return two_digits(zone, 2, 0, 59) >= 0;
  return zone.size() == 5 && zone[2] == ':' && two_digits(zone, 3, 0, 59) >= 0;
}

bool holds_no_value(std::string_view t) {
  // The three shapes have different lengths (a plain number at most 11 bytes: a sign,
  // nine digits and a separator; a UUID 36; a timestamp at least 16): one test each.
  if (t.size() <= 11) return is_plain_number(t);
  return t.size() == 36 ? is_uuid(t) || is_timestamp(t) : is_timestamp(t);
}

std::uint64_t key_for_text(Category category, std::string_view normalised) {
  return count::hash64(normalised, 0x2000 + static_cast<std::uint64_t>(category));
}

std::uint64_t key_for_lower_text(Category category, std::string_view text) {
  return count::hash64_lower(text, 0x2000 + static_cast<std::uint64_t>(category));
}

void scan_text(std::string_view text, const TextOptions& options, TextScratch& scratch,
               std::vector<Hit>& hits, Signals& signals) {
  scratch.terms.clear();
  if (options.words && text.size() >= 2) {
    if (const Dictionary* dict = Dictionary::instance(); dict != nullptr) dict->scan(text, scratch.terms);
  }
  Walker w{text, options, hits, signals, LabelCursor{scratch.terms}};
  if (options.mask_walk) {
    const bool labels = has_labels(scratch.terms);
    const bool context = options.bsn_context || options.card_context;
    if (labels || context || !walk_few_runs(text, w)) walk_blocks(text, scratch.terms, labels, context, w);
  } else {
    for_each_digit_run(
        text, [&](std::size_t b, std::size_t len) { w.on_run(b, len); },
        [&](std::size_t at) { w.on_at(at); });
  }
  // Most fields of a structured file are scanned without the dictionary: no terms.
  if (!scratch.terms.empty()) on_terms(text, scratch.terms, hits, signals);
}

}  // namespace bd::scan::detect
