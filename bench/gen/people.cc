#include "people.h"

#include <cctype>

namespace bd::gen {
namespace {
constexpr const char* kFirst[] = {"Jan", "Pieter", "Kees", "Willem", "Daan", "Sem", "Lucas", "Finn", "Noah", "Bram",
                                  "Emma", "Julia", "Sophie", "Anna", "Tess", "Zoë", "Mila", "Sara", "Fleur", "Lotte",
                                  "Ahmed", "Fatima", "Mohammed", "Yasmina", "Thijs", "Ruben", "Iris", "Anouk", "Eva", "Jesse"};
constexpr const char* kLast[] = {"de Vries", "Jansen", "van den Berg", "Bakker", "van Dijk", "Visser", "Smit",
                                 "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
                                 "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "van der Meer", "van 't Hof",
                                 "El Amrani", "Yılmaz", "Kramer", "van der Linden", "Koster", "Prins", "Huisman", "Verhoeven"};
constexpr const char* kStreets[] = {"Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg",
                                    "Julianastraat", "Beatrixlaan", "Van der Helststraat", "Lange Nieuwstraat",
                                    "Oranjelaan", "Nieuwe Binnenweg", "Koningin Wilhelminaplein"};
constexpr const char* kCities[] = {"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen",
                                   "Zwolle", "Nijmegen", "Haarlem", "Arnhem", "Leeuwarden", "Maastricht", "Tilburg",
                                   "'s-Hertogenbosch", "Alkmaar"};
constexpr const char* kDomains[] = {"gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com", "xs4all.nl",
                                    "live.nl", "yahoo.com", "planet.nl", "icloud.com"};

std::string ascii_local(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::isalpha(c)) out.push_back(static_cast<char>(std::tolower(c)));
    else if (c == 0xC3 && i + 1 < s.size()) {  // ë -> e
      out.push_back('e');
      ++i;
    } else if (c == 0xC4 && i + 1 < s.size()) {  // ı -> i
      out.push_back('i');
      ++i;
    }
  }
  return out;
}

std::string hex(Rng& rng, int n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(static_cast<std::size_t>(n), '0');
  for (auto& c : s) c = kHex[rng.below(16)];
  return s;
}

std::string make_hash(Rng& rng) {
  static constexpr char kB64[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  switch (rng.below(4)) {
    case 0: {
      std::string s = "$2b$12$";
      for (int i = 0; i < 53; ++i) s.push_back(kB64[rng.below(64)]);
      return s;
    }
    case 1: return hex(rng, 32);
    case 2: return hex(rng, 40);
    default: return hex(rng, 64);
  }
}

std::string two(std::uint64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }
}  // namespace

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string compact_postcode(const std::string& postcode) {
  std::string s;
  for (char c : postcode) {
    if (c != ' ') s.push_back(c);
  }
  return s;
}

Person make_person(std::uint64_t seed, std::uint64_t id) {
  Rng rng(seed * 0x100000001B3ull ^ (id + 1) * 0x9E3779B97F4A7C15ull);
  Person p;
  p.id = id;
  p.first = rng.pick(kFirst);
  p.last = rng.pick(kLast);
  p.street = rng.pick(kStreets);
  p.house = std::to_string(1 + rng.below(250)) + (rng.chance(0.1) ? "a" : "");
  p.postcode = make_postcode(rng);
  p.city = rng.pick(kCities);
  p.bsn = make_bsn(rng, rng.chance(0.03));
  if (rng.chance(0.02)) {
    p.bsn = break_check(rng, p.bsn);
    p.bsn_ok = false;
  }
  p.iban = make_iban(rng);
  if (rng.chance(0.01)) {
    p.iban = break_check(rng, p.iban);
    p.iban_ok = false;
  }
  p.email = ascii_local(p.first) + "." + ascii_local(p.last) + std::to_string(id) + "@" + rng.pick(kDomains);
  p.phone = make_phone(rng);
  std::uint64_t y = 1930 + rng.below(75), m = 1 + rng.below(12), d = 1 + rng.below(28);
  p.birth_iso = std::to_string(y) + "-" + two(m) + "-" + two(d);
  switch (rng.below(3)) {
    case 0: p.birth_shown = p.birth_iso; break;
    case 1: p.birth_shown = two(d) + "-" + two(m) + "-" + std::to_string(y); break;
    default: p.birth_shown = two(d) + "/" + two(m) + "/" + std::to_string(y); break;
  }
  if (rng.chance(0.10)) {
    p.card_digits = make_card(rng);
    if (rng.chance(0.01)) {
      p.card_digits = break_check(rng, p.card_digits);
      p.card_ok = luhn_valid(p.card_digits);
    }
    p.card = rng.chance(0.5) && p.card_digits.size() == 16 ? group4(p.card_digits) : p.card_digits;
  }
  p.password_hash = make_hash(rng);
  p.ip = std::to_string(11 + rng.below(180)) + "." + std::to_string(rng.below(256)) + "." +
         std::to_string(rng.below(256)) + "." + std::to_string(1 + rng.below(254));
  return p;
}

void count_record(Truth& truth, const std::string& file, const Person& p, unsigned fields,
                  const std::string& health_term) {
  PersonKeys keys;
  bool pii = false;
  auto add = [&](const char* category, const std::string& value) {
    truth.value(file, category, value);
    pii = true;
  };
  if (fields & kFieldName) add("name", p.first + " " + p.last);
  if (fields & kFieldAddress) add("address", compact_postcode(p.postcode) + " " + p.house);
  if ((fields & kFieldBsn) && p.bsn_ok) {
    add("bsn", p.bsn);
    keys.bsn = p.bsn;
  }
  if ((fields & kFieldIban) && p.iban_ok) add("iban", p.iban);
  if (fields & kFieldEmail) {
    add("email", lower(p.email));
    keys.email = lower(p.email);
  }
  if (fields & kFieldPhone) add("phone", p.phone.normalised);
  if (fields & kFieldBirth) add("birth_date", p.birth_iso);
  if ((fields & kFieldCard) && !p.card.empty() && p.card_ok) add("payment_card", p.card_digits);
  if (fields & kFieldPassword) add("password", p.password_hash);
  if (fields & kFieldIp) add("ip_address", p.ip);
  if (!health_term.empty()) add("health", health_term);
  if ((fields & kFieldName) && (fields & kFieldAddress)) {
    keys.name_address = lower(p.first + " " + p.last) + "|" + compact_postcode(p.postcode) + "|" + p.house;
  }
  truth.record(file, pii, keys);
}

}  // namespace bd::gen
