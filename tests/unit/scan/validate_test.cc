#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <utility>

#include "scan/validate/contact.h"
#include "scan/validate/identity.h"
#include "scan/validate/numeric.h"

namespace bd::scan::validate {
namespace {

TEST(ScanValidateBsn, AcceptsElevenProefAndDottedForm) {
  EXPECT_EQ(parse_bsn("319072356", false).value(), 319072356u);
  EXPECT_EQ(parse_bsn("111222333", false).value(), 111222333u);
  EXPECT_EQ(parse_bsn("1112.22.333", false).value(), 111222333u);
  EXPECT_TRUE(bsn_shaped("1112.22.333"));
}

TEST(ScanValidateBsn, RejectsNearMissesZerosAndEightDigitsWithoutContext) {
  EXPECT_FALSE(parse_bsn("319072357", false));
  EXPECT_FALSE(parse_bsn("000000000", false));
  EXPECT_FALSE(parse_bsn("12345678a", false));
  EXPECT_FALSE(parse_bsn("3190723560", false));
  // 012345672 is valid with its leading zero; stored as 8 digits it needs context.
  ASSERT_TRUE(parse_bsn("012345672", false));
  EXPECT_FALSE(parse_bsn("12345672", false));
  EXPECT_EQ(parse_bsn("12345672", true).value(), 12345672u);
  EXPECT_TRUE(bsn_shaped("319072357"));
  EXPECT_FALSE(bsn_shaped("31907235"
                          "71"));
}

// The 11-proef character by character: the reference for parse_bsn, which checks,
// weighs and values eight digits in one word.
std::optional<std::uint32_t> bsn_by_characters(const std::string& t) {
  if (t.size() != 9) return std::nullopt;
  int sum = 0;
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
    sum += (i < 8 ? 9 - static_cast<int>(i) : -1) * (t[i] - '0');
    v = v * 10 + static_cast<std::uint32_t>(t[i] - '0');
  }
  if (v == 0 || sum % 11 != 0) return std::nullopt;
  return v;
}

TEST(ScanValidateBsn, WordWiseCheckMatchesTheCharacterRules) {
  // Every byte at every position of valid BSNs, and random nine-digit strings.
  for (const std::string bsn : {"111222333", "123456782", "999999990", "000000115"}) {
    ASSERT_TRUE(bsn_by_characters(bsn)) << bsn;
    for (std::size_t at = 0; at < 9; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string t = bsn;
        t[at] = static_cast<char>(b);
        ASSERT_EQ(parse_bsn(t, false), bsn_by_characters(t)) << t;
      }
    }
  }
  std::mt19937_64 rng(43);
  int valid = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string t;
    for (int i = 0; i < 9; ++i) t.push_back(static_cast<char>('0' + rng() % 10));
    const auto want = bsn_by_characters(t);
    valid += want ? 1 : 0;
    ASSERT_EQ(parse_bsn(t, false), want) << t;
  }
  EXPECT_GT(valid, 15000);  // about one in eleven
  EXPECT_FALSE(parse_bsn("000000000", false));
}

TEST(ScanValidateIban, AcceptsCompactGroupedAndOtherCountries) {
  auto m = match_iban("NL91ABNA0417164300,");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->compact, "NL91ABNA0417164300");
  EXPECT_EQ(m->consumed, 18u);
  auto g = match_iban("NL91 ABNA 0417 1643 00 bla");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->compact, "NL91ABNA0417164300");
  EXPECT_EQ(g->consumed, 22u);
  EXPECT_TRUE(match_iban("DE89370400440532013000"));
  EXPECT_TRUE(match_iban("GB29NWBK60161331926819"));
  EXPECT_TRUE(match_iban("BE68539007547034"));
  EXPECT_EQ(match_iban("nl91abna0417164300")->compact, "NL91ABNA0417164300");
}

TEST(ScanValidateIban, RejectsBadChecksumLengthAndRunOn) {
  EXPECT_FALSE(match_iban("NL92ABNA0417164300"));
  EXPECT_FALSE(match_iban("NL91ABNA04171643001"));
  EXPECT_FALSE(match_iban("NL91ABNA041716430"));
  EXPECT_FALSE(match_iban("XX91ABNA0417164300"));
  EXPECT_FALSE(match_iban("NL91 ABNA0417 164300"));
}

// The IBAN rules character by character: the reference for match_iban, which reads
// the compact form eight bytes at a time.
std::optional<std::pair<std::size_t, std::string>> iban_by_characters(std::string_view t) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto alnum = [&](char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  if (t.size() < 15) return std::nullopt;
  const auto len = static_cast<std::size_t>(iban_length(up(t[0]), up(t[1])));
  if (len == 0) return std::nullopt;
  const bool grouped = t[4] == ' ';
  std::string compact;
  std::size_t i = 0;
  while (compact.size() < len) {
    if (i >= t.size()) return std::nullopt;
    const bool boundary = grouped && !compact.empty() && compact.size() % 4 == 0;
    if (boundary && t[i] == ' ') {
      ++i;
      continue;
    }
    if ((boundary && t[i - 1] != ' ') || !alnum(t[i])) return std::nullopt;
    compact.push_back(up(t[i++]));
  }
  if (i < t.size() && alnum(t[i])) return std::nullopt;
  if (!digit(compact[2]) || !digit(compact[3])) return std::nullopt;
  const int check = (compact[2] - '0') * 10 + (compact[3] - '0');
  if (check < 2 || check > 98) return std::nullopt;
  int rem = 0;
  for (char c : compact.substr(4) + compact.substr(0, 4)) {
    rem = digit(c) ? (rem * 10 + (c - '0')) % 97 : (rem * 100 + (c - 'A' + 10)) % 97;
  }
  if (rem != 1) return std::nullopt;
  return std::make_pair(i, compact);
}

void expect_iban_as_by_characters(const std::string& text) {
  const auto want = iban_by_characters(text);
  const auto got = match_iban(text);
  ASSERT_EQ(got.has_value(), want.has_value()) << text;
  if (want) {
    ASSERT_EQ(got->consumed, want->first) << text;
    ASSERT_EQ(got->compact.view(), want->second) << text;
  }
}

// Every byte value at every position of compact, grouped and lower-case IBANs of
// several lengths, and their truncations, decide as the character rules do.
TEST(ScanValidateIban, WordWiseReadingMatchesTheCharacterRules) {
  const std::string ibans[] = {"NL91ABNA0417164300",
                               "NL91 ABNA 0417 1643 00",
                               "nl91abna0417164300 x",
                               "NL91 ABNA  0417 1643 00,",
                               "NO9386011117947",
                               "BE68 5390 0754 7034",
                               "DE89370400440532013000",
                               "GB29 NWBK 6016 1331 9268 19",
                               "MT84MALT011000012345MTLCAST001S",
                               "LC55HEMM000100010012001200023015"};
  for (const std::string& iban : ibans) {
    ASSERT_TRUE(iban_by_characters(iban)) << iban;
    for (std::size_t at = 0; at < iban.size(); ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string t = iban;
        t[at] = static_cast<char>(b);
        expect_iban_as_by_characters(t);
      }
      expect_iban_as_by_characters(iban.substr(0, at));
    }
  }
}

// Dutch IBANs take a check of their own (letters and digits reduced apart): random
// banks and accounts, with every check digit pair, decide as the character rules do.
TEST(ScanValidateIban, DutchIbansDecideAsTheCharacterRules) {
  std::mt19937_64 rng(41);
  int valid = 0;
  for (int round = 0; round < 300; ++round) {
    std::string bban;
    for (int i = 0; i < 4; ++i) bban.push_back(static_cast<char>('A' + rng() % 26));
    for (int i = 0; i < 10; ++i) bban.push_back(static_cast<char>('0' + rng() % 10));
    for (int check = 0; check < 100; ++check) {
      const std::string iban = "NL" + std::to_string(check / 10) + std::to_string(check % 10) + bban;
      valid += iban_by_characters(iban) ? 1 : 0;
      expect_iban_as_by_characters(iban);
    }
  }
  EXPECT_EQ(valid, 300);  // one check pair in 2..98 fits each account
}

// The IPv4 rules digit by digit: the reference for match_ipv4.
std::optional<std::size_t> ipv4_by_characters(std::string_view t) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto alnum = [&](char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t i = 0;
  bool all_zero = true;
  bool all_ff = true;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (i >= t.size() || t[i] != '.') return std::nullopt;
      ++i;
    }
    const std::size_t start = i;
    int v = 0;
    while (i < t.size() && digit(t[i]) && i - start < 4) v = v * 10 + (t[i++] - '0');
    const std::size_t n = i - start;
    if (n == 0 || n > 3 || v > 255 || (n > 1 && t[start] == '0')) return std::nullopt;
    all_zero = all_zero && v == 0;
    all_ff = all_ff && v == 255;
  }
  if (i < t.size() && (alnum(t[i]) || (t[i] == '.' && i + 1 < t.size() && digit(t[i + 1]))))
    return std::nullopt;
  if (all_zero || all_ff) return std::nullopt;
  return i;
}

TEST(ScanValidateIp, Ipv4MatchesTheDigitRules) {
  std::mt19937_64 rng(47);
  const std::string alphabet = "0123456789012345.....a ";
  int matched = 0;
  for (int round = 0; round < 300000; ++round) {
    std::string t;
    const std::size_t n = rng() % 20;
    for (std::size_t i = 0; i < n; ++i) t.push_back(alphabet[rng() % alphabet.size()]);
    if (round % 3 == 0) {  // mostly well-formed: four octets, then the random tail
      t = std::to_string(rng() % 300) + "." + std::to_string(rng() % 260) + "." +
          std::to_string(rng() % 256) + "." + std::to_string(rng() % 1100) + t.substr(0, rng() % 3);
    }
    const auto want = ipv4_by_characters(t);
    matched += want ? 1 : 0;
    ASSERT_EQ(match_ipv4(t), want) << t;
  }
  EXPECT_GT(matched, 10000);
  for (const char* t : {"0.0.0.0", "255.255.255.255", "1.2.3.4", "01.2.3.4", "1.2.3.4.5", "1.2.3.256"})
    ASSERT_EQ(match_ipv4(t), ipv4_by_characters(t)) << t;
}

// is_whole_email decides fields of 8 to 64 bytes on byte-class masks: it must say what
// match_email at the field's first '@' says about spanning the whole field.
bool whole_by_match_email(std::string_view f) {
  const std::size_t at = f.find('@');
  if (at == std::string_view::npos) return false;
  auto span = match_email(f, at);
  return span && span->begin == 0 && span->end == f.size();
}

TEST(ScanValidateEmail, WholeFieldMasksMatchMatchEmail) {
  const std::string fields[] = {"a@b.nl",
                                "jan@ab.nl",
                                "jan@example.nl",
                                "j.de-vries@example.com",
                                "mila.dewit0@kpnmail.nl",
                                "ahmed.vanderlinden2@xs4all.nl",
                                "Info+Nieuws_2024%x@Sub-Domain.Example.AMSTERDAM",
                                "git@github.com",
                                "pkg@1.2.3.4",
                                std::string(40, 'k') + "@voorbeeld-bedrijf.nl",
                                std::string(64, 'k') + "@x.nl",
                                "a@" + std::string(58, 'd') + ".nl",
                                "a@" + std::string(61, 'd') + ".nl"};
  for (const std::string& field : fields) {
    for (std::size_t at = 0; at < field.size(); ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string f = field;
        f[at] = static_cast<char>(b);
        ASSERT_EQ(is_whole_email(f), whole_by_match_email(f)) << f;
      }
      ASSERT_EQ(is_whole_email(field.substr(0, at)), whole_by_match_email(field.substr(0, at)))
          << field.substr(0, at);
      ASSERT_EQ(is_whole_email(field.substr(at)), whole_by_match_email(field.substr(at))) << field.substr(at);
    }
  }
  EXPECT_TRUE(is_whole_email("mila.dewit0@kpnmail.nl"));
  EXPECT_FALSE(is_whole_email("git@github.com"));
  EXPECT_FALSE(is_whole_email("jan@example.nl, piet@example.nl"));
}

TEST(ScanValidateCard, LuhnIssuerAndConsistentGrouping) {
  EXPECT_TRUE(match_card("4111111111111111"));
  EXPECT_TRUE(match_card("4111 1111 1111 1111"));
  EXPECT_TRUE(match_card("4111-1111-1111-1111"));
  EXPECT_TRUE(match_card("378282246310005"));
  EXPECT_TRUE(match_card("3782 822463 10005"));
  EXPECT_TRUE(match_card("5555555555554444"));
  EXPECT_FALSE(match_card("4111 1111-1111 1111"));   // mixed separators
  EXPECT_FALSE(match_card("4111111111111112"));      // Luhn
  EXPECT_FALSE(match_card("9111111111111111"));      // no issuer
  EXPECT_FALSE(match_card("40807787-7178-4713"));    // UUID segments
  EXPECT_FALSE(match_card("41111111111111110"));     // runs on
  EXPECT_EQ(match_card("4111 1111 1111 1111")->digits, "4111111111111111");
}

TEST(ScanValidatePhone, DutchLayouts) {
  for (const char* s : {"0612345678", "06-12345678", "06 1234 5678", "+31 6 12345678", "+31612345678",
                        "0031612345678", "+31 (0)6 12345678", "06 12 34 56 78"}) {
    auto m = match_phone(s);
    ASSERT_TRUE(m) << s;
    EXPECT_EQ(m->national, 612345678u) << s;
  }
  for (const char* s : {"020-1234567", "(020) 123 4567", "0201234567", "+31201234567", "0345-123456"}) {
    EXPECT_TRUE(match_phone(s)) << s;
  }
}

TEST(ScanValidatePhone, RejectsTraps) {
  EXPECT_FALSE(match_phone("0800-1234567"));  // service number
  EXPECT_FALSE(match_phone("0900-1234567"));
  EXPECT_FALSE(match_phone("0611111111"));    // identical digits
  EXPECT_FALSE(match_phone("06123456789"));   // runs on
  EXPECT_FALSE(match_phone("0191234567"));    // no such area code
  EXPECT_FALSE(match_phone("612345678"));     // needs phone column context
  EXPECT_FALSE(match_phone("0612-3456-78ab"));  // a UUID segment running on
}

TEST(ScanValidatePostcode, FormatAndUnusedLetters) {
  EXPECT_STREQ(match_postcode("1234 AB")->code, "1234AB");
  EXPECT_STREQ(match_postcode("1234AB")->code, "1234AB");
  EXPECT_FALSE(match_postcode("0234 AB"));
  EXPECT_FALSE(match_postcode("1234 SA"));
  EXPECT_FALSE(match_postcode("1234 SD"));
  EXPECT_FALSE(match_postcode("1234 SS"));
  EXPECT_FALSE(match_postcode("1234 ab"));
  EXPECT_FALSE(match_postcode("1234 ABC"));
}

TEST(ScanValidateEmail, ValidAndTraps) {
  std::string_view t = "mail: Jan.Jansen@Example.NL, ok";
  auto m = match_email(t, t.find('@'));
  ASSERT_TRUE(m);
  EXPECT_EQ(t.substr(m->begin, m->end - m->begin), "Jan.Jansen@Example.NL");
  EXPECT_EQ(normalise_email("Jan.Jansen@Example.NL"), "jan.jansen@example.nl");
  for (std::string_view trap : {"pkg@1.2.3", "user@localhost", "git@github.com:org/repo", "a@b.notatld",
                                "@example.nl", "x@.nl"}) {
    EXPECT_FALSE(match_email(trap, trap.find('@'))) << trap;
  }
}

TEST(ScanValidateEmail, TldsByCaseLengthAndList) {
  for (std::string_view tld :
       {"nl", "NL", "Nl", "com", "COM", "vlaanderen", "University", "ai", "zw", "eu"}) {
    EXPECT_TRUE(known_tld(tld)) << tld;
  }
  // Unlisted, too short, too long, or with a digit or hyphen.
  for (std::string_view tld : {"", "n", "zz", "xx", "co1", "comm", "localhost", "vlaanderenn", "c-m", "n1",
                               "abcdefghijklmnopqrstuvwxy"}) {
    EXPECT_FALSE(known_tld(tld)) << tld;
  }
  std::string_view t = "to a@b..nl and c@d.nl..";
  EXPECT_FALSE(match_email(t, t.find('@')));
  auto m = match_email(t, t.rfind('@'));
  ASSERT_TRUE(m);
  EXPECT_EQ(t.substr(m->begin, m->end - m->begin), "c@d.nl");
}

TEST(ScanValidatePhone, PrefixList) {
  for (std::string_view n :
       {"0612345678", "0101234567", "0201234567", "0111123456", "0599123456", "0841234567", "0881234567"}) {
    EXPECT_TRUE(phone_prefix_ok(n)) << n;
  }
  for (std::string_view n : {"0112123456", "0191234567", "0800123456", "0861234567", "0900123456",
                             "1612345678", "061234567", "06a2345678"}) {
    EXPECT_EQ(phone_prefix_ok(n), n == "06a2345678") << n;  // mobile needs only the 6
  }
}

TEST(ScanValidateIp, V4AndV6) {
  EXPECT_EQ(match_ipv4("192.168.1.20 x").value(), 12u);
  EXPECT_FALSE(match_ipv4("1.2.3.4.5"));
  EXPECT_FALSE(match_ipv4("256.1.1.1"));
  EXPECT_FALSE(match_ipv4("01.2.3.4"));
  EXPECT_FALSE(match_ipv4("0.0.0.0"));
  EXPECT_TRUE(is_ipv6("2001:db8::1"));
  EXPECT_FALSE(is_ipv6("12:30"));
}

TEST(ScanValidateDate, FormatsAndPlausibility) {
  std::size_t n = 0;
  auto d = match_date("1985-03-02", false, &n);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->key(), 19850302u);
  EXPECT_EQ(match_date("02-03-1985", false, &n)->key(), 19850302u);
  EXPECT_EQ(match_date("2/3/1985", false, &n)->key(), 19850302u);
  EXPECT_EQ(match_date("19850302", true, &n)->key(), 19850302u);
  EXPECT_FALSE(match_date("19850302", false, &n));
  EXPECT_FALSE(match_date("1985-02-30", false, &n));
  EXPECT_FALSE(match_date("31-04-1985", false, &n));
  EXPECT_TRUE(plausible_birth(Date{1950, 1, 1}, 2026));
  EXPECT_FALSE(plausible_birth(Date{1890, 1, 1}, 2026));
  EXPECT_FALSE(plausible_birth(Date{2030, 1, 1}, 2026));
}

TEST(ScanValidateDocument, DutchDocumentNumbers) {
  EXPECT_TRUE(is_nl_document_number("SPECI2014"));
  EXPECT_TRUE(is_nl_document_number("NX12AB345"));
  EXPECT_FALSE(is_nl_document_number("NO12AB345"));  // letter O never used
  EXPECT_FALSE(is_nl_document_number("1X12AB345"));
  EXPECT_FALSE(is_nl_document_number("NX12AB34A"));
}

TEST(ScanValidateHash, SaltedAndBareDigests) {
  EXPECT_EQ(salted_hash_kind("$2b$12$" + std::string(53, 'a')), HashKind::kBcrypt);
  EXPECT_EQ(salted_hash_kind("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"), HashKind::kArgon2);
  EXPECT_EQ(salted_hash_kind("pbkdf2_sha256$600000$salt$hash"), HashKind::kPbkdf2);
  EXPECT_EQ(salted_hash_kind("$6$rounds=5000$saltsalt$abcdefabcdef"), HashKind::kShaCrypt);
  EXPECT_EQ(salted_hash_kind("hunter2"), HashKind::kNone);
  EXPECT_EQ(digest_kind("5f4dcc3b5aa765d61d8327deb882cf99"), HashKind::kMd5Hex);
  EXPECT_EQ(digest_kind(std::string(40, 'a')), HashKind::kSha1Hex);
  EXPECT_EQ(digest_kind(std::string(64, 'F')), HashKind::kSha256Hex);
  EXPECT_EQ(digest_kind("X03MO1qnZdYdgyfeuILPmQ=="), HashKind::kMd5Base64);
  EXPECT_EQ(digest_kind("not a hash"), HashKind::kNone);
}

// Hex digests are checked eight bytes at a time: every byte value at every position of
// every digest length decides as a character-by-character check would.
TEST(ScanValidateHash, HexDigestsByteByByte) {
  auto hex = [](int b) { return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F'); };
  for (std::size_t len : {32u, 40u, 64u}) {
    const std::string base = std::string("0123456789abcdefABCDEF").substr(0, 16) + std::string(len - 16, 'C');
    for (std::size_t at = 0; at < len; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string d = base;
        d[at] = static_cast<char>(b);
        ASSERT_EQ(digest_kind(d) != HashKind::kNone, hex(b)) << len << " " << at << " " << b;
      }
    }
  }
}

}  // namespace
}  // namespace bd::scan::validate
