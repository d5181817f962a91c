// The CSV and SQL tokenizers report the same events wherever the input is cut into
// chunks, a SQL tokenizer primed where a dump may be split (sql_resume.h) reports what
// the whole dump's does after that point, and the byte finder they use agrees with its
// portable loop.
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "scan/tokenize/byte_finder.h"
#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/sql_resume.h"
#include "support/tokenize_chunks.h"

namespace bd::scan::tokenize {
namespace {

// Logs every event; consecutive texts are joined (an oversized field may come in
// pieces of any size) and empty ones dropped.
class EventLog final : public RecordHandler {
 public:
  void on_table(std::string_view table, const std::vector<std::string>& columns) override {
    std::string e = "table " + std::string(table) + ":";
    for (const auto& c : columns) e += " [" + c + "]";
    add(e);
  }
  std::size_t column_for_key(std::string_view) override { return 0; }
  void on_field(std::size_t column, std::string_view value) override {
    add("field " + std::to_string(column) + " [" + std::string(value) + "]");
  }
  void on_record_end() override { add("end"); }
  void on_text(std::string_view text) override { text_ += text; }
  void on_problem(std::string_view reason) override { add("problem " + std::string(reason)); }

  std::vector<std::string> done() {
    add("");
    events.pop_back();
    return events;
  }

  std::vector<std::string> events;

 private:
  void add(std::string e) {
    if (!text_.empty()) events.push_back("text [" + text_ + "]");
    text_.clear();
    events.push_back(std::move(e));
  }
  std::string text_;
};

// Feeds data cut at the given positions (ascending).
std::vector<std::string> events(Format format, std::string_view data, const std::vector<std::size_t>& cuts) {
  return testing::events_in_chunks<EventLog>(format, data, cuts);
}

// Every single cut, every pair of cuts for short inputs, and one-byte chunks.
void expect_split_invariant(Format format, const std::string& data) {
  std::vector<std::string> whole = events(format, data, {});
  for (std::size_t a = 1; a < data.size(); ++a) {
    ASSERT_EQ(events(format, data, {a}), whole) << "cut at " << a << " of: " << data;
    if (data.size() > 64) continue;
    for (std::size_t b = a + 1; b < data.size(); ++b) {
      ASSERT_EQ(events(format, data, {a, b}), whole) << "cuts at " << a << "," << b << " of: " << data;
    }
  }
  std::vector<std::size_t> bytes;
  for (std::size_t i = 1; i < data.size(); ++i) bytes.push_back(i);
  ASSERT_EQ(events(format, data, bytes), whole) << "one-byte chunks of: " << data;
}

TEST(ScanTokenizeSplit, CsvQuotesDelimitersAndLineEndsAtEveryCut) {
  for (const std::string& csv : {
           std::string("naam;email\r\n\"Jansen; Jan\";\"jan@example.nl\"\r\n\r\n\"a \"\"b\"\"\";x\n"),
           std::string("id,notitie\n1,\"multi\nline, \"\"quoted\"\"\"\n2,\"text\"after,\"\"\n3,\"cr\r\"\r\n"),
           std::string("a,b\n\"\",\"\"\"\"\n,\n\n\r\n x ,\"y\"\r\n\"open"),
           std::string("Jan,06-12345678\rPiet,\"x\"\r\n"),
       }) {
    SCOPED_TRACE(csv);
    expect_split_invariant(Format::kCsv, csv);
    expect_split_invariant(Format::kTsv, csv);
  }
}

TEST(ScanTokenizeSplit, CsvFieldsAreUnescapedAndCrLfDropped) {
  std::string csv = "naam,notitie\r\n\"a,\"\"b\"\"\",\"c\r\"\r\n\"x\"y,\"\"\r\n";
  EXPECT_EQ(events(Format::kCsv, csv, {}),
            (std::vector<std::string>{"table : [naam] [notitie]", "field 0 [a,\"b\"]", "field 1 [c\r]", "end",
                                      "field 0 [xy]", "field 1 []", "end"}));
}

TEST(ScanTokenizeSplit, SqlTuplesCommentsAndCopyAtEveryCut) {
  for (const std::string& sql : {
           std::string("-- c\n/*!4 x */;INSERT INTO `t` (a,b,c) VALUES (1,'O\\'B, ''x''',NULL),"
                       "( POINT(1,2) , 'a'::text ,X'2C');\n"),
           std::string(
               "/* a */INSERT INTO t VALUES ('\\\\',''),('x' , (1));-x;\n#h\nREPLACE INTO u VALUES (');')"),
           std::string("COPY p (a, b) FROM stdin;\n1\tJan\\tJ\n\\N\t\\.\n\\.\nINSERT INTO p VALUES (2,'q')"),
           std::string("SET standard_conforming_strings = on;\nINSERT INTO s VALUES ('C:\\p','it''s');\n"),
           std::string(
               "INSERT INTO b VALUES (1,_binary 'x\\0),(\\'y',CAST('a,b' AS CHAR)),(2,_utf8mb4'j@x.nl',"
               "X'2C29',CONCAT('it''s',')'),N'(q');\n"),
       }) {
    SCOPED_TRACE(sql);
    expect_split_invariant(Format::kSql, sql);
  }
}

// A SQL Server script (SSMS's "Generate Scripts"): no ';', statements end at a GO line,
// a SET at its line's end, a CREATE TABLE's options at theirs, and an INSERT's values
// at the next word; names in brackets, strings with N.
const std::string kSqlServerScript =
    "USE [KlantDB]\r\nGO\r\n/****** Object:  Table [dbo].[Klant] ******/\r\nSET ANSI_NULLS ON\r\nGO\r\n"
    "CREATE TABLE [dbo].[Klant](\r\n\t[Id] [int] IDENTITY(1,1) NOT NULL,\r\n\t[Naam] [nvarchar](100) "
    "NULL,\r\n"
    " CONSTRAINT [PK_Klant] PRIMARY KEY CLUSTERED ([Id] ASC)\r\n) ON [PRIMARY]\r\nGO\r\n"
    "SET IDENTITY_INSERT [dbo].[Klant] ON \r\n\r\nINSERT [dbo].[Klant] ([Id], [Naam]) VALUES (1, N'Jan, "
    "J')\r\n"
    "INSERT [dbo].[Klant] ([Id], [Naam]) VALUES (2, N'O''Brien (A)')\r\nGO\r\n"
    "INSERT [dbo].[Klant] VALUES (3, N'Piet')\r\nSET IDENTITY_INSERT [dbo].[Klant] OFF\r\nGO\r\n";

TEST(ScanTokenizeSplit, SqlServerScriptAtEveryCut) {
  expect_split_invariant(Format::kSql, kSqlServerScript);
  EXPECT_EQ(
      events(Format::kSql, kSqlServerScript, {}),
      (std::vector<std::string>{"table Klant: [Id] [Naam]", "field 0 [1]", "field 1 [Jan, J]", "end",
                                "table Klant: [Id] [Naam]", "field 0 [2]", "field 1 [O'Brien (A)]", "end",
                                "table Klant: [Id] [Naam]", "field 0 [3]", "field 1 [Piet]", "end"}));
}

// After a MySQL tuple list, ON DUPLICATE KEY UPDATE (with VALUES( ) and strings in it)
// is read up to its ';' as a statement of its own: no tuple, and the next INSERT reads.
TEST(ScanTokenizeSplit, SqlWordsAfterTuplesAtEveryCut) {
  const std::string sql =
      "INSERT INTO t (a, b) VALUES (1,'x'),(2,'y') ON DUPLICATE KEY UPDATE b=VALUES(b), c='(;'\n;\n"
      "INSERT INTO t (a, b) VALUES (3,'z') RETURNING a;\nINSERT INTO t (a, b) VALUES (4,'w');\n";
  expect_split_invariant(Format::kSql, sql);
  EXPECT_EQ(events(Format::kSql, sql, {}),
            (std::vector<std::string>{"table t: [a] [b]", "field 0 [1]", "field 1 [x]", "end", "field 0 [2]",
                                      "field 1 [y]", "end", "table t: [a] [b]", "field 0 [3]", "field 1 [z]",
                                      "end", "table t: [a] [b]", "field 0 [4]", "field 1 [w]", "end"}));
}

// A dump of one INSERT per row repeats the statement's head, which the tokenizer then
// takes at once with the columns it announced before. The same head after a CREATE
// TABLE of its table takes the new columns; other heads in between, a head that only
// starts like the last one, and heads cut by a chunk end read as before.
TEST(ScanTokenizeSplit, SqlRepeatedInsertHeadsAtEveryCut) {
  const std::string schemas =
      "CREATE TABLE t (a int, b text);\nINSERT INTO t VALUES (1,'x');\nINSERT INTO t VALUES (2,'y');\n"
      "CREATE TABLE t (c int, d text, e text);\nINSERT INTO t VALUES (3,'z','w');\n";
  for (const std::string& sql : {
           schemas + "INSERT INTO t VALUES (4,'v','u');\n",
           std::string(
               "INSERT INTO `u` (`n`,`m`) VALUES ('a','b');\nINSERT INTO `u` (`n`,`m`) VALUES ('c','d');"
               "INSERT INTO `v` (`n`) VALUES ('e');\nINSERT INTO `u` (`n`,`m`) VALUES ('f','g');\n"
               "INSERT INTO `u` (`n`,`m`) VALUESX ('h');\nINSERT INTO `u` (`n`,`m`) VALUES ('i','j');\n"),
           std::string(
               "INSERT INTO w (a) VALUES ('INSERT INTO w (a) VALUES (');INSERT INTO w (a) VALUES ( 'k' "
               ");INSERT INTO w (a)  VALUES ('l');\nINSERT INTO w (a) VALUES ('m')"),
       }) {
    SCOPED_TRACE(sql);
    expect_split_invariant(Format::kSql, sql);
  }
  EXPECT_EQ(
      events(Format::kSql, schemas, {}),
      (std::vector<std::string>{"table t: [a] [b]", "field 0 [1]", "field 1 [x]", "end", "table t: [a] [b]",
                                "field 0 [2]", "field 1 [y]", "end", "table t: [c] [d] [e]", "field 0 [3]",
                                "field 1 [z]", "field 2 [w]", "end"}));
}

// The events after each line start where SqlPrefix allows a cut: those of the whole
// dump's tokenizer, and those of a fresh one that read the prime first.
int expect_prime_resumes(const std::string& sql) {
  int cuts = 0;
  for (std::size_t at = sql.find('\n'); at != std::string::npos; at = sql.find('\n', at + 1)) {
    SqlPrefix prefix;
    prefix.feed(std::string_view(sql).substr(0, at + 1));
    if (!prefix.at_cut()) continue;
    ++cuts;
    std::optional<std::string> prime = prefix.prime();
    EXPECT_TRUE(prime.has_value());
    if (!prime) break;
    EventLog whole;
    auto tok = make_tokenizer(Format::kSql, whole);
    tok->feed(std::string_view(sql).substr(0, at + 1));
    std::size_t before = whole.events.size();
    tok->feed(std::string_view(sql).substr(at + 1));
    tok->finish();
    std::vector<std::string> want = whole.done();
    want.erase(want.begin(), want.begin() + static_cast<std::ptrdiff_t>(before));
    EventLog resumed;
    auto fresh = make_tokenizer(Format::kSql, resumed);
    fresh->feed(*prime);
    resumed.events.clear();
    fresh->feed(std::string_view(sql).substr(at + 1));
    fresh->finish();
    EXPECT_EQ(resumed.done(), want) << "cut after byte " << at << " of: " << sql << "\nprime: " << *prime;
    if (::testing::Test::HasFailure()) break;
  }
  return cuts;
}

TEST(ScanTokenizeSplit, SqlPrimeResumesTheTokenizerAtEveryCut) {
  for (const std::string& sql : {
           std::string("CREATE TABLE `a;b` (`x` int, `y``z` text, KEY k (x));\nINSERT INTO `a;b` VALUES "
                       "(1,'p;\n\\'q'),\n(2,'INSERT\nINSERT INTO c VALUES (3);\n');\n-- 'x\n"
                       "/* ;\n */\nINSERT INTO c VALUES (4,'\\\\');\n"),
           std::string("SET standard_conforming_strings = on;\nCREATE TABLE p (a text, b text);\n"
                       "COPY p (a, b) FROM stdin;\n1\tx\\ty\n\\N\t2\n\\.\n"
                       "INSERT INTO p VALUES ('C:\\', 'it''s');\nCOPY q FROM stdin;\n3\t4\n\\.\n"),
           kSqlServerScript,
       }) {
    SCOPED_TRACE(sql);
    EXPECT_GT(expect_prime_resumes(sql), 3);
  }
  // Statement soup: strings, escapes, comments and COPY blocks opened and left open.
  const std::vector<std::string> pieces = {"INSERT INTO t VALUES (",
                                           "INSERT INTO `u` (`a`,`b`) VALUES (",
                                           "),(",
                                           ");\n",
                                           "'",
                                           "''",
                                           "\\",
                                           "\\'",
                                           "\"",
                                           "`",
                                           "\n",
                                           "\n",
                                           ";\n",
                                           "-- c\n",
                                           "/*",
                                           "*/",
                                           "#",
                                           "x",
                                           "COPY t (x, y) FROM stdin;\n",
                                           "\t",
                                           "\\.\n",
                                           "CREATE TABLE v (p text, `q;` text);\n",
                                           "SET standard_conforming_strings = on;\n",
                                           "1,",
                                           "GO\n",
                                           "SET IDENTITY_INSERT [dbo].[T] ON\n",
                                           "INSERT [dbo].[T] ([a], [b]) VALUES (",
                                           "CREATE TABLE [dbo].[W]([a] [int], [b] [nvarchar](9)",
                                           ") ON [PRIMARY]\n",
                                           " ON DUPLICATE KEY UPDATE a=VALUES(a)",
                                           "N'",
                                           "_binary '"};
  std::mt19937 rng(7);
  int cuts = 0;
  for (int round = 0; round < 200 && !::testing::Test::HasFailure(); ++round) {
    std::string sql;
    for (int i = 0; i < 60; ++i) sql += pieces[rng() % pieces.size()];
    cuts += expect_prime_resumes(sql);
  }
  EXPECT_GT(cuts, 500);
}

TEST(ScanTokenizeSplit, SqlCommentOpenerSplitAcrossChunks) {
  std::string sql = "--\nINSERT INTO t VALUES (1);/**/INSERT INTO t VALUES (2);";
  std::vector<std::string> want = {"table t:", "field 0 [1]", "end", "table t:", "field 0 [2]", "end"};
  EXPECT_EQ(events(Format::kSql, sql, {}), want);
  EXPECT_EQ(events(Format::kSql, sql, {1}), want);
  EXPECT_EQ(events(Format::kSql, sql, {27}), want);
}

TEST(ScanTokenizeSplit, SqlUnquotedValuesKeepParenthesesAndCommas) {
  std::string sql =
      "INSERT INTO g VALUES (ST_GeomFromText('POINT(1 2)', 4326),f(1,(2,3)), 'x' ::text),(NOW());";
  EXPECT_EQ(
      events(Format::kSql, sql, {}),
      (std::vector<std::string>{"table g:", "field 0 [ST_GeomFromText('POINT(1 2)', 4326)]",
                                "field 1 [f(1,(2,3))]", "field 2 [x]", "end", "field 0 [NOW()]", "end"}));
}

TEST(ScanTokenizeSplit, OversizedFieldsGoOutAsTextAtAnyChunkSize) {
  std::string big(kMaxField + 1, 'x');
  std::string csv = "a,b\n1,\"" + big + "\"\n2," + big + "\r\n3,\"" + big.substr(2) + "\"\r\n";
  std::vector<std::string> want = {"table : [a] [b]",
                                   "field 0 [1]",
                                   "text [" + big + "]",
                                   "end",
                                   "field 0 [2]",
                                   "text [" + big + "]",
                                   "end",
                                   "field 0 [3]",
                                   "field 1 [" + big.substr(2) + "]",
                                   "end"};
  for (std::size_t chunk : {std::size_t{1} << 16, kMaxField, csv.size()}) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = chunk; i < csv.size(); i += chunk) cuts.push_back(i);
    EXPECT_EQ(events(Format::kCsv, csv, cuts), want) << "chunk " << chunk;
  }
  std::string copy = "COPY t (a, b) FROM stdin;\n" + big + "\t1\n\\.\n";
  EXPECT_EQ(events(Format::kSql, copy, {}),
            (std::vector<std::string>{"table t: [a] [b]", "field 0 []", "field 1 [1]", "end"}));
}

// Random input made of the tokens the tokenizers care about, cut at random places.
TEST(ScanTokenizeSplit, RandomInputsGiveTheSameEventsAtRandomCuts) {
  const std::vector<std::string> csv_tokens = {"a", "Jan",    ",",    ",",    ";",       "\t",
                                               "|", "\n",     "\r\n", "\r",   "\"",      "\"\"",
                                               " ", "x@y.nl", "123",  "naam", "\"a,b\"", "\"m\nl\""};
  const std::vector<std::string> sql_tokens = {"INSERT INTO `t` VALUES ",
                                               "INSERT INTO t (a, b) VALUES ",
                                               "(",
                                               ")",
                                               ",",
                                               "'",
                                               "\\",
                                               "''",
                                               "\\'",
                                               "NULL",
                                               "12",
                                               " ",
                                               "\n",
                                               ";",
                                               "--",
                                               "-- c\n",
                                               "/*",
                                               "*/",
                                               "COPY t (a, b) FROM stdin;\n",
                                               "\t",
                                               "\\.\n",
                                               "\\N",
                                               "#",
                                               "CREATE TABLE x (a int, b text);",
                                               "SET standard_conforming_strings = on;",
                                               "f(1,2)",
                                               "::text",
                                               "-",
                                               "/"};
  std::mt19937_64 rng(20261206);
  for (int round = 0; round < 600; ++round) {
    Format format = round % 3 == 0 ? Format::kSql : round % 3 == 1 ? Format::kCsv : Format::kTsv;
    const auto& tokens = format == Format::kSql ? sql_tokens : csv_tokens;
    std::string data;
    for (std::size_t k = rng() % 100; k > 0; --k) data += tokens[rng() % tokens.size()];
    std::vector<std::string> whole = events(format, data, {});
    for (int s = 0; s < 4; ++s) {
      std::vector<std::size_t> cuts;
      for (std::size_t pos = 1 + rng() % 9; pos < data.size(); pos += 1 + rng() % (s == 0 ? 2 : 70)) {
        cuts.push_back(pos);
      }
      ASSERT_EQ(events(format, data, cuts), whole) << "round " << round << ": " << data;
    }
  }
}

TEST(ScanTokenizeSplit, ByteFinderAgreesWithThePortableLoop) {
  std::mt19937_64 rng(7);
  const Needles needles{{{',', '\n', '\0', '\n'}, {'"', '\x80', '"', '"'}}};
  std::string data(200, ' ');
  for (char& c : data) c = "a,\n\"\x80\0b"[rng() % 7];
  for (std::size_t n = 0; n <= 64; ++n) {
    std::uint64_t fast[2];
    std::uint64_t portable[2];
    classify64(data.data() + n, n, needles, fast);
    classify64_portable(data.data() + n, n, needles, portable);
    ASSERT_EQ(fast[0], portable[0]) << n;
    ASSERT_EQ(fast[1], portable[1]) << n;
  }
  ByteFinder find(std::string_view(data).substr(3, 150), needles);
  std::string_view view = std::string_view(data).substr(3, 150);
  for (std::size_t from = 0; from <= view.size(); ++from) {
    std::size_t want = view.find_first_of(std::string_view(",\n\0", 3), from);
    ASSERT_EQ(find.next(from, 0), want == std::string_view::npos ? view.size() : want) << from;
  }
}

}  // namespace
}  // namespace bd::scan::tokenize
