#include "scan/detect/headers.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bd::scan::detect {
namespace {

struct Rule {
  ColumnRole role;
  std::string_view word;  // a whole word of the header
};

// Checked in order: the first rule whose word occurs wins, so specific words come
// before general ones ("password_hash" is a password, "email_hash" a hash).
constexpr Rule kRules[] = {
    {ColumnRole::kPassword, "password"}, {ColumnRole::kPassword, "passwd"},
    {ColumnRole::kPassword, "pwd"}, {ColumnRole::kPassword, "wachtwoord"},
    {ColumnRole::kPassword, "passwordhash"}, {ColumnRole::kPassword, "pass"},
    {ColumnRole::kHash, "hash"}, {ColumnRole::kHash, "hashed"}, {ColumnRole::kHash, "sha1"},
    {ColumnRole::kHash, "sha256"}, {ColumnRole::kHash, "md5"}, {ColumnRole::kHash, "digest"},
    {ColumnRole::kBsn, "bsn"}, {ColumnRole::kBsn, "sofi"}, {ColumnRole::kBsn, "sofinummer"},
    {ColumnRole::kBsn, "burgerservicenummer"}, {ColumnRole::kBsn, "bsnnummer"},
    {ColumnRole::kIban, "iban"}, {ColumnRole::kIban, "rekeningnummer"}, {ColumnRole::kIban, "bankrekening"},
    {ColumnRole::kIban, "bankrekeningnummer"}, {ColumnRole::kIban, "rekening"},
    {ColumnRole::kCard, "creditcard"}, {ColumnRole::kCard, "card"}, {ColumnRole::kCard, "cardnumber"},
    {ColumnRole::kCard, "kaartnummer"}, {ColumnRole::kCard, "pan"}, {ColumnRole::kCard, "ccnumber"},
    {ColumnRole::kCard, "creditcardnummer"},
    {ColumnRole::kEmail, "email"}, {ColumnRole::kEmail, "mail"}, {ColumnRole::kEmail, "emailadres"},
    {ColumnRole::kEmail, "mailadres"},
    {ColumnRole::kPhone, "telefoon"}, {ColumnRole::kPhone, "telefoonnummer"}, {ColumnRole::kPhone, "phone"},
    {ColumnRole::kPhone, "mobiel"}, {ColumnRole::kPhone, "mobile"}, {ColumnRole::kPhone, "tel"},
    {ColumnRole::kPhone, "gsm"}, {ColumnRole::kPhone, "telnr"}, {ColumnRole::kPhone, "phonenumber"},
    {ColumnRole::kPostcode, "postcode"}, {ColumnRole::kPostcode, "zip"}, {ColumnRole::kPostcode, "zipcode"},
    {ColumnRole::kPostcode, "postalcode"}, {ColumnRole::kPostcode, "postal"},
    {ColumnRole::kHouseNumber, "huisnummer"}, {ColumnRole::kHouseNumber, "housenumber"},
    {ColumnRole::kHouseNumber, "huisnr"}, {ColumnRole::kHouseNumber, "huisnummertoevoeging"},
    {ColumnRole::kBirthDate, "geboortedatum"}, {ColumnRole::kBirthDate, "dob"},
    {ColumnRole::kBirthDate, "birth"}, {ColumnRole::kBirthDate, "birthdate"},
    {ColumnRole::kBirthDate, "birthday"}, {ColumnRole::kBirthDate, "geboren"},
    {ColumnRole::kBirthDate, "gebdat"},
    {ColumnRole::kIdDocument, "paspoort"}, {ColumnRole::kIdDocument, "paspoortnummer"},
    {ColumnRole::kIdDocument, "passport"}, {ColumnRole::kIdDocument, "documentnummer"},
    {ColumnRole::kIdDocument, "identiteitskaart"}, {ColumnRole::kIdDocument, "idkaart"},
    {ColumnRole::kIdDocument, "rijbewijs"}, {ColumnRole::kIdDocument, "rijbewijsnummer"},
    {ColumnRole::kIp, "ip"}, {ColumnRole::kIp, "ipaddress"}, {ColumnRole::kIp, "ipadres"},
    {ColumnRole::kIp, "ipv4"}, {ColumnRole::kIp, "ipv6"},
    {ColumnRole::kHealth, "diagnose"}, {ColumnRole::kHealth, "diagnosis"}, {ColumnRole::kHealth, "medisch"},
    {ColumnRole::kHealth, "medical"}, {ColumnRole::kHealth, "aandoening"}, {ColumnRole::kHealth, "ziekte"},
    {ColumnRole::kHealth, "gezondheid"}, {ColumnRole::kHealth, "health"}, {ColumnRole::kHealth, "medicatie"},
    {ColumnRole::kHealth, "medication"}, {ColumnRole::kHealth, "allergie"}, {ColumnRole::kHealth, "allergy"},
    {ColumnRole::kHealth, "allergies"}, {ColumnRole::kHealth, "behandeling"}, {ColumnRole::kHealth, "treatment"},
    {ColumnRole::kHealth, "condition"}, {ColumnRole::kHealth, "indicatie"}, {ColumnRole::kHealth, "beperking"},
    {ColumnRole::kStreet, "straat"}, {ColumnRole::kStreet, "straatnaam"}, {ColumnRole::kStreet, "street"},
    {ColumnRole::kStreet, "adres"}, {ColumnRole::kStreet, "address"}, {ColumnRole::kStreet, "streetname"},
    {ColumnRole::kCity, "woonplaats"}, {ColumnRole::kCity, "plaats"}, {ColumnRole::kCity, "city"},
    {ColumnRole::kCity, "stad"}, {ColumnRole::kCity, "town"}, {ColumnRole::kCity, "plaatsnaam"},
    {ColumnRole::kName, "naam"}, {ColumnRole::kName, "voornaam"}, {ColumnRole::kName, "voornamen"},
    {ColumnRole::kName, "achternaam"}, {ColumnRole::kName, "tussenvoegsel"}, {ColumnRole::kName, "voorletters"},
    {ColumnRole::kName, "roepnaam"}, {ColumnRole::kName, "geslachtsnaam"}, {ColumnRole::kName, "surname"},
    {ColumnRole::kName, "firstname"}, {ColumnRole::kName, "lastname"}, {ColumnRole::kName, "fullname"},
    {ColumnRole::kName, "initials"}, {ColumnRole::kName, "klantnaam"},
    {ColumnRole::kFreeText, "notitie"}, {ColumnRole::kFreeText, "notities"}, {ColumnRole::kFreeText, "note"},
    {ColumnRole::kFreeText, "notes"}, {ColumnRole::kFreeText, "opmerking"}, {ColumnRole::kFreeText, "opmerkingen"},
    {ColumnRole::kFreeText, "omschrijving"}, {ColumnRole::kFreeText, "description"},
    {ColumnRole::kFreeText, "comment"}, {ColumnRole::kFreeText, "comments"}, {ColumnRole::kFreeText, "toelichting"},
    {ColumnRole::kFreeText, "memo"}, {ColumnRole::kFreeText, "remarks"}, {ColumnRole::kFreeText, "bericht"},
    {ColumnRole::kFreeText, "message"}, {ColumnRole::kFreeText, "text"}, {ColumnRole::kFreeText, "body"},
};

// "name" counts as a person's name alone or with a qualifier that makes it one.
constexpr std::string_view kNameQualifiers[] = {
    "first", "last", "full", "given", "family", "middle", "maiden", "display", "contact",
    "customer", "client", "person", "patient", "employee", "klant"};

// What a header word is, besides a rule's word: the words the checksum test and the
// rules after kRules look for, one bit each.
enum WordFlag : std::uint32_t {
  kPasswordWord = 1u << 0,  // password, passwd, pwd, wachtwoord, pass
  kChecksumWord = 1u << 1,  // checksum, commit, etag, crc ...
  kContentWord = 1u << 2,   // file, content, blob ...: what a checksum is of
  kHashWord = 1u << 3,      // hash, sha, sha1, sha256, md5, digest
  kNameQualifier = 1u << 4,
  kName = 1u << 5,
  kE = 1u << 6,
  kMail = 1u << 7,
  kHouse = 1u << 8,
  kNumber = 1u << 9,
  kNo = 1u << 10,  // no, nr
  kNum = 1u << 11,
  kDate = 1u << 12,
  kBirth = 1u << 13,
  kCard = 1u << 14,
  kCc = 1u << 15,
  kId = 1u << 16,
  kDocument = 1u << 17,
  kRemote = 1u << 18,
  kAddress = 1u << 19,  // addr, address
};

struct WordInfo {
  std::size_t rule = std::size(kRules);  // index of the first rule for the word, or none
  std::uint32_t flags = 0;
};

// Every word the rules look at, with its first rule and its flags: a header costs a
// lookup per word instead of a walk over all rules (a scan of many small files reads a
// header per file). The role is the rule of lowest index among the header's words and
// their concatenation, which is the first rule in order whose word occurs.
class WordIndex {
 public:
  WordIndex() {
    for (std::size_t i = std::size(kRules); i-- > 0;) words_[kRules[i].word].rule = i;
    flag(kPasswordWord, {"password", "passwd", "pwd", "wachtwoord", "pass"});
    flag(kChecksumWord, {"checksum", "checksums", "commit", "etag", "crc", "crc32", "revision", "sha1sum",
                         "md5sum", "sha256sum", "integrity"});
    flag(kContentWord, {"file", "content", "blob", "object", "tree", "git", "bestand"});
    flag(kHashWord, {"hash", "sha", "sha1", "sha256", "md5", "digest"});
    for (auto q : kNameQualifiers) flag(kNameQualifier, {q});
    flag(kName, {"name"});
    flag(kE, {"e"});
    flag(kMail, {"mail"});
    flag(kHouse, {"house"});
    flag(kNumber, {"number"});
    flag(kNo, {"no", "nr"});
    flag(kNum, {"num"});
    flag(kDate, {"date"});
    flag(kBirth, {"birth"});
    flag(kCard, {"card"});
    flag(kCc, {"cc"});
    flag(kId, {"id"});
    flag(kDocument, {"document"});
    flag(kRemote, {"remote"});
    flag(kAddress, {"addr", "address"});
  }
  WordInfo find(std::string_view word) const {
    auto it = words_.find(word);
    return it == words_.end() ? WordInfo{} : it->second;
  }
  static const WordIndex& instance() {
    static const WordIndex index;
    return index;
  }

 private:
  void flag(WordFlag f, std::initializer_list<std::string_view> words) {
    for (auto w : words) words_[w].flags |= f;
  }
  std::unordered_map<std::string_view, WordInfo> words_;
};

// A header's words (split at non-alphanumerics and camelCase, lower-cased) summed up:
// how many, the first rule any of them or their concatenation names, and their flags.
// Words after the 64th are not looked at (a first line of free text is no header
// anyway); a header of words up to 15 bytes costs no allocation.
struct HeaderWords {
  static constexpr std::size_t kMaxWords = 64;
  static constexpr std::size_t kMaxJoined = 32;  // longer than any rule word

  std::size_t count = 0;
  std::size_t rule = std::size(kRules);
  std::uint32_t flags = 0;

  explicit HeaderWords(std::string_view header) {
    const WordIndex& index = WordIndex::instance();
    std::array<char, kMaxJoined> joined;
    std::size_t joined_size = 0;
    bool joinable = true;
    std::string word;
    char prev = 0;
    auto end_word = [&] {
      if (word.empty()) return;
      ++count;
      const WordInfo info = index.find(word);
      rule = std::min(rule, info.rule);
      flags |= info.flags;
      if (joined_size + word.size() > joined.size()) {
        joinable = false;
      } else {
        std::memcpy(joined.data() + joined_size, word.data(), word.size());
        joined_size += word.size();
      }
      word.clear();
    };
    for (char c : header) {
      if (count == kMaxWords) break;
      const bool upper = c >= 'A' && c <= 'Z';
      const bool lower = c >= 'a' && c <= 'z';
      const bool digit = c >= '0' && c <= '9';
      if (upper && prev >= 'a' && prev <= 'z') end_word();  // camelCase boundary
      if (upper || lower || digit) {
        word.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
      } else {
        end_word();
      }
      prev = c;
    }
    if (count < kMaxWords) end_word();
    if (joinable && count > 0)
      rule = std::min(rule, index.find(std::string_view(joined.data(), joined_size)).rule);
  }
  bool has(std::uint32_t f) const { return (flags & f) != 0; }
  bool has_all(std::uint32_t f) const { return (flags & f) == f; }
};

// A checksum of a file, blob or commit ("checksum", "commit_sha", "etag",
// "file_sha256"): hex of the right length, but a fingerprint of content, not a hashed
// password or identifier. A password word keeps its own role.
bool is_checksum_header(const HeaderWords& words) {
  if (words.has(kPasswordWord)) return false;
  return words.has(kChecksumWord) || words.has_all(kContentWord | kHashWord);
}

ColumnRole role_of_words(std::string_view header) {
  std::size_t dot = header.rfind('.');
  if (dot != std::string_view::npos && dot + 1 < header.size()) header = header.substr(dot + 1);
  const HeaderWords words(header);
  if (words.count == 0) return ColumnRole::kNone;
  if (is_checksum_header(words)) return ColumnRole::kChecksum;
  if (words.rule < std::size(kRules)) return kRules[words.rule].role;
  if (words.has(kName) && (words.count == 1 || words.has(kNameQualifier))) return ColumnRole::kName;
  if (words.has_all(kE | kMail)) return ColumnRole::kEmail;
  if (words.has(kHouse) && words.has(kNumber | kNo)) return ColumnRole::kHouseNumber;
  if (words.has_all(kDate | kBirth)) return ColumnRole::kBirthDate;
  if (words.has(kCard) || (words.has(kCc) && words.has(kNumber | kNum))) return ColumnRole::kCard;
  if (words.has(kId) && words.has(kDocument | kCard)) return ColumnRole::kIdDocument;
  if (words.has(kRemote) && words.has(kAddress)) return ColumnRole::kIp;
  return ColumnRole::kNone;
}

}  // namespace

ColumnRole role_from_header(std::string_view header) {
  // Headers repeat (every file of an export has the same): a header seen before on
  // this thread costs one lookup instead of one per word. Bounded: cleared when full.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  constexpr std::size_t kMaxRemembered = 4096;
  thread_local std::unordered_map<std::string, ColumnRole, Hash, std::equal_to<>> seen;
  if (auto it = seen.find(header); it != seen.end()) return it->second;
  const ColumnRole role = role_of_words(header);
  if (seen.size() >= kMaxRemembered) seen.clear();
  seen.emplace(header, role);
  return role;
}

}  // namespace bd::scan::detect
