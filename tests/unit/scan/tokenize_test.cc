#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/sql_head.h"

namespace bd::scan::tokenize {
namespace {

// Records what a tokenizer reports, as "table|col=value;col=value" lines.
class Recorder final : public RecordHandler {
 public:
  void on_table(std::string_view table, const std::vector<std::string>& columns) override {
    table_ = std::string(table);
    columns_ = columns;
  }
  std::size_t column_for_key(std::string_view key) override {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == key) return i;
    }
    columns_.emplace_back(key);
    return columns_.size() - 1;
  }
  void on_field(std::size_t column, std::string_view value) override {
    std::string name = column < columns_.size() ? columns_[column] : "#" + std::to_string(column);
    current_ += (current_.empty() ? "" : ";") + name + "=" + std::string(value);
  }
  void on_record_end() override {
    records.push_back(table_ + "|" + current_);
    current_.clear();
  }
  void on_text(std::string_view text) override { texts += std::string(text); }
  void on_problem(std::string_view reason) override { problems.emplace_back(reason); }

  std::vector<std::string> records;
  std::string texts;
  std::vector<std::string> problems;

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::string current_;
};

Recorder run(Format format, const std::string& data, std::size_t chunk) {
  Recorder rec;
  auto tok = make_tokenizer(format, rec);
  for (std::size_t i = 0; i < data.size(); i += chunk) tok->feed(std::string_view(data).substr(i, chunk));
  tok->finish();
  return rec;
}

// `text` fed whole and in chunks of `chunk` bytes: the same records, texts and
// problems. The tokenizers' fast paths take what lies inside one chunk; fed a byte at a
// time, everything goes through the byte-wise states.
void expect_same_events_in_chunks(Format format, const std::string& text, std::size_t chunk) {
  Recorder whole = run(format, text, text.size());
  Recorder parts = run(format, text, chunk);
  ASSERT_EQ(parts.records, whole.records) << chunk << " " << text;
  ASSERT_EQ(parts.texts, whole.texts) << chunk << " " << text;
  ASSERT_EQ(parts.problems, whole.problems) << chunk << " " << text;
}

void expect_same_at_every_boundary(Format format, const std::string& data, const std::vector<std::string>& want) {
  for (std::size_t chunk = 1; chunk <= data.size(); ++chunk) {
    Recorder rec = run(format, data, chunk);
    ASSERT_EQ(rec.records, want) << "chunk size " << chunk;
  }
}

TEST(ScanTokenizeCsv, QuotedMultiLineRowCountsOnce) {
  std::string csv = "naam;email\r\n\"Jansen; Jan\";\"jan@example.nl\"\r\n\"multi\nline \"\"quoted\"\"\";x\n\nlast;y";
  expect_same_at_every_boundary(Format::kCsv, csv,
                                {"|naam=Jansen; Jan;email=jan@example.nl", "|naam=multi\nline \"quoted\";email=x",
                                 "|naam=last;email=y"});
}

// Excel's "sep=;" first line names the delimiter (here against the commas that would
// win the count) and is no record; the header is the line after it. Without it, or
// with a line that only starts like it, the first line is read as before.
TEST(ScanTokenizeCsv, ExcelSeparatorLineNamesTheDelimiter) {
  expect_same_at_every_boundary(Format::kCsv, "sep=;\r\nnaam;notitie\r\nJan;a, b, c\r\n",
                                {"|naam=Jan;notitie=a, b, c"});
  expect_same_at_every_boundary(Format::kCsv, "SEP=|\nnaam|email\nPiet|p@x.nl\n",
                                {"|naam=Piet;email=p@x.nl"});
  expect_same_at_every_boundary(Format::kCsv, "sep=;x\nnaam;email\nJan;j@x.nl\n",
                                {"|sep==naam;x=email", "|sep==Jan;x=j@x.nl"});
  EXPECT_EQ(tokenize::excel_separator("sep=\t\r"), '\t');
  EXPECT_EQ(tokenize::excel_separator("sep="), 0);
  EXPECT_EQ(tokenize::excel_separator("sep=\"\""), 0);
}

// pg_dump -Ft and -Fd write each table's rows as COPY text, tab-separated, ending in a
// line "\."; that line is no record. In a CSV, or beside other fields, it is a value.
TEST(ScanTokenizeCsv, CopyEndMarkerEndsTabSeparatedData) {
  expect_same_at_every_boundary(Format::kTsv, "1\tJan\tjan@x.nl\n2\tPiet\t\\N\n\\.\n\n",
                                {"|#0=1;#1=Jan;#2=jan@x.nl", "|#0=2;#1=Piet;#2=\\N"});
  expect_same_at_every_boundary(Format::kTsv, "1\tb\n\\.\tx\n", {"|#0=1;#1=b", "|#0=\\.;#1=x"});
  expect_same_at_every_boundary(Format::kCsv, "naam,email\n\\.\n", {"|naam=\\."});
}

// The CSV tokenizer hands a record that lies inside one chunk out whole; fed a byte at
// a time, the same text goes field by field. Random CSV-ish texts (quotes, doubled
// quotes, text after a closing quote, CRLF, blank lines, empty fields) report the same
// either way.
TEST(ScanTokenizeCsv, WholeRecordsMatchFieldByField) {
  const std::vector<std::string> pieces = {"a",
                                           "Jan",
                                           "12",
                                           ",",
                                           ",",
                                           ",",
                                           "\n",
                                           "\r\n",
                                           "\"q\"",
                                           "\"q,\nr\"",
                                           "\"d\"\"q\"",
                                           "\"c\"x",
                                           " ",
                                           "\r",
                                           "\"\"",
                                           "\n\n",
                                           std::string(70, 'w'),
                                           std::string(300, ',')};  // wider than a record held whole
  std::mt19937 rng(20261207);
  for (int round = 0; round < 1500; ++round) {
    std::string text = "naam,email,x\n";
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2} + rng() % 40}) {
      ASSERT_NO_FATAL_FAILURE(expect_same_events_in_chunks(Format::kCsv, text, chunk));
    }
  }
}

TEST(ScanTokenizeCsv, HeaderlessFileKeepsFirstRow) {
  expect_same_at_every_boundary(Format::kCsv, "Jan,06-12345678\nPiet,06-87654321\n",
                                {"|#0=Jan;#1=06-12345678", "|#0=Piet;#1=06-87654321"});
}

TEST(ScanTokenizeCsv, UnterminatedQuoteIsReported) {
  Recorder rec = run(Format::kCsv, "a,b\n1,\"open", 3);
  EXPECT_EQ(rec.records.size(), 1u);
  EXPECT_FALSE(rec.problems.empty());
}

TEST(ScanTokenizeSql, MysqlMultiRowInsertWithCreateTable) {
  std::string sql =
      "-- MySQL dump\n/*!40101 SET NAMES utf8 */;\n"
      "CREATE TABLE `klanten` (\n  `id` int NOT NULL,\n  `naam` varchar(50) DEFAULT NULL,\n"
      "  `bsn` char(9),\n  PRIMARY KEY (`id`),\n  KEY `idx` (`naam`)\n) ENGINE=InnoDB;\n"
      "INSERT INTO `klanten` VALUES (1,'O\\'Brien, J.','111222333'),(2,'it''s',NULL);\n"
      "INSERT INTO orders (id, note) VALUES (7, 'a;b(c)');\n";
  expect_same_at_every_boundary(Format::kSql, sql,
                                {"klanten|id=1;naam=O'Brien, J.;bsn=111222333", "klanten|id=2;naam=it's;bsn=NULL",
                                 "orders|id=7;note=a;b(c)"});
}

// The SQL tokenizer reads runs of quoted values off its quote masks and other values
// from the chunk; fed a byte at a time, every value goes through the byte-level steps.
// Random INSERT statements (quoted values short and across 64-byte blocks, doubled
// quotes, backslash escapes, numbers, NULL, casts, blanks) report the same either way.
TEST(ScanTokenizeSql, WholeValuesMatchTheByteWiseSteps) {
  const std::vector<std::string> values = {"'a'",
                                           "'Jan'",
                                           "''",
                                           "'jan@example.nl'",
                                           "'" + std::string(70, 'w') + "'",
                                           "'" + std::string(130, 'v') + "'",
                                           "'it''s'",
                                           "'back\\'slash'",
                                           "'new\\nline'",
                                           "12",
                                           "-4.5",
                                           "NULL",
                                           "'x' ",
                                           " 'y'",
                                           "_binary 'z'",
                                           "CAST('1' AS CHAR)",
                                           "'open, (paren'",
                                           "',lead'",
                                           "')x'",
                                           "'" + std::string(61, 'u') + "'",
                                           "_binary 'a)b,c('",
                                           "_utf8mb4'(q'",
                                           "X'2C29'",
                                           "CAST('x,y' AS CHAR)",
                                           "CONCAT('it''s', ')')",
                                           "N'back\\'slash)'"};
  std::mt19937 rng(20261207);
  for (int round = 0; round < 800; ++round) {
    std::string text = "CREATE TABLE `t` (`a` int, `b` text, `c` text);\nINSERT INTO `t` VALUES ";
    const int tuples = 1 + static_cast<int>(rng() % 6);
    for (int t = 0; t < tuples; ++t) {
      text += t == 0 ? "(" : ",(";
      const int n = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < n; ++k) text += (k == 0 ? "" : ",") + values[rng() % values.size()];
      text += ")";
    }
    text += ";\n";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2} + rng() % 100}) {
      ASSERT_NO_FATAL_FAILURE(expect_same_events_in_chunks(Format::kSql, text, chunk));
    }
  }
}

// mysqldump writes a BLOB as _binary '...' (any byte escaped, ')' and ',' among them),
// and values may be expressions with strings in them: a string after an introducer is
// the value; one inside an expression is part of it, and neither ends the tuple.
TEST(ScanTokenizeSql, IntroducedStringsAndStringsInExpressions) {
  std::string sql =
      "CREATE TABLE `d` (`id` int, `doc` longblob, `expr` text, `naam` text);\n"
      "INSERT INTO `d` VALUES (1,_binary 'a),(b\\'c',CAST('x,y' AS CHAR),N'Jan'),"
      "(2,_utf8mb4 'jan@example.nl',CONCAT('it''s',')'),X'4A616E');\n";
  expect_same_at_every_boundary(Format::kSql, sql,
                                {"d|id=1;doc=a),(b'c;expr=CAST('x,y' AS CHAR);naam=Jan",
                                 "d|id=2;doc=jan@example.nl;expr=CONCAT('it''s',')');naam=4A616E"});
}

TEST(ScanTokenizeSql, PostgresCopyAndStandardStrings) {
  std::string sql =
      "SET standard_conforming_strings = on;\n"
      "COPY public.klanten (id, naam, email) FROM stdin;\n"
      "1\tJan\\tJansen\tjan@example.nl\n2\t\\N\tpiet@example.nl\n\\.\n"
      "INSERT INTO public.notes VALUES (1, 'C:\\path');\n";
  expect_same_at_every_boundary(Format::kSql, sql,
                                {"klanten|id=1;naam=Jan\tJansen;email=jan@example.nl",
                                 "klanten|id=2;naam=\\N;email=piet@example.nl", "notes|#0=1;#1=C:\\path"});
}

TEST(ScanTokenizeSql, HeadParsing) {
  SqlHead h = parse_insert_or_copy_head("INSERT IGNORE INTO `db`.`t` (`a`, \"b\") VALUES");
  EXPECT_EQ(h.table, "t");
  EXPECT_EQ(h.columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(parse_create_table_name("CREATE TABLE IF NOT EXISTS public.people"), "people");
  EXPECT_EQ(parse_create_columns("id int, naam text, CONSTRAINT pk PRIMARY KEY (id)"),
            (std::vector<std::string>{"id", "naam"}));
}

TEST(ScanTokenizeJson, NdjsonObjectsAreRecordsWithNestedKeys) {
  std::string nd = "{\"naam\":\"Jan\",\"adres\":{\"postcode\":\"1234 AB\"},\"tags\":[\"a\",\"b\"]}\n"
                   "{\"naam\":\"Z\\u00f6e \\\"Q\\\"\",\"n\":12,\"x\":null,\"ok\":true}\n";
  expect_same_at_every_boundary(Format::kNdjson, nd,
                                {"|naam=Jan;adres.postcode=1234 AB;tags=a;tags=b",
                                 "|naam=Z\xC3\xB6" "e \"Q\";n=12;ok=true"});
}

TEST(ScanTokenizeJson, DocumentArrayElementsAreRecords) {
  std::string doc = "{\"export\":\"x\",\"klanten\":[{\"email\":\"a@b.nl\",\"orders\":[{\"id\":1}]},{\"email\":\"c@d.nl\"}]}";
  expect_same_at_every_boundary(Format::kJson, doc,
                                {"|export=x;klanten.email=a@b.nl;klanten.orders.id=1", "|klanten.email=c@d.nl"});
}

// Rows: arrays that are records. Their values are named by place, or by a document's
// first row when it is a header (strings that look like names); null keeps its place,
// a nested value takes one.
TEST(ScanTokenizeJson, ArraysThatAreRecordsNameTheirValuesByPlace) {
  expect_same_at_every_boundary(Format::kJson,
                                "[[\"naam\",\"email\",\"bsn\"],[\"Jan\",\"jan@example.nl\",\"111222333\"],["
                                "\"Piet\",null,\"123456782\"]]",
                                {"|naam=Jan;email=jan@example.nl;bsn=111222333", "|naam=Piet;bsn=123456782"});
  expect_same_at_every_boundary(Format::kJson, "{\"rows\":[[1,\"x\"],[2,[3],\"y\"]]}",
                                {"|rows.#1=1;rows.#2=x", "|rows.#1=2;rows=3;rows.#3=y"});
  expect_same_at_every_boundary(Format::kJson, "[[\"jan@example.nl\",\"x\"],[\"piet@example.nl\",\"y\"]]",
                                {"|#1=jan@example.nl;#2=x", "|#1=piet@example.nl;#2=y"});
  expect_same_at_every_boundary(Format::kNdjson, "[\"Jan\",\"jan@example.nl\"]\n[\"naam\",\"email\"]\n",
                                {"|#1=Jan;#2=jan@example.nl", "|#1=naam;#2=email"});
  Recorder cut = run(Format::kJson, "[[\"a@b.nl\",\"x\"", 3);  // ends inside its first row
  EXPECT_EQ(cut.records, std::vector<std::string>{"|#1=a@b.nl;#2=x"});
  EXPECT_FALSE(cut.problems.empty());
}

TEST(ScanTokenizeJson, DeepNestingAndGarbageAreBounded) {
  std::string deep(10000, '[');
  Recorder rec = run(Format::kJson, deep + "1" + std::string(10000, ']'), 100);
  EXPECT_FALSE(rec.problems.empty());
  Recorder bad = run(Format::kNdjson, "{\"a\":1}\n{oops}\n{\"b\":2}\n", 4);
  EXPECT_EQ(bad.records.size(), 3u);
  EXPECT_FALSE(bad.problems.empty());
}

// Strings and scalars that end inside a chunk are taken whole from it; fed a byte at a
// time, the same text goes through the byte-wise states. Random JSON-ish texts (valid
// or not, with escapes, long strings and long scalars) report the same either way.
TEST(ScanTokenizeJson, WholeTokensMatchTheByteWiseStates) {
  const std::vector<std::string> pieces = {
      "{", "}", "[", "]", ":", ",", " ", "\n", "\"naam\"", "\"adres\"", "\"Jan de Vries\"",
      "\"esc\\\"aped\\\\\"", "\"\\u00e9\\n\"", "null", "true", "-12.5e3", "0612345678", std::string(100, '7'),
      "\"" + std::string(300, 'k') + "\"", "x", "\"open", "{\"a\":1}\n", "{\"a\":{\"b\":\"c\"}}\n",
      // members written tight, as most NDJSON is
      "\"k\":\"v\",", "\"n\":-1.5e3,", "\"t\":true", "\"e\":\"\"", "\"l\":" + std::string(70, '9') + ",",
      "\"s\":\"a\\\"b\",", "\"x\":nope,",
      "{\"a\":\"b\",\"c\":2,\"d\":{\"e\":\"f\"},\"g\":null,\"h\":[1,\"i\"]}\n"};
  std::mt19937 rng(20261207);
  for (Format format : {Format::kNdjson, Format::kJson}) {
    for (int round = 0; round < 400; ++round) {
      std::string text;
      const int n = 1 + static_cast<int>(rng() % 40);
      for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
      for (std::size_t chunk : {std::size_t{1}, std::size_t{1} + rng() % 64}) {
        ASSERT_NO_FATAL_FAILURE(expect_same_events_in_chunks(format, text, chunk));
      }
    }
    // A value longer than a field goes out as text pieces and its last piece.
    const std::string big = "{\"a\":\"" + std::string(2 * kMaxField + 10, 'x') + "\",\"b\":1}\n";
    Recorder whole = run(format, big, big.size());
    Recorder parts = run(format, big, 65536);
    EXPECT_EQ(parts.records, whole.records);
    EXPECT_EQ(parts.texts, whole.texts);
    EXPECT_EQ(whole.texts.size(), 2 * kMaxField);
  }
}

TEST(ScanTokenizeText, LongLinesAreCutNotBuffered) {
  std::string line(3 * kMaxField, 'a');
  Recorder rec = run(Format::kText, line + "\nshort\n", 1 << 16);
  EXPECT_EQ(rec.texts.size(), line.size() + 7);
  EXPECT_TRUE(rec.records.empty());
}

// An XML export: records are the repeated elements (here below a wrapper and after a
// header block), fields their descendants' text and attributes by path; entities,
// CDATA, comments and namespaces; text outside records is free text. The same at every
// chunk boundary.
// vCards: a record per card, properties under the column names the rules know;
// folded lines, 2.1 quoted-printable with soft breaks and Latin-1, escapes and
// structured values read; photos not; the same wherever the chunks end.
// HTML: a table's rows are records under its header row, cells unclosed as HTML
// allows, entities decoded and white space collapsed; scripts, styles and comments
// not read; a nested table is its cell's text, a row of one cell across the table is
// text; the same wherever the chunks end.
TEST(ScanTokenizeHtml, TableRowsAreRecordsAtEveryBoundary) {
  const std::string html =
      "<!DOCTYPE html><html><head><style>td{color:red}</style><script>x=\"<td>1</td>\";</script></head>"
      "<body><h1>Cli&euml;nten</h1><p>Door: piet@example.nl</p><!-- <tr><td>verborgen</td></tr> -->\n"
      "<table class=\"x>y\"><thead><tr><th>Naam</th><th>BSN</th></tr></thead>\n"
      "<tr><td>Jan&nbsp;de\n   Vries</td><td>111222333\n<tr><TD>Zo&#235; "
      "<b>Bakker</b><TD>123456782</TD></TR>\n"
      "<tr><td colspan=2>Totaal 2</td></tr><tr><td>A<table><tr><td>b</td></tr></table></td><td></td></tr>"
      "</table><p>Bel 06-12345678</p></body></html>";
  expect_same_at_every_boundary(
      Format::kHtml, html,
      {"|Naam=Jan de Vries;BSN=111222333", "|Naam=Zo\xC3\xAB Bakker;BSN=123456782", "|Naam=A b;BSN="});
  Recorder rec = run(Format::kHtml, html, 5);
  EXPECT_EQ(rec.texts, "Cli\xC3\xABnten Door: piet@example.nl Totaal 2Bel 06-12345678");
  EXPECT_TRUE(rec.problems.empty());
}

TEST(ScanTokenizeHtml, ATableWithoutHeaderAndAnUnclosedOne) {
  Recorder rec = run(Format::kHtml, "<table><tr><td>111222333<td>jan@example.nl<tr><td>123456782<td>x", 3);
  EXPECT_EQ(rec.records, (std::vector<std::string>{"|#0=111222333;#1=jan@example.nl", "|#0=123456782;#1=x"}));
}

TEST(ScanTokenizeVcard, CardsAreRecordsAtEveryBoundary) {
  const std::string vcf =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vries;Jan;de;Dhr.;\r\nFN:Jan de "
      "Vries\r\nitem1.EMAIL;TYPE=INTERNET:jan@exa\r\n"
      " mple.nl\r\nTEL;TYPE=CELL:06-12345678\r\nADR;TYPE=HOME:;;Dorpsstraat 1;Utrecht;;1234 AB;Nederland\r\n"
      "BDAY:19800203\r\nNOTE:Belt terug\\, zegt: "
      "\\\"ja\\\"\\nmorgen\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\n SkZJRg==\r\n"
      "END:VCARD\r\nBEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Bakker;Zo=EB;;;"
      "\n"
      "NOTE;ENCODING=QUOTED-PRINTABLE:regel 1=0D=0A=\nregel 2\nBDAY:--0203\nEND:VCARD\nstray text\n";
  expect_same_at_every_boundary(
      Format::kVcard, vcf,
      {"|naam=Jan de Vries;email=jan@example.nl;telefoon=06-12345678;straat=Dorpsstraat 1;woonplaats=Utrecht;"
       "postcode=1234 AB;geboortedatum=1980-02-03;notitie=Belt terug, zegt: \"ja\" morgen",
       "|notitie=regel 1  regel 2;naam=Zo\xC3\xAB Bakker"});
  Recorder rec = run(Format::kVcard, vcf, 7);
  EXPECT_EQ(rec.texts, "stray text");
  EXPECT_TRUE(rec.problems.empty());
}

TEST(ScanTokenizeVcard, AFileCutInsideACardStillCountsIt) {
  Recorder rec = run(Format::kVcard, "BEGIN:VCARD\nFN:Piet\nEMAIL:piet@example.nl", 5);
  EXPECT_EQ(rec.records, (std::vector<std::string>{"|naam=Piet;email=piet@example.nl"}));
  EXPECT_EQ(rec.problems, (std::vector<std::string>{"vCard file ends inside a card"}));
}

TEST(ScanTokenizeXml, RepeatedElementsAreRecordsAtEveryBoundary) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE export>\n"
      "<export xmlns:k=\"urn:klant\">\n  <header><datum>2026-12-07</datum><bron>ECD</bron></header>\n"
      "  <k:klanten>\n"
      "    <k:klant id=\"1\">\n      <naam>Jan &amp; Piet</naam>\n      <bsn>111222333</bsn>\n"
      "      <adres soort=\"post\"><postcode>1234 AB</postcode><huisnummer>5</huisnummer></adres>\n"
      "      <!-- a > b -->\n      <notitie><![CDATA[<b>belt</b> & mailt]]></notitie>\n    </k:klant>\n"
      "    <k:klant id=\"2\"><naam>Zo&#235;</naam><bsn/><email>zoe@example.nl</email></k:klant>\n"
      "  </k:klanten>\n</export>\n";
  expect_same_at_every_boundary(
      Format::kXml, xml,
      {"|id=1;naam=Jan & Piet;bsn=111222333;adres.soort=post;adres.postcode=1234 AB;adres.huisnummer=5;"
       "notitie=<b>belt</b> & mailt",
       "|id=2;naam=Zoë;email=zoe@example.nl"});
  Recorder rec = run(Format::kXml, xml, xml.size());
  EXPECT_EQ(rec.texts, "2026-12-07ECD");
  EXPECT_TRUE(rec.problems.empty());
}

// Nothing repeats: a document of one record is that record; under a wrapper, the
// root's children with structure are. A document cut short says so.
TEST(ScanTokenizeXml, WithoutRepeatsTheRootOrItsChildrenAreRecords) {
  Recorder rec = run(Format::kXml, "<klant><naam>Jan</naam><bsn>111222333</bsn></klant>", 5);
  EXPECT_EQ(rec.records, (std::vector<std::string>{"|naam=Jan;bsn=111222333"}));
  Recorder wrapped =
      run(Format::kXml, "<export><datum>1-1</datum><klant><naam>Jan</naam></klant></export>", 4);
  EXPECT_EQ(wrapped.records, (std::vector<std::string>{"|naam=Jan"}));
  EXPECT_EQ(wrapped.texts, "1-1");
  Recorder cut = run(Format::kXml, "<a><b><c>x</c><c>y</c></b><b><c>z", 3);
  EXPECT_EQ(cut.records, (std::vector<std::string>{"|c=x;c=y", "|c=z"}));
  EXPECT_EQ(cut.problems, (std::vector<std::string>{"XML document ends inside an element"}));
}

// Hostile input: a tag longer than a megabyte is dropped and reported, the records after
// it are read; a long CDATA section is text in pieces; deep nesting costs nothing.
TEST(ScanTokenizeXml, OverlongTagsAndDeepNestingAreSafe) {
  std::string xml = "<r><k><n>a</n></k><k><n>b</n></k><x attr=\"" + std::string(1100000, 'q') + "\"/>";
  xml += "<k><n>";
  for (int i = 0; i < 2000; ++i) xml += "&lt;";
  xml += "</n></k>";
  xml += "<k><![CDATA[" + std::string(1500000, 'z') + "]]></k>";
  for (int i = 0; i < 5000; ++i) xml += "<d>";
  xml += "deep";
  for (int i = 0; i < 5000; ++i) xml += "</d>";
  xml += "<k><n>c</n></k></r>";
  Recorder rec = run(Format::kXml, xml, 4096);
  ASSERT_GE(rec.records.size(), 4u);
  EXPECT_EQ(rec.records[0], "|n=a");
  EXPECT_EQ(rec.records[1], "|n=b");
  EXPECT_EQ(rec.records[2], "|n=" + std::string(2000, '<'));
  EXPECT_EQ(rec.records.back(), "|n=c");
  EXPECT_EQ(rec.problems, (std::vector<std::string>{"XML tag longer than 1 MiB skipped"}));
}

}  // namespace
}  // namespace bd::scan::tokenize
