// One large SQL dump split across threads (scan/input/split.h, split_sql.cc): the cuts
// fall between statements or on COPY data lines, never in a string, identifier or
// comment, and the report equals that of the dump scanned whole, for MySQL extended
// inserts and PostgreSQL COPY blocks, with or without CREATE TABLE and column lists.
#include <gtest/gtest.h>

#include <random>

#include "corpus.h"
#include "scan/input/input.h"
#include "scan/input/split.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "split_support.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::expect_same_report;
using testing::repeat;
using testing::report_json;
using testing::TempDir;
using testing::write_file;

const std::string kMysqlHead =
    "-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\n"
    "CREATE TABLE `klant;en` (\n  `id` int,\n  `naam` varchar(64),\n  `bsn` char(9),\n  `e``mail` text,\n"
    "  `notitie` text,\n  PRIMARY KEY (`id`)\n);\n";

// Strings hold ';', newlines, both escapes of a quote, comment openers, and lines that
// look like statements; comments and conditional comments lie between statements.
const std::string kMysqlRows =
    "INSERT INTO `klant;en` VALUES (1,'Jan de Vries','111222333','jan@example.nl','a;b\\'c'),"
    "(2,'Piet ''P'' Jansen','123456782','piet@example.nl','regel\nINSERT INTO `nep` VALUES "
    "(9,\\'999999999\\');\n-- x'),"
    "(3,'Kees','319072356','kees@example.nl','/* geen commentaar */ \\\\'),\n"
    "(4,'Anna',NULL,'anna@example.nl',CONCAT('x',\"y;\"));\n"
    "-- commentaar met 'quote\n/* blok ; met\nINSERT INTO `nep` VALUES (8,'888888888');\n*/\n"
    "# hekje 'quote\n/*!40000 ALTER TABLE `klant;en` ENABLE KEYS */;\n"
    "INSERT INTO `klant;en` (`id`,`naam`,`bsn`) VALUES (5,'Zoë \"Z\" "
    "Bakker','111222333'),(6,'x\\\\','123456782');\n";

TEST(ScanSqlSplit, MysqlExtendedInsertsWithTrickyStringsAndComments) {
  std::string dump = kMysqlHead + repeat(kMysqlRows, 40);
  std::vector<std::uint64_t> starts = input::plan_sql_ranges(dump, 4).starts;
  ASSERT_EQ(starts.size(), 4u);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    std::string at = dump.substr(starts[i], 30);
    EXPECT_TRUE(at.starts_with("INSERT INTO `klant;en`") || at.starts_with("-- commentaar") ||
                at.starts_with("# hekje") || at.starts_with("/*!40000"))
        << "cut at " << at;
  }
  expect_same_report("klanten.sql", dump);
}

const std::string kPgHead =
    "--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n"
    "CREATE FUNCTION public.f() RETURNS text AS $$ SELECT 'a;b'; $$ LANGUAGE sql;\n"
    "CREATE TABLE public.personen (\n    id integer,\n    naam text,\n    bsn text,\n    email text\n);\n"
    "CREATE TABLE public.adressen (\n    persoon integer,\n    straat text,\n    postcode text\n);\n";

std::string pg_copy_block(int from, int rows) {
  std::string s = "COPY public.personen (id, naam, bsn, email) FROM stdin;\n";
  for (int i = from; i < from + rows; ++i) {
    s += std::to_string(i) + "\tNaam\\t" + std::to_string(i) + "\t" + (i % 2 ? "111222333" : "\\N") + "\tp" +
         std::to_string(i) + "@example.nl\n";
  }
  s += "\\.\n\nCOPY public.adressen (persoon, straat, postcode) FROM stdin;\n";
  for (int i = from; i < from + rows; ++i)
    s += std::to_string(i) + "\tDorpsstraat " + std::to_string(i) + "\t1234 AB\n";
  return s + "\\.\n\n";
}

TEST(ScanSqlSplit, APlanThroughAWindowEqualsThePlanInMemory) {
  // Statements across every window's end, and one string longer than a window.
  std::string dump = kMysqlHead + repeat(kMysqlRows, 8000) + "INSERT INTO `klant;en` VALUES (7,'" +
                     repeat("lang;\n", 700000) + "');\n" + repeat(kMysqlRows, 8000);
  for (int parts : {2, 5}) {
    EXPECT_EQ(testing::expect_same_plan_through_a_window(
                  dump, [&](input::PlanBytes& b) { return input::plan_sql_ranges(b, parts); }),
              static_cast<std::size_t>(parts));
  }
}

TEST(ScanSqlSplit, PostgresCopyBlocksOfSeveralTables) {
  std::string dump = kPgHead;
  for (int b = 0; b < 6; ++b) dump += pg_copy_block(b * 50, 50);
  dump += "INSERT INTO public.personen VALUES (999, 'O''Brien \\', '123456782', 'ob@example.nl');\n";
  expect_same_report("dump.pgsql", dump);
}

TEST(ScanSqlSplit, ACutInsideOneCopyBlockIsPrimedWithItsHead) {
  std::string dump = kPgHead + pg_copy_block(0, 2000);
  input::SplitPoints p = input::plan_sql_ranges(dump, 2);
  ASSERT_EQ(p.starts.size(), 2u);
  EXPECT_NE(p.primes[1].find("COPY public.personen (id, naam, bsn, email) FROM stdin;\n"), std::string::npos);
  EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(dump[p.starts[1]])));
  expect_same_report("copy.pgsql", dump);
}

TEST(ScanSqlSplit, ADumpWithoutACutPointIsReadWhole) {
  // One INSERT on one line, and an unterminated string after the first statement.
  std::string one =
      "INSERT INTO t VALUES " + repeat("(1,'jan@example.nl','111222333'),", 300) + "(2,'x','y');\n";
  EXPECT_EQ(input::plan_sql_ranges(one, 2).starts.size(), 0u);
  expect_same_report("een.sql", one);
  std::string open = "INSERT INTO t VALUES (1,'a');\nINSERT INTO t VALUES (2,'open\n" +
                     repeat("INSERT INTO t VALUES (3,111222333);\n", 200);
  EXPECT_EQ(input::plan_sql_ranges(open, 2).starts.size(), 0u);
  expect_same_report("open.sql", open);
}

TEST(ScanSqlSplit, ColumnsNamedGrownAndRenamedAcrossRanges) {
  // No schema, no column list: "#n" columns; more values than names; a later column
  // list names the "#n" columns; a table seen only in the first range.
  std::string dump = "INSERT INTO eerst VALUES ('jan@example.nl');\n";
  dump += repeat("INSERT INTO t VALUES (1,'Jan','111222333');\n", 60);
  dump += "CREATE TABLE s (naam text, bsn text);\n";
  dump += repeat("INSERT INTO s VALUES ('Piet','123456782','piet@example.nl','06-12345678');\n", 60);
  dump += repeat("INSERT INTO t (id,naam,bsn) VALUES (2,'Kees','319072356');\n", 60);
  dump += repeat("INSERT INTO s VALUES ('Anna','111222333');\n", 60);
  expect_same_report("kolommen.sql", dump);
}

TEST(ScanSqlSplit, MysqlBackslashesAfterAPostgresCopyAreLiteral) {
  // COPY (and standard_conforming_strings) turn off backslash escapes: a "\'" in a
  // later INSERT ends the string. The later ranges must know.
  std::string dump =
      "COPY t (a) FROM stdin;\nx\n\\.\n" +
      repeat("INSERT INTO u VALUES ('a\\', 'jan@example.nl');\nINSERT INTO u VALUES ('b');\n", 80);
  expect_same_report("standaard.sql", dump);
}

TEST(ScanSqlSplit, RandomDumpsEqualTheWholeScan) {
  const std::vector<std::string> pieces = {"INSERT INTO t VALUES (",
                                           "INSERT INTO `u` (`a`,`b`) VALUES (",
                                           "),(",
                                           ");\n",
                                           ")",
                                           "(",
                                           ",",
                                           "'",
                                           "''",
                                           "\\",
                                           "\\'",
                                           "\"",
                                           "`",
                                           "\n",
                                           "\n",
                                           ";",
                                           ";\n",
                                           "-- c\n",
                                           "--",
                                           "/*",
                                           "*/",
                                           "#",
                                           "jan@example.nl",
                                           "111222333",
                                           "Jan de Vries",
                                           "NULL",
                                           "COPY t (x, y) FROM stdin;\n",
                                           "\t",
                                           "\\.\n",
                                           "\\N",
                                           "CREATE TABLE v (p text, q text);\n",
                                           "INSERT INTO v VALUES (",
                                           "SET standard_conforming_strings = on;\n",
                                           " "};
  int split = testing::expect_random_texts_same_report(
      "r.sql", pieces, 20261207, 120, 50, [](int) { return std::string(); },
      [](const std::string& t) { return input::plan_sql_ranges(t, 4).starts.size(); });
  EXPECT_GE(split, 30);  // many rounds are really cut
}

TEST(ScanSqlSplit, GeneratedDumpsEqualTheWholeScan) {
  gen::Truth truth;
  gen::Out mysql, employees, pg;
  gen::write_customer_mysql(mysql, truth, "klanten.sql", 7, 0, 3000);
  gen::write_employee_mysql(employees, truth, "medewerkers.sql", 7, 1000, 3000);
  gen::write_employee_pg(pg, truth, "medewerkers.pgsql", 7, 5000, 3000);
  TempDir d;
  for (auto [name, out] :
       {std::pair{"klanten.sql", &mysql}, {"medewerkers.sql", &employees}, {"medewerkers.pgsql", &pg}}) {
    SCOPED_TRACE(name);
    std::string path = d.file(name);
    write_file(path, out->memory());
    std::string whole = report_json({path}, 1, 1);
    EXPECT_EQ(report_json({path}, 2, 64u << 10), whole);
    EXPECT_EQ(report_json({path}, 3, 64u << 10), whole);
    EXPECT_GE(input::plan_sql_ranges(out->memory(), 3).starts.size(), 3u);
  }
}

TEST(ScanSqlSplit, ADumpIsCutOnlyWhereTheBytesBeforeAreValidUtf8) {
  std::string latin = repeat("INSERT INTO t VALUES ('Ren\xE9','111222333');\n", 100);
  EXPECT_EQ(input::plan_sql_ranges(latin, 2).starts.size(), 0u);
  expect_same_report("latin.sql", latin);
  // Invalid UTF-8 in the third quarter: the cuts before it stand, the plan ends there,
  // and the last range switches to Windows-1252 where the whole file's decoder does.
  std::string utf8 = repeat("INSERT INTO t VALUES ('Zo\xC3\xAB','111222333');\n", 100);
  std::string mixed = utf8 + utf8 + latin + utf8;
  int watched = 0;
  input::PlanBytes bytes(mixed);
  input::SplitPoints p = input::plan_sql_ranges(bytes, 8, [&](const input::SplitPoints& so_far) {
    ++watched;
    EXPECT_EQ(so_far.starts.size(), static_cast<std::size_t>(watched) + 1);
    EXPECT_EQ(so_far.primes.size(), so_far.starts.size());
    EXPECT_EQ(so_far.encodings.size(), so_far.starts.size());
  });
  ASSERT_GE(p.starts.size(), 4u);
  EXPECT_LT(p.starts.size(), 8u);
  EXPECT_EQ(static_cast<std::size_t>(watched) + 1, p.starts.size());
  EXPECT_LE(p.starts.back(), mixed.find('\xE9'));
  expect_same_report("mixed.sql", mixed);
}

}  // namespace
}  // namespace bd::scan
