// SQL dump writers: MySQL (mysqldump style, multi-row INSERT) and PostgreSQL (pg_dump
// style, COPY ... FROM stdin).
#include "corpus.h"
#include "people.h"

namespace bd::gen {
namespace {

std::string sql_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// BSN columns of type integer lose a leading zero (8 digits), as real dumps do.
std::string bsn_as_int(const std::string& bsn) {
  std::size_t i = bsn.find_first_not_of('0');
  return i == std::string::npos ? "0" : bsn.substr(i);
}

constexpr const char* kMysqlHeader =
    "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    Database: klantdb\n"
    "-- ------------------------------------------------------\n/*!40101 SET NAMES utf8mb4 */;\n\n";

}  // namespace

void write_customer_mysql(Out& out, Truth& truth, const std::string& file, std::uint64_t seed,
                          std::uint64_t first_id, std::uint64_t count) {
  out.put(kMysqlHeader);
  out.put("DROP TABLE IF EXISTS `klanten`;\nCREATE TABLE `klanten` (\n  `id` int NOT NULL,\n"
          "  `voornaam` varchar(64) DEFAULT NULL,\n  `achternaam` varchar(64) DEFAULT NULL,\n"
          "  `email` varchar(255) NOT NULL,\n  `telefoon` varchar(32) DEFAULT NULL,\n  `bsn` char(9) DEFAULT NULL,\n"
          "  `iban` varchar(34) DEFAULT NULL,\n  `straat` varchar(128) DEFAULT NULL,\n  `huisnummer` varchar(8),\n"
          "  `postcode` varchar(7) DEFAULT NULL,\n  `woonplaats` varchar(64) DEFAULT NULL,\n"
          "  `geboortedatum` date DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n"
          "LOCK TABLES `klanten` WRITE;\n");
  for (std::uint64_t i = 0; i < count; ++i) {
    Person p = make_person(seed, first_id + i);
    out.put(i % 100 == 0 ? (i ? ";\nINSERT INTO `klanten` VALUES " : "INSERT INTO `klanten` VALUES ") : ",");
    out.put("(" + std::to_string(p.id) + "," + sql_quote(p.first) + "," + sql_quote(p.last) + "," +
            sql_quote(p.email) + "," + sql_quote(p.phone.shown) + "," + sql_quote(p.bsn) + "," + sql_quote(p.iban) +
            "," + sql_quote(p.street) + "," + sql_quote(p.house) + "," + sql_quote(p.postcode) + "," +
            sql_quote(p.city) + "," + sql_quote(p.birth_iso) + ")");
    count_record(truth, file, p,
                 kFieldName | kFieldAddress | kFieldBsn | kFieldIban | kFieldEmail | kFieldPhone | kFieldBirth);
  }
  out.put(";\nUNLOCK TABLES;\n\n");
  out.put("DROP TABLE IF EXISTS `bestellingen`;\nCREATE TABLE `bestellingen` (\n  `id` int NOT NULL,\n"
          "  `klant_email` varchar(255) NOT NULL,\n  `ordernummer` int NOT NULL,\n  `bedrag` decimal(10,2),\n"
          "  `besteld_op` datetime,\n  PRIMARY KEY (`id`)\n);\n\n");
  Rng rng(seed ^ 0xB0B0);
  for (std::uint64_t i = 0; i < count * 2; ++i) {
    Person p = make_person(seed, first_id + rng.below(count));
    std::string order = std::to_string(100000000 + rng.below(900000000));
    if (bsn_valid(order)) truth.trap("order_number_passing_11_check");
    out.put(i % 200 == 0 ? (i ? ";\nINSERT INTO `bestellingen` (`id`,`klant_email`,`ordernummer`,`bedrag`,`besteld_op`) VALUES "
                              : "INSERT INTO `bestellingen` (`id`,`klant_email`,`ordernummer`,`bedrag`,`besteld_op`) VALUES ")
                         : ",");
    out.put("(" + std::to_string(i + 1) + "," + sql_quote(p.email) + "," + order + "," +
            std::to_string(rng.below(50000)) + "." + std::to_string(10 + rng.below(90)) + ",'2024-0" +
            std::to_string(1 + rng.below(9)) + "-1" + std::to_string(rng.below(10)) + " 12:00:00')");
    count_record(truth, file, p, kFieldEmail);
  }
  out.put(";\n");
}

void write_employee_mysql(Out& out, Truth& truth, const std::string& file, std::uint64_t seed,
                          std::uint64_t first_id, std::uint64_t count) {
  out.put(kMysqlHeader);
  out.put("CREATE TABLE `medewerkers` (\n  `id` int NOT NULL,\n  `voornaam` varchar(64),\n  `achternaam` varchar(64),\n"
          "  `straat` varchar(128),\n  `huisnummer` varchar(8),\n  `postcode` varchar(7),\n  `woonplaats` varchar(64),\n"
          "  `geboortedatum` date,\n  `bsn` int,\n  `iban` varchar(34),\n  PRIMARY KEY (`id`)\n);\n");
  const char* insert =
      "INSERT INTO `medewerkers` (`id`, `voornaam`, `achternaam`, `straat`, `huisnummer`, `postcode`, "
      "`woonplaats`, `geboortedatum`, `bsn`, `iban`) VALUES ";
  for (std::uint64_t i = 0; i < count; ++i) {
    Person p = make_person(seed, first_id + i);
    out.put(i % 50 == 0 ? (i ? std::string(";\n") + insert : std::string(insert)) : std::string(",\n"));
    out.put("(" + std::to_string(i + 1) + "," + sql_quote(p.first) + "," + sql_quote(p.last) + "," +
            sql_quote(p.street) + "," + sql_quote(p.house) + "," + sql_quote(p.postcode) + "," + sql_quote(p.city) +
            "," + sql_quote(p.birth_iso) + "," + bsn_as_int(p.bsn) + "," + sql_quote(p.iban) + ")");
    count_record(truth, file, p, kFieldName | kFieldAddress | kFieldBirth | kFieldBsn | kFieldIban);
  }
  out.put(";\n");
}

void write_employee_pg(Out& out, Truth& truth, const std::string& file, std::uint64_t seed,
                       std::uint64_t first_id, std::uint64_t count) {
  out.put("--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n\n"
          "CREATE TABLE public.medewerkers (\n    id integer NOT NULL,\n    voornaam text,\n    achternaam text,\n"
          "    straat text,\n    huisnummer text,\n    postcode text,\n    woonplaats text,\n"
          "    geboortedatum date,\n    bsn integer,\n    iban text\n);\n\n"
          "COPY public.medewerkers (id, voornaam, achternaam, straat, huisnummer, postcode, woonplaats, "
          "geboortedatum, bsn, iban) FROM stdin;\n");
  Rng rng(seed ^ first_id);
  for (std::uint64_t i = 0; i < count; ++i) {
    Person p = make_person(seed, first_id + i);
    bool no_iban = rng.chance(0.1);
    out.put(std::to_string(i + 1) + "\t" + p.first + "\t" + p.last + "\t" + p.street + "\t" + p.house + "\t" +
            p.postcode + "\t" + p.city + "\t" + p.birth_iso + "\t" + bsn_as_int(p.bsn) + "\t" +
            (no_iban ? "\\N" : p.iban) + "\n");
    count_record(truth, file, p,
                 kFieldName | kFieldAddress | kFieldBirth | kFieldBsn | (no_iban ? 0u : unsigned{kFieldIban}));
  }
  out.put("\\.\n\n--\n-- PostgreSQL database dump complete\n--\n");
}

}  // namespace bd::gen
