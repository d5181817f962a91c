#include "corpus.h"

#include <cstdio>
#include <stdexcept>

#include "archive_out.h"
#include "people.h"

namespace bd::gen {
namespace {

constexpr const char* kHealth[] = {"diabetes", "depressie", "astma", "kanker", "zwangerschap", "epilepsie",
                                   "hartfalen", "reuma", "burn-out", "dementie"};
constexpr const char* kNotes[] = {"Klant belde over levering", "Adreswijziging doorgegeven", "Factuur per post",
                                  "Voorkeur voor ochtendbezorging", "Nieuwsbrief afgemeld", "Betaling in termijnen",
                                  "Pakket retour ontvangen", ""};

std::string two(std::uint64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string timestamp(Rng& rng) {
  return "2024-" + two(1 + rng.below(12)) + "-" + two(1 + rng.below(28)) + " " + two(rng.below(24)) + ":" +
         two(rng.below(60)) + ":" + two(rng.below(60));
}

std::string uuid(Rng& rng, Truth& truth) {
  static constexpr char kHex[] = "0123456789abcdef";
  bool digits_only = rng.chance(0.02);  // all-digit segments: a card-number trap
  std::string s;
  for (int len : {8, 4, 4, 4, 12}) {
    if (!s.empty()) s.push_back('-');
    for (int i = 0; i < len; ++i) s.push_back(digits_only ? static_cast<char>('0' + rng.below(10)) : kHex[rng.below(16)]);
  }
  if (digits_only && luhn_valid(s.substr(0, 8) + s.substr(9, 4) + s.substr(14, 4))) truth.trap("uuid_digits_passing_luhn");
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

void person_row(Out& out, Truth& truth, const std::string& file, const Person& p, std::uint64_t row, Rng& rng) {
  std::string order = std::to_string(100000000 + rng.below(900000000));
  if (bsn_valid(order)) truth.trap("order_ref_passing_11_check");
  std::string note = rng.pick(kNotes), term;
  if (rng.chance(0.05)) {
    term = rng.pick(kHealth);
    note = "Klant meldt " + term + ", graag rekening mee houden";
  } else if (rng.chance(0.005)) {
    note = "Belde terug,\nwil een \"nieuwe\" pas";  // quoted, multi-line: still one record
  }
  std::string line = std::to_string(row) + "," + csv_field(p.first) + "," + csv_field(p.last) + "," + p.street + "," +
                     p.house + "," + p.postcode + "," + csv_field(p.city) + "," + p.bsn + "," + p.iban + "," +
                     p.email + "," + p.phone.shown + "," + p.birth_shown + "," + p.card + "," + p.password_hash + "," +
                     timestamp(rng) + "," + p.ip + "," + order + "," + std::to_string(rng.below(100000)) + "." +
                     two(rng.below(100)) + "," + uuid(rng, truth) + "," + csv_field(note) + "\n";
  out.put(line);
  count_record(truth, file, p, kFieldAll, term);
}

}  // namespace

Out::Out(const std::string& path) : file_(std::fopen(path.c_str(), "wb")) {
  if (file_ == nullptr) throw std::runtime_error("cannot create " + path);
}

Out::~Out() {
  if (file_ != nullptr) {
    flush();
    std::fclose(file_);
  }
}

void Out::flush() {
  if (file_ != nullptr && !buf_.empty()) {
    if (std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) throw std::runtime_error("write failed");
    buf_.clear();
  }
}

std::uint64_t write_person_csv(Out& out, Truth& truth, const std::string& file, const CorpusOptions& o) {
  Rng rng(o.seed ^ 0xC5F);
  out.put("id,voornaam,achternaam,straat,huisnummer,postcode,woonplaats,bsn,iban,email,telefoon,geboortedatum,"
          "creditcard,password_hash,created_at,ip,order_ref,bedrag,uuid,notitie\n");
  std::uint64_t next_person = 0, row = 1;
  auto more = [&] { return o.csv_bytes > 0 ? out.size() < o.csv_bytes : next_person < o.persons; };
  while (more()) {
    bool repeat = next_person > 10 && rng.chance(0.08);  // the same person again, a new order
    std::uint64_t id = repeat ? rng.below(next_person) : next_person++;
    person_row(out, truth, file, make_person(o.seed, id), row++, rng);
  }
  return next_person;
}

void write_ndjson(Out& out, Truth& truth, const std::string& file, std::uint64_t seed, std::uint64_t first_id,
                  std::uint64_t count) {
  for (std::uint64_t i = 0; i < count; ++i) {
    Person p = make_person(seed, first_id + i);
    out.put("{\"klant_id\":" + std::to_string(p.id) + ",\"naam\":\"" + p.first + " " + p.last + "\",\"email\":\"" +
            p.email + "\",\"telefoon\":\"" + p.phone.shown + "\",\"iban\":\"" + p.iban + "\",\"bsn\":\"" + p.bsn +
            "\",\"adres\":{\"straat\":\"" + p.street + "\",\"huisnummer\":\"" + p.house + "\",\"postcode\":\"" +
            p.postcode + "\",\"plaats\":\"" + p.city + "\"},\"geboortedatum\":\"" + p.birth_iso +
            "\",\"actief\":true,\"tags\":[\"web\",\"nieuwsbrief\"]}\n");
    count_record(truth, file, p,
                 kFieldName | kFieldAddress | kFieldBsn | kFieldIban | kFieldEmail | kFieldPhone | kFieldBirth);
  }
}

void write_text(Out& out, Truth& truth, const std::string& file, std::uint64_t seed, std::uint64_t lines) {
  Rng rng(seed ^ 0x7E47);
  for (std::uint64_t i = 0; i < lines; ++i) {
    Person p = make_person(seed, rng.below(1000000));
    std::string ts = timestamp(rng), line;
    switch (rng.below(10)) {
      case 0:
        line = ts + " INFO login " + p.email + " vanaf " + p.ip;
        truth.value(file, "email", lower(p.email));
        truth.free_text_key("email", lower(p.email));
        truth.value(file, "ip_address", p.ip);
        break;
      case 1:
        line = ts + " INFO betaling van " + group4(p.iban) + " ontvangen";
        if (p.iban_ok) truth.value(file, "iban", p.iban);
        break;
      case 2:
        line = ts + " INFO brief verstuurd, BSN: " + p.bsn + ", status verzonden";
        if (p.bsn_ok) truth.value(file, "bsn", p.bsn);
        if (p.bsn_ok) truth.free_text_key("bsn", p.bsn);
        break;
      case 3:
        line = ts + " WARN burgerservicenummer " + p.bsn.substr(0, 4) + "." + p.bsn.substr(4, 2) + "." +
               p.bsn.substr(6) + " opnieuw gecontroleerd";
        if (p.bsn_ok) truth.value(file, "bsn", p.bsn);
        if (p.bsn_ok) truth.free_text_key("bsn", p.bsn);
        break;
      case 4:
        line = ts + " INFO terugbelverzoek op " + p.phone.shown + " genoteerd";
        truth.value(file, "phone", p.phone.normalised);
        break;
      case 5: {
        std::string order = std::to_string(100000000 + rng.below(900000000));
        if (bsn_valid(order)) truth.trap("text_order_number_passing_11_check");
        line = ts + " INFO bestelling " + order + " verzonden";
        break;
      }
      case 6:
        line = ts + " DEBUG toestel IMEI " + make_imei(rng) + " tijd " + std::to_string(1600000000 + rng.below(99999999));
        truth.trap("imei_luhn_valid");
        break;
      case 7: {
        std::string card = make_card(rng);
        line = ts + " INFO creditcard: " + (card.size() == 16 ? group4(card) : card) + " geautoriseerd";
        truth.value(file, "payment_card", card);
        break;
      }
      case 8: {
        std::string term = rng.pick(kHealth);
        line = ts + " INFO notitie: klant heeft " + term;
        truth.value(file, "health", term);
        break;
      }
      default:
        line = ts + " DEBUG pakket pkg@1.2.3 geladen door user@localhost, build 2024.03.01";
        truth.trap("email_lookalike");
        break;
    }
    out.put(line + "\n");
  }
}

void write_traps(Out& out, Truth& truth, const std::string& file, std::uint64_t seed, std::uint64_t rows) {
  Rng rng(seed ^ 0x7A4);
  out.put("id,ordernummer,factuurnummer,tijdstempel,imei,nummer,uuid,omschrijving\n");
  static constexpr const char* kMojibake[] = {"CafÃ© levering", "CrÃ¨me brÃ»lÃ©e set", "Ã‰Ã©n doos", "PrÃ©sentatie"};
  for (std::uint64_t i = 0; i < rows; ++i) {
    std::string order = std::to_string(100000000 + rng.below(900000000));
    std::string nummer = "6" + digits(rng, 8);  // a 06-number stored as an integer
    if (bsn_valid(order)) truth.trap("trap_order_passing_11_check");
    if (bsn_valid(nummer)) truth.trap("integer_phone_passing_11_check");
    out.put(std::to_string(i + 1) + "," + order + ",2024" + digits(rng, 6) + "," +
            std::to_string(1600000000 + rng.below(99999999)) + "," + make_imei(rng) + "," + nummer + "," +
            uuid(rng, truth) + "," + rng.pick(kMojibake) + "\n");
    truth.record(file, false, {});
  }
}

}  // namespace bd::gen
