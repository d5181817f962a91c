// The mask walk of scan_text (byte classes decide which digit runs are tried) must find
// exactly what the plain walk finds. Random texts over the bytes the run filter looks
// at, texts glued from pieces of values and labels, and field shapes of real files are
// scanned both ways.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "scan/detect/digit_pass.h"
#include "scan/detect/text_scan.h"

namespace bd::scan {
namespace {

struct Found {
  Category category;
  std::uint64_t key;
  std::size_t begin;
  std::size_t size;
  bool operator==(const Found&) const = default;
};

std::vector<Found> scan(std::string_view text, bool mask_walk, bool words, std::uint32_t* near_miss,
                        int context = 0) {
  detect::TextOptions options;
  options.mask_walk = mask_walk;
  options.words = words;
  options.bsn_context = context == 1;
  options.card_context = context == 2;
  detect::TextScratch scratch;
  std::vector<detect::Hit> hits;
  detect::Signals signals;
  detect::scan_text(text, options, scratch, hits, signals);
  *near_miss = signals.bsn_near_miss;
  std::vector<Found> out;
  for (const auto& h : hits) {
    out.push_back({h.category, h.key, static_cast<std::size_t>(h.raw.data() - text.data()), h.raw.size()});
  }
  return out;
}

// Without and with the dictionary (labels, names), and in a BSN or a card column.
void expect_same_walks(const std::string& text) {
  for (int variant = 0; variant < 4; ++variant) {
    bool words = variant != 0;
    int context = variant >= 2 ? variant - 1 : 0;
    std::uint32_t plain_miss = 0;
    std::uint32_t mask_miss = 0;
    auto plain = scan(text, false, words, &plain_miss, context);
    auto fast = scan(text, true, words, &mask_miss, context);
    ASSERT_EQ(fast, plain) << "text: \"" << text << "\" variant " << variant;
    ASSERT_EQ(mask_miss, plain_miss) << "text: \"" << text << "\" variant " << variant;
  }
}

TEST(ScanTextWalk, FieldShapesFindTheSameValues) {
  const char* fields[] = {
      "2024-08-12 19:00:43",
      "05955208-ac00-e503-684c-13d68dfdbc90",
      "36968.03",
      "758862456",
      "06 4975 1330",
      "0031245442015",
      "+31 (0)20 123 4567",
      "(020) 123 45 67",
      "010-1234567",
      "44.145.5.194",
      "1093NF",
      "1234 AB Amsterdam",
      "Dorpsstraat 1, 1234 AB Plaats",
      "NL91ABNA0417164300",
      "nl91 abna 0417 1643 00",
      "BE71096123456769",
      "xNL91ABNA0417164300",
      "NL123456782B01",
      "ab_0612345678",
      "jan@example.nl 0612345678",
      "17/02/1959",
      "2024-11-03T02:58:00Z",
      "v2.0.12",
      "0.0.0.0",
      "a1b2c3d4e5",
      "0612345678",
      "12.34.56.78.90",
      "AC00-1234",
      "(0612345678)",
      "+316-12345678",
      "0-0-0-0",
      "9999 ZZ",
      "1234.56.782",
  };
  for (const char* f : fields) expect_same_walks(f);
}

TEST(ScanTextWalk, RandomTextsFindTheSameValues) {
  // The bytes the filter and the validators care about, weighted towards digits.
  const std::string alphabet = "0000123456789012345678901234567890 .-+()@_:/,NLBEACabnlxyzZ\xC3\xA9";
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 64);
  for (int i = 0; i < 60000; ++i) {
    std::string t(length(rng), ' ');
    for (char& c : t) c = alphabet[pick(rng)];
    expect_same_walks(t);
    if (HasFatalFailure()) return;
  }
}

TEST(ScanTextWalk, RandomPiecesOfValuesFindTheSameValues) {
  // Texts glued from pieces of valid values and their surroundings, so that phone
  // numbers, IBANs, IPs, postcodes and e-mail addresses are whole often enough.
  const std::vector<std::string> pieces = {"+31",
                                           "0031",
                                           "06",
                                           "0612345678",
                                           "(0)",
                                           "(020)",
                                           "020",
                                           "123",
                                           "4567",
                                           "12345678",
                                           " ",
                                           "-",
                                           ".",
                                           ",",
                                           "NL91",
                                           "ABNA",
                                           "0417",
                                           "1643",
                                           "00",
                                           "nl",
                                           "BE71",
                                           "0961",
                                           "2345",
                                           "6769",
                                           "1093",
                                           "NF",
                                           "AB",
                                           "Plaats",
                                           "44.145.5.194",
                                           "192.168",
                                           "@",
                                           "jan",
                                           "example.nl",
                                           "_",
                                           ":",
                                           "/",
                                           "x",
                                           "Z",
                                           "2024-08-12",
                                           "19:00:43",
                                           "870182468",
                                           "B01",
                                           "0",
                                           "9"};
  std::mt19937 rng(6122026);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, 12);
  for (int i = 0; i < 60000; ++i) {
    std::string t;
    for (int n = count(rng); n > 0; --n) t += pieces[pick(rng)];
    if (t.size() > 64) t.resize(64);
    expect_same_walks(t);
    if (HasFatalFailure()) return;
  }
}

TEST(ScanTextWalk, LongTextsWithLabelsFindTheSameValues) {
  // Log lines and notes of hundreds of bytes: runs across the 64-byte blocks, labels
  // whose windows reach into the next block, and values right at block edges.
  const std::vector<std::string> pieces = {
      "2024-05-03 05:27:40 INFO ",
      "BSN: ",
      "bsn ",
      "burgerservicenummer ",
      "creditcard ",
      "kaartnummer: ",
      "geboren ",
      "geboortedatum: ",
      "paspoort ",
      "625292339",
      "1234.56.782",
      "4111111111111111",
      "5500 0000 0000 0004",
      "17-02-1959",
      "0612345678",
      "06-94037081",
      "+31 6 12345678",
      "NL91ABNA0417164300",
      "jan.jansen@example.nl",
      "44.145.5.194",
      "1093 NF Amsterdam",
      "Jan de Vries",
      "astma",
      "\n",
      " ",
      ", ",
      "tijd 1628296019",
      "IMEI 357379679006848",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "0",
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890"};
  std::mt19937 rng(61226);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, 40);
  for (int i = 0; i < 6000; ++i) {
    std::string t;
    for (int n = count(rng); n > 0; --n) t += pieces[pick(rng)];
    expect_same_walks(t);
    if (HasFatalFailure()) return;
  }
}

TEST(ScanTextWalk, ByteClassesMatchThePortableClassifier) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 2000; ++i) {
    std::string t(static_cast<std::size_t>(i % 65), ' ');
    for (char& c : t) c = static_cast<char>(byte(rng));
    detect::ByteClasses fast;
    detect::ByteClasses portable;
    detect::classify_classes64(t.data(), t.size(), &fast);
    detect::classify_classes64_portable(t.data(), t.size(), &portable);
    EXPECT_EQ(fast.digits, portable.digits);
    EXPECT_EQ(fast.ats, portable.ats);
    EXPECT_EQ(fast.letters, portable.letters);
    EXPECT_EQ(fast.underscores, portable.underscores);
    EXPECT_EQ(fast.zeros, portable.zeros);
    EXPECT_EQ(fast.plus_paren, portable.plus_paren);
    EXPECT_EQ(fast.dots, portable.dots);
    EXPECT_EQ(fast.dashes, portable.dashes);
    EXPECT_EQ(fast.space_upper, portable.space_upper);
  }
}

TEST(ScanTextWalk, WordBytesAreLettersPastHexAndNonAscii) {
  EXPECT_FALSE(detect::has_word_bytes(""));
  EXPECT_FALSE(detect::has_word_bytes("05955208-ac00-e503-684c-13d68dfdbc90"));
  EXPECT_FALSE(detect::has_word_bytes("2024-08-12 19:00:43 ABCDEF abcdef"));
  EXPECT_TRUE(detect::has_word_bytes("12g"));
  EXPECT_TRUE(detect::has_word_bytes("Z"));
  EXPECT_TRUE(detect::has_word_bytes("caf\xC3\xA9"));
  // Past the first 32 and 64 bytes, and in a tail shorter than 32.
  std::string hex(100, 'a');
  EXPECT_FALSE(detect::has_word_bytes(hex));
  for (std::size_t at : {0u, 31u, 32u, 63u, 64u, 95u, 99u}) {
    std::string t = hex;
    t[at] = 'q';
    EXPECT_TRUE(detect::has_word_bytes(t)) << at;
    EXPECT_FALSE(detect::has_word_bytes(std::string_view(t).substr(0, at))) << at;
  }
}

TEST(ScanTextWalk, APlainNumberHoldsNothingWithoutContext) {
  // The classifier skips plain numbers in fields without a card or BSN context; the
  // text scanner, both walks, with the dictionary, must find nothing in them.
  std::mt19937 rng(20261207);
  const std::vector<std::string> starts = {"", "0", "06", "00", "31", "1", "12", "2024", "1952", "192", "10"};
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string t = starts[rng() % starts.size()];
    std::size_t digits = 1 + rng() % 9;
    while (t.size() < digits) t += static_cast<char>('0' + rng() % 10);
    t.resize(digits);
    if (rng() % 2) t.insert(1 + rng() % t.size(), 1, rng() % 2 ? '.' : ',');
    if (t.back() == '.' || t.back() == ',') t += '0';
    if (t.size() > 10 || std::count_if(t.begin(), t.end(), ::isdigit) > 9) continue;
    if (rng() % 4 == 0) t.insert(0, 1, '-');
    ASSERT_TRUE(detect::is_plain_number(t)) << t;
    for (bool mask_walk : {true, false}) {
      std::uint32_t near_miss = 0;
      ASSERT_TRUE(scan(t, mask_walk, true, &near_miss).empty()) << t;
      ASSERT_EQ(near_miss, 0u) << t;
    }
    ++checked;
  }
  EXPECT_GT(checked, 150000);
  for (const char* t :
       {"", "-", ".5", "1.2.3", "1,2.3", "0612345678", "12a", "1 2", "+31", "--1", "123456789.0"}) {
    EXPECT_FALSE(detect::is_plain_number(t)) << t;
  }
  for (const char* t : {"0", "-1", "123456789", "36968.03", "234,5", "12,5", "5."}) {
    EXPECT_TRUE(detect::is_plain_number(t)) << t;
  }
}

// Random digits, or hex digits, with runs that look like the start of a value.
std::string random_digits(std::mt19937& rng, std::size_t n, bool hex) {
  static const std::vector<std::string> starts = {"06",        "0612345678", "31",  "0031",
                                                  "111222333", "1952",       "4111"};
  std::string t = rng() % 3 == 0 ? starts[rng() % starts.size()] : "";
  while (t.size() < n)
    t += hex && rng() % 3 == 0 ? "abcdefABCDEF"[rng() % 12] : static_cast<char>('0' + rng() % 10);
  t.resize(n);
  return t;
}

TEST(ScanTextWalk, UuidsAndTimestampsHoldNothingWithoutContext) {
  std::mt19937 rng(20261208);
  auto expect_nothing = [](const std::string& t) {
    for (bool mask_walk : {true, false}) {
      std::uint32_t near_miss = 0;
      ASSERT_TRUE(scan(t, mask_walk, true, &near_miss).empty()) << t;
      ASSERT_EQ(near_miss, 0u) << t;
    }
  };
  for (int i = 0; i < 60000; ++i) {
    std::string uuid = random_digits(rng, 8, true) + "-" + random_digits(rng, 4, true) + "-" +
                       random_digits(rng, 4, true) + "-" + random_digits(rng, 4, true) + "-" +
                       random_digits(rng, 12, true);
    ASSERT_TRUE(detect::is_uuid(uuid) && detect::holds_no_value(uuid)) << uuid;
    expect_nothing(uuid);
    // Every field over its whole range, so every accepted shape is tried.
    static const std::vector<std::string> zones = {"", "Z", "+01:00", "-0530", "+02", "+14:59", "-00"};
    auto two = [&](int lo, int hi) {
      int v = lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
      return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
    };
    std::string ts = std::to_string(1000 + rng() % 2000) + "-" + two(1, 12) + "-" + two(1, 31) +
                     (rng() % 2 ? "T" : " ") + two(0, 23) + ":" + two(0, 59);
    if (rng() % 4 != 0) ts += ":" + two(0, 60);
    ts += zones[rng() % zones.size()];
    ASSERT_TRUE(detect::is_timestamp(ts) && detect::holds_no_value(ts)) << ts;
    expect_nothing(ts);
  }
  for (const char* t : {"05955208-ac00-e503-684c-13d68dfdbc9",
                        "05955208-ac00-e503-684c-13d68dfdbc90a",
                        "05955208ac00-e503-684c-13d68dfdbc90a",
                        "g5955208-ac00-e503-684c-13d68dfdbc90",
                        "2024-08-12",
                        "2024-08-12 19:00:4",
                        "2024-08-12 19:00:43 ",
                        "2024-08-12x19:00",
                        "2024-08-12 19:00:43Z1",
                        "2024-08-12 19:00:43+1",
                        "2024-08-12 19:00:43.",
                        "24-08-12 19:00",
                        "2024-08-12 19:00:05.976066",
                        "0612-08-12 19:00",
                        "2024-13-12 19:00",
                        "2024-08-32 19:00",
                        "2024-08-12 24:00",
                        "2024-08-12 19:60",
                        "2024-08-12 19:00:61",
                        "2024-08-12 19:00+15"}) {
    EXPECT_FALSE(detect::holds_no_value(t)) << t;
  }
}

// The word-at-a-time shape checks against the character-by-character rules they
// replace, on valid values with one byte changed to every value at every position.
bool reference_hex(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

bool reference_uuid(std::string_view t) {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? t[i] != '-' : !reference_hex(t[i])) return false;
  }
  return true;
}

int reference_two(std::string_view t, std::size_t at, int lo, int hi) {
  if (at + 2 > t.size() || !std::isdigit(static_cast<unsigned char>(t[at])) ||
      !std::isdigit(static_cast<unsigned char>(t[at + 1])))
    return -1;
  int v = (t[at] - '0') * 10 + (t[at + 1] - '0');
  return v >= lo && v <= hi ? v : -1;
}

// The first sixteen characters of a timestamp (is_timestamp's head).
bool reference_timestamp_head(std::string_view t) {
  auto digits4 = [&] {
    for (int i = 0; i < 4; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(t[static_cast<std::size_t>(i)]))) return false;
    }
    return true;
  };
  return t.size() >= 16 && (t[0] == '1' || t[0] == '2') && digits4() && t[4] == '-' &&
         reference_two(t, 5, 1, 12) >= 0 && t[7] == '-' && reference_two(t, 8, 1, 31) >= 0 &&
         (t[10] == 'T' || t[10] == ' ') && reference_two(t, 11, 0, 23) >= 0 && t[13] == ':' &&
         reference_two(t, 14, 0, 59) >= 0;
}

TEST(ScanTextWalk, WordShapeChecksMatchTheCharacterRules) {
  const std::string uuid = "05955208-ac00-e503-684C-13d68dfdbc90";
  const std::string ts = "2024-08-12 19:00";
  for (std::size_t at = 0; at < 36; ++at) {
    for (int b = 0; b < 256; ++b) {
      std::string u = uuid;
      u[at] = static_cast<char>(b);
      ASSERT_EQ(detect::is_uuid(u), reference_uuid(u)) << at << " " << b;
      if (at < ts.size()) {
        std::string t = ts;
        t[at] = static_cast<char>(b);
        ASSERT_EQ(detect::is_timestamp(t), reference_timestamp_head(t)) << at << " " << b;
      }
    }
  }
  // Two-digit fields over their whole range, and just past it.
  for (int v = 0; v < 100; ++v) {
    std::string two = {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
    for (std::size_t at : {5u, 8u, 11u, 14u}) {
      std::string t = ts;
      t.replace(at, 2, two);
      ASSERT_EQ(detect::is_timestamp(t), reference_timestamp_head(t)) << t;
    }
  }
}

}  // namespace
}  // namespace bd::scan
