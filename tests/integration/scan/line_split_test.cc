// One large NDJSON file or free-text log split across threads (scan/input/split.h,
// split_lines.cc): the report equals that of the file scanned whole, for malformed
// and multi-line JSON, keys first seen late, long key paths, CRLF, empty lines,
// multibyte characters and a last line without '\n'; a log is also reported the same
// whatever the read buffer, since its blocks depend on its text alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "corpus.h"
#include "scan/input/input.h"
#include "scan/input/split.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "scan/tokenize/record_handler.h"
#include "split_support.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::expect_same_report;
using testing::repeat;
using testing::report_json;
using testing::TempDir;
using testing::write_file;

std::size_t ndjson_ranges(const std::string& content, int parts) {
  return input::plan_ndjson_ranges(content, parts).starts.size();
}

std::size_t text_ranges(const std::string& content, int parts) {
  return input::plan_text_ranges(content, parts).starts.size();
}

const std::string kKlanten =
    "{\"naam\":\"Zo\xC3\xAB Bakker\",\"bsn\":\"111222333\",\"email\":\"zoe@example.nl\"}\n"
    "{\"naam\":\"Jan \\\"J\\\" de Vries\",\"adres\":{\"postcode\":\"1234 AB\",\"huisnummer\":\"12\"},"
    "\"bsn\":\"123456782\",\"tags\":[\"a\",{\"x\":1}]}\r\n"
    "\n"
    "{\"naam\":\"Piet\",\"notitie\":\"regel\\nBSN: 319072356\",\"iban\":\"NL91ABNA0417164300\"}\n"
    "niet json, bsn 111222333\n"
    "{\"email\":\"kees@example.nl\",\"telefoon\":\"06-12345678\",\"leeg\":null}\r\n";

TEST(ScanNdjsonSplit, RecordsNestingMalformedLinesAndCrlf) {
  std::string ndjson = repeat(kKlanten, 60);
  EXPECT_EQ(ndjson_ranges(ndjson, 4), 4u);
  expect_same_report("klanten.ndjson", ndjson);
  expect_same_report("zonder_regeleinde.ndjson", ndjson + "{\"bsn\":\"111222333\"}");
  expect_same_report("bom.ndjson", "\xEF\xBB\xBF" + ndjson);
  expect_same_report("export.json", ndjson);  // named .json, sniffed as NDJSON
}

TEST(ScanLineSplit, APlanThroughAWindowEqualsThePlanInMemory) {
  // Lines across every window's end, and one line longer than a window.
  std::string ndjson = repeat(kKlanten, 25000) + "{\"notitie\":\"" + repeat("lang ", 800000) + "\"}\n" +
                       repeat(kKlanten, 25000);
  EXPECT_EQ(testing::expect_same_plan_through_a_window(
                ndjson, [](input::PlanBytes& b) { return input::plan_ndjson_ranges(b, 4); }),
            4u);
  std::string log = repeat("2026-12-07 10:00:01 login jan@example.nl BSN: 111222333 ok\n", 100000) +
                    repeat("x", 5u << 20) + "\n" + repeat("regel met Zo\xC3\xAB\n", 300000);
  EXPECT_EQ(testing::expect_same_plan_through_a_window(
                log, [](input::PlanBytes& b) { return input::plan_text_ranges(b, 4); }),
            4u);
}

TEST(ScanNdjsonSplit, KeysFirstSeenLateKeepTheirPlaceAmongTheColumns) {
  std::string ndjson;
  for (int i = 0; i < 400; ++i) {
    ndjson += "{\"k" + std::to_string(i / 50) + "\":\"" + std::to_string(i) + "\",\"bsn\":\"111222333\",\"n" +
              std::to_string(i % 7) + "\":{\"email\":\"a" + std::to_string(i) + "@example.nl\"}}\n";
  }
  expect_same_report("laat.ndjson", ndjson);
}

TEST(ScanNdjsonSplit, OncePerFileProblemsAreReportedOnce) {
  std::string deep = std::string(70, '[') + std::string(70, ']') + "\n";
  std::string rows = repeat("{\"bsn\":\"111222333\",\"email\":\"jan@example.nl\"}\n", 40);
  std::string ndjson = rows + "{oops\n" + deep + rows + "nope\n" + deep + rows + "]\n" + rows;
  EXPECT_EQ(ndjson_ranges(ndjson, 4), 4u);
  expect_same_report("problemen.ndjson", ndjson);
}

TEST(ScanNdjsonSplit, LinesThatLeaveAValueOpenAreNotCut) {
  std::string rows = repeat("{\"bsn\":\"111222333\"}\n", 50);
  // A pretty-printed object, an unterminated string that runs on into the next lines,
  // and a key without a value, whose name prefixes the keys of the next line.
  std::string multi =
      "{\n  \"email\": \"jan@example.nl\",\n  \"adres\": {\n    \"postcode\": \"1234 AB\"\n  }\n}\n";
  std::string open_string = "{\"notitie\":\"open\n" + rows + "\"}\n";
  std::string dangling = "{\"a\"}\n{\"b\":\"x\"}\n";
  expect_same_report("meerregelig.ndjson", rows + repeat(multi, 30) + rows);
  std::string opened = rows + open_string + rows + open_string + rows;
  input::SplitPoints p = input::plan_ndjson_ranges(opened, 2);
  ASSERT_EQ(p.starts.size(), 2u);
  EXPECT_GT(p.starts[1], opened.find("\"}\n"));  // after the string is closed
  expect_same_report("open_string.ndjson", opened);
  expect_same_report("hangende_sleutel.ndjson", rows + repeat(dangling, 40) + rows);
  // A document that is one array over many lines has no cut.
  std::string array = "[\n" + repeat("{\"bsn\":\"111222333\"},\n", 100) + "{}\n]\n";
  EXPECT_EQ(ndjson_ranges(array, 2), 0u);
  expect_same_report("array.ndjson", array);
}

TEST(ScanNdjsonSplit, OneHugeLineHasNoCut) {
  std::string line = "{\"notitie\":\"" + repeat("BSN 111222333 ", 20000) + "\"}\n";
  EXPECT_EQ(ndjson_ranges(line, 2), 0u);
  expect_same_report("een_regel.ndjson", line);
}

TEST(ScanNdjsonSplit, LongKeyPathsAndEscapedKeysArePrimed) {
  std::string k200(200, 'k');
  std::string row = "{\"" + k200 + "\":{\"" + k200 +
                    "\":{\"x.y\":\"111222333\"}},\"q\\\"\\\\\\u0001\":\"a@b.nl\"," + "\"" +
                    std::string(300, 'z') + "\":\"123456782\"}\n";
  std::string rows = repeat("{\"bsn\":\"111222333\"}\n", 30);
  expect_same_report("sleutels.ndjson", row + rows + row + rows);
}

TEST(ScanNdjsonSplit, MoreKeysThanColumnsAreBoundedAlike) {
  std::string ndjson;
  for (int i = 0; i < 5000; ++i) ndjson += "{\"k" + std::to_string(i) + "\":\"111222333\"}\n";
  expect_same_report("veel_sleutels.ndjson", ndjson);
}

TEST(ScanNdjsonSplit, RandomLinesEqualTheWholeScan) {
  const std::vector<std::string> pieces = {"{",
                                           "}",
                                           "[",
                                           "]",
                                           "\"",
                                           "\"bsn\"",
                                           ":",
                                           ",",
                                           "\"111222333\"",
                                           "\"jan@example.nl\"",
                                           "\n",
                                           "\n",
                                           "\r\n",
                                           "null",
                                           "12",
                                           "\\",
                                           "\\u00e9",
                                           "x",
                                           " ",
                                           "{\"a\":",
                                           "\"Zo\xC3\xAB\"",
                                           "\"k\":{\"l\":"};
  int split = testing::expect_random_texts_same_report(
      "r.ndjson", pieces, 20261207, 80, 100, [](int) { return std::string(); },
      [](const std::string& t) { return ndjson_ranges(t, 4); });
  EXPECT_GE(split, 40);  // most rounds are really cut
}

// A log of labelled values, some on the line after their label, with multibyte text,
// CRLF, empty lines and encryption signatures (named once per block).
std::string log_lines(int n) {
  static const std::vector<std::string> lines = {
      "2024-11-03 02:58:11 INFO login jan@example.nl vanaf 10.1.2.3\n",
      "2024-11-03 02:58:12 INFO brief verstuurd, BSN:\n111222333 status verzonden\n",
      "2024-11-03 02:58:13 WARN cliënt Zoë meldt burgerservicenummer 1234.56.782\r\n",
      "\n",
      "2024-11-03 02:58:14 INFO creditcard:\n4111 1111 1111 1111\n",
      "2024-11-03 02:58:15 INFO bijlage -----BEGIN PGP MESSAGE----- ontvangen\n",
      "2024-11-03 02:58:16 INFO geboortedatum\r\n12-03-1980 en notitie: klant heeft diabetes\n",
  };
  std::string out;
  for (int i = 0; i < n; ++i) out += lines[static_cast<std::size_t>(i * 7 + i / 3) % lines.size()];
  return out;
}

TEST(ScanTextSplit, LabelsOnTheLineBeforeAndSignaturesEqualTheWholeScan) {
  std::string log = log_lines(12000);  // about 12 blocks
  EXPECT_EQ(text_ranges(log, 4), 4u);
  expect_same_report("meldingen.log", log);
  expect_same_report("zonder_regeleinde.log", log + "BSN: 111222333");
  expect_same_report("bom.txt", "\xEF\xBB\xBF" + log);
}

TEST(ScanTextSplit, TheReportDoesNotDependOnTheReadBuffer) {
  TempDir d;
  std::string path = d.file("meldingen.log");
  write_file(path, log_lines(6000));
  std::string whole = report_json({path}, 1, 1);
  for (std::size_t buffer : {std::size_t{65537}, std::size_t{100003}, std::size_t{1} << 20}) {
    EXPECT_EQ(report_json({path}, 1, 1, buffer), whole) << buffer;
  }
}

TEST(ScanTextSplit, LongLinesAreCutAlike) {
  // Lines longer than a block: one with spaces, one without, between short ones.
  std::string spaced = repeat("BSN 111222333 en jan@example.nl ", 60000) + "\n";
  std::string solid = repeat("x", 2500000) + "\n";
  std::string log = log_lines(3000) + spaced + log_lines(3000) + solid + log_lines(3000);
  EXPECT_GE(text_ranges(log, 4), 3u);
  expect_same_report("lang.log", log);
  // One huge line without a '\n' has no cut.
  EXPECT_EQ(text_ranges(spaced.substr(0, spaced.size() - 1), 2), 0u);
  expect_same_report("een_regel.log", spaced.substr(0, spaced.size() - 1));
}

TEST(ScanTextSplit, NoCutAfterInvalidUtf8) {
  std::string log = log_lines(4000) + "caf\xE9 BSN: 111222333\n" + log_lines(6000);
  EXPECT_EQ(text_ranges(log, 2), 0u);
  // Into 4: the cut near a quarter stands, the later ones follow the invalid byte.
  EXPECT_EQ(text_ranges(log, 4), 2u);
  expect_same_report("latin.log", log);
}

TEST(ScanLineSplit, GeneratedCorpusFilesEqualTheWholeScan) {
  TempDir d;
  gen::CorpusOptions o;
  o.seed = 77;
  o.persons = 4000;
  o.text_lines = 20000;
  o.trap_rows = 10;
  o.employees = 10;
  o.archives = false;
  gen::generate_corpus(d.path(), o);
  for (const char* name : {"klanten.ndjson", "meldingen.log"}) {
    std::string path = d.file(name);
    SCOPED_TRACE(path);
    std::string whole = report_json({path}, 1, 1);
    EXPECT_EQ(report_json({path}, 2, 64u << 10), whole);
    EXPECT_EQ(report_json({path}, 3, 64u << 10), whole);
  }
}

TEST(ScanLineSplit, NdjsonAndTextMaySplitButAJsonDocumentNot) {
  TempDir d;
  InputOptions o;
  o.threads = 2;
  o.split_min_bytes = 1;
  write_file(d.file("a.ndjson"), kKlanten);
  write_file(d.file("a.log"), log_lines(10));
  write_file(d.file("a.json"), "[" + repeat("{\"bsn\":\"111222333\"},", 10) + "{}]");
  EXPECT_TRUE(input::may_split(d.file("a.ndjson"), kKlanten.size(), o));
  EXPECT_TRUE(input::may_split(d.file("a.log"), 100, o));
  EXPECT_FALSE(input::may_split(d.file("a.json"), 100, o));
}

}  // namespace
}  // namespace bd::scan
