#include "scan/detect/headers.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <vector>

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

std::vector<std::string> split_words(std::string_view header) {
  std::vector<std::string> words;
  std::string cur;
  char prev = 0;
  for (char c : header) {
    bool upper = c >= 'A' && c <= 'Z';
    bool lower = c >= 'a' && c <= 'z';
    bool digit = c >= '0' && c <= '9';
    if (upper && prev >= 'a' && prev <= 'z' && !cur.empty()) {
      words.push_back(cur);  // camelCase boundary
      cur.clear();
    }
    if (upper || lower || digit) {
      cur.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
    prev = c;
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

bool has(const std::vector<std::string>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool has_any(const std::vector<std::string>& words, std::initializer_list<std::string_view> list) {
  for (auto w : list) {
    if (has(words, w)) return true;
  }
  return false;
}

// A checksum of a file, blob or commit ("checksum", "commit_sha", "etag",
// "file_sha256"): hex of the right length, but a fingerprint of content, not a hashed
// password or identifier. A password word keeps its own role.
bool is_checksum_header(const std::vector<std::string>& words) {
  if (has_any(words, {"password", "passwd", "pwd", "wachtwoord", "pass"})) return false;
  if (has_any(words, {"checksum", "checksums", "commit", "etag", "crc", "crc32", "revision", "sha1sum",
                      "md5sum", "sha256sum", "integrity"})) {
    return true;
  }
  return has_any(words, {"file", "content", "blob", "object", "tree", "git", "bestand"}) &&
         has_any(words, {"hash", "sha", "sha1", "sha256", "md5", "digest"});
}

}  // namespace

std::string_view to_string(ColumnRole role) {
  static constexpr std::array<std::string_view, 19> kNames = {
      "none",         "bsn",    "iban",   "card",       "email",   "phone", "postcode",
      "house_number", "street", "city",   "birth_date", "name",    "ip",    "id_document",
      "password",     "hash",   "health", "free_text",  "checksum"};
  return kNames[static_cast<std::size_t>(role)];
}

ColumnRole role_from_header(std::string_view header) {
  std::size_t dot = header.rfind('.');
  if (dot != std::string_view::npos && dot + 1 < header.size()) header = header.substr(dot + 1);
  std::vector<std::string> words = split_words(header);
  if (words.empty()) return ColumnRole::kNone;
  // Compound spellings without separators ("emailadres", "first_name" -> "firstname").
  std::string joined;
  for (const auto& w : words) joined += w;
  if (is_checksum_header(words)) return ColumnRole::kChecksum;
  for (const auto& rule : kRules) {
    if (has(words, rule.word) || joined == rule.word) return rule.role;
  }
  if (has(words, "name")) {
    if (words.size() == 1) return ColumnRole::kName;
    for (auto q : kNameQualifiers) {
      if (has(words, q)) return ColumnRole::kName;
    }
  }
  if (has(words, "e") && has(words, "mail")) return ColumnRole::kEmail;
  if (has(words, "house") && (has(words, "number") || has(words, "no") || has(words, "nr"))) {
    return ColumnRole::kHouseNumber;
  }
  if (has(words, "date") && has(words, "birth")) return ColumnRole::kBirthDate;
  if (has(words, "card") || (has(words, "cc") && (has(words, "number") || has(words, "num")))) {
    return ColumnRole::kCard;
  }
  if (has(words, "id") && (has(words, "document") || has(words, "card"))) return ColumnRole::kIdDocument;
  if (has(words, "remote") && (has(words, "addr") || has(words, "address"))) return ColumnRole::kIp;
  return ColumnRole::kNone;
}

}  // namespace bd::scan::detect
