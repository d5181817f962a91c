// The input side of the scanner on real files and archives: every container kind,
// nesting, encodings, protection, limits and bad input, checked through a recording
// SinkFactory.
#include "scan/input/input.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <thread>

#include "scan/input/xlsx.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::Recorded;
using testing::RecordingFactory;
using testing::TempDir;
using testing::write_archive;
using testing::write_compressed;
using testing::write_file;

const std::string kCsv = "naam,bsn,email\nJan de Vries,111222333,jan@example.nl\nZoë Bakker,123456782,zoe@example.nl\n";

InputOptions small_options(int threads = 1) {
  InputOptions o;
  o.threads = threads;
  o.buffer_size = 64u << 10;
  return o;
}

std::unique_ptr<RecordingFactory> scan(const std::vector<std::string>& paths,
                                       const InputOptions& o = small_options()) {
  auto f = std::make_unique<RecordingFactory>();
  Status s = read_inputs(paths, o, *f);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return f;
}

TEST(ScanInput, PlainCsvFileIsDeliveredWhole) {
  TempDir d;
  write_file(d.file("people.csv"), kCsv);
  auto f = scan({d.file("people.csv")});
  ASSERT_EQ(f->members.size(), 1u);
  const auto& m = f->members.at(d.file("people.csv"));
  EXPECT_EQ(m.text, kCsv);
  EXPECT_EQ(m.ends, 1);
  EXPECT_EQ(m.info.format, Format::kCsv);
  EXPECT_EQ(m.info.encoding, "utf-8");
  EXPECT_EQ(m.info.size_hint, kCsv.size());
}

TEST(ScanInput, FormatComesFromTheNameOrElseTheContent) {
  TempDir d;
  write_file(d.file("a.json"), "{\"bsn\":\"123456782\"}\n{\"bsn\":\"111222333\"}\n");
  write_file(d.file("b.json"), "[\n  {\"bsn\": \"123456782\"}\n]\n");
  write_file(d.file("dump"), "-- MySQL dump 10.13\nINSERT INTO t VALUES (1);\n");
  write_file(d.file("export"), "naam;bsn;email\nJan;123456782;jan@example.nl\n");
  write_file(d.file("sheet"), "naam\tbsn\temail\nJan\t123456782\tjan@example.nl\n");
  write_file(d.file("notes"), "Jan belde over zijn BSN 123456782.\n");
  write_file(d.file("c.tsv"), "a,b,c\n");
  write_file(d.file("min.json"), "{\"klanten\":[{\"bsn\":\"123456782\"},{\"bsn\":\"111222333\"}]}\n");
  write_file(d.file("one"), "{\"klanten\":[{\"bsn\":\"123456782\"}]}");
  auto f = scan({d.path()});
  EXPECT_EQ(f->members.at(d.file("a.json")).info.format, Format::kNdjson);
  EXPECT_EQ(f->members.at(d.file("b.json")).info.format, Format::kJson);
  EXPECT_EQ(f->members.at(d.file("dump")).info.format, Format::kSql);
  EXPECT_EQ(f->members.at(d.file("export")).info.format, Format::kCsv);
  EXPECT_EQ(f->members.at(d.file("sheet")).info.format, Format::kTsv);
  EXPECT_EQ(f->members.at(d.file("notes")).info.format, Format::kText);
  EXPECT_EQ(f->members.at(d.file("c.tsv")).info.format, Format::kTsv);  // the name wins
  // One line alone is a minified document, not NDJSON: its records are in its arrays.
  EXPECT_EQ(f->members.at(d.file("min.json")).info.format, Format::kJson);
  EXPECT_EQ(f->members.at(d.file("one")).info.format, Format::kJson);
}

TEST(ScanInput, DirectoriesRecurseAndSymlinkLoopsAreSafe) {
  TempDir d;
  ASSERT_EQ(::mkdir(d.file("sub").c_str(), 0755), 0);
  write_file(d.file("a.csv"), kCsv);
  write_file(d.file("sub/b.log"), "login from 10.0.0.1\n");
  ASSERT_EQ(::symlink("..", d.file("sub/loop").c_str()), 0);
  ASSERT_EQ(::symlink("missing", d.file("dangling").c_str()), 0);
  auto f = scan({d.path()});
  EXPECT_EQ(f->members.size(), 2u);
  EXPECT_EQ(f->members.count(d.file("a.csv")), 1u);
  EXPECT_EQ(f->members.at(d.file("sub/b.log")).info.format, Format::kText);
  ASSERT_EQ(f->skipped.count(d.file("dangling")), 1u);
  EXPECT_NE(f->skipped.at(d.file("dangling")).find("broken symlink"), std::string::npos);
}

// Runs `check` as an unprivileged user when the tests run as root (root reads every
// file, whatever its mode), in a child process; returns whether it held.
bool as_unprivileged(const std::function<bool()>& check) {
  if (::geteuid() != 0) return check();
  pid_t pid = ::fork();
  if (pid == 0) {
    bool ok = ::setgid(65534) == 0 && ::setuid(65534) == 0 && check();
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(ScanInput, UnreadableFileIsSkippedWithReason) {
  TempDir d;
  ASSERT_EQ(::chmod(d.path().c_str(), 0755), 0);
  write_file(d.file("secret.csv"), kCsv);
  write_file(d.file("open.csv"), kCsv);
  ASSERT_EQ(::chmod(d.file("secret.csv").c_str(), 0), 0);
  ASSERT_EQ(::chmod(d.file("open.csv").c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo(d.file("pipe").c_str(), 0644), 0);
  EXPECT_TRUE(as_unprivileged([&] {
    RecordingFactory f;
    if (!read_inputs({d.path()}, small_options(), f).ok()) return false;
    return f.members.size() == 1 && f.members.count(d.file("open.csv")) == 1 &&
           f.skipped.count(d.file("secret.csv")) == 1 &&
           f.skipped.at(d.file("secret.csv")).find("Permission denied") != std::string::npos &&
           f.skipped.at(d.file("pipe")).find("not a regular file") != std::string::npos;
  }));
}

TEST(ScanInput, MissingPathsAreAnErrorOnlyWhenNothingExists) {
  TempDir d;
  RecordingFactory f;
  EXPECT_FALSE(read_inputs({d.file("nope")}, small_options(), f).ok());
  EXPECT_FALSE(read_inputs({}, small_options(), f).ok());
  InputOptions bad = small_options();
  bad.threads = 0;
  EXPECT_FALSE(read_inputs({d.path()}, bad, f).ok());
}

TEST(ScanInput, GzipAndZstdFilesAreDecompressed) {
  TempDir d;
  write_compressed(d.file("people.csv.gz"), "gzip", kCsv);
  write_compressed(d.file("people.csv.zst"), "zstd", kCsv);
  auto f = scan({d.path()});
  ASSERT_EQ(f->members.size(), 2u);
  for (const auto& name : {"people.csv.gz", "people.csv.zst"}) {
    const auto& m = f->members.at(d.file(name));
    EXPECT_EQ(m.text, kCsv) << name;
    EXPECT_EQ(m.info.format, Format::kCsv) << name;
  }
}

TEST(ScanInput, ConcatenatedGzipMembersAreAllRead) {
  TempDir d;
  write_compressed(d.file("a.gz"), "gzip", "first line\n");
  write_compressed(d.file("b.gz"), "gzip", "second line\n");
  write_file(d.file("both.log.gz"), testing::read_whole(d.file("a.gz")) + testing::read_whole(d.file("b.gz")));
  auto f = scan({d.file("both.log.gz")});
  EXPECT_EQ(f->members.at(d.file("both.log.gz")).text, "first line\nsecond line\n");
}

TEST(ScanInput, ArchivesOfEveryKindAreReadInPlace) {
  TempDir d;
  testing::Entries entries = {{"dump.sql", "INSERT INTO t VALUES (1,'a');\n"}, {"dir/people.csv", kCsv}};
  write_archive(d.file("a.zip"), "zip", "", entries);
  write_archive(d.file("a.tar"), "tar", "", entries);
  write_archive(d.file("a.tar.gz"), "tar", "gzip", entries);
  write_archive(d.file("a.tar.zst"), "tar", "zstd", entries);
  write_archive(d.file("a.7z"), "7zip", "", entries);
  auto f = scan({d.path()}, small_options(2));
  for (const auto& name : {"a.zip", "a.tar", "a.tar.gz", "a.tar.zst", "a.7z"}) {
    std::string base = d.file(name);
    ASSERT_EQ(f->members.count(base + "!dump.sql"), 1u) << name;
    EXPECT_EQ(f->members.at(base + "!dump.sql").info.format, Format::kSql);
    EXPECT_EQ(f->members.at(base + "!dir/people.csv").text, kCsv) << name;
  }
  EXPECT_EQ(f->members.size(), 10u);
  EXPECT_TRUE(f->skipped.empty()) << f->skipped.begin()->second;
}

TEST(ScanInput, SevenZipNestedInOtherArchivesIsRead) {
  // A 7z keeps its directory at the end, so inside a tar or zip (no seeking) the reader
  // must still get at it.
  TempDir d;
  std::string seven = testing::archive_bytes("7zip", "", {{"people.csv", kCsv}});
  write_archive(d.file("outer.tar.gz"), "tar", "gzip", {{"backup.7z", seven}});
  write_archive(d.file("outer.zip"), "zip", "", {{"backup.7z", seven}});
  auto f = scan({d.path()}, small_options(2));
  std::string reasons;
  for (const auto& [member, why] : f->skipped) reasons += member + ": " + why + "\n";
  for (const auto& name : {"outer.tar.gz", "outer.zip"}) {
    const std::string member = d.file(name) + "!backup.7z!people.csv";
    ASSERT_EQ(f->members.count(member), 1u) << member << "\n" << reasons;
    EXPECT_EQ(f->members.at(member).text, kCsv);
  }
  EXPECT_TRUE(f->skipped.empty()) << reasons;
}

// A SQLite database with a table of people (a BLOB, a NULL, a tab and a line break in a
// value), an empty table and a table whose name holds a quote; its bytes.
std::string sqlite_database_bytes(const std::string& dir) {
  const std::string path = dir + "/made.db";
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* sql =
      "CREATE TABLE klant (naam TEXT, email TEXT, bsn TEXT, foto BLOB, notitie TEXT);"
      "INSERT INTO klant VALUES ('Jan de Vries', 'jan@example.nl', '111222333', x'00FF', "
      "'belt\tvaak\nterug');"
      "INSERT INTO klant VALUES ('Zoë Bakker', NULL, 123456782, NULL, 'geen');"
      "CREATE TABLE leeg (a TEXT);"
      "CREATE TABLE \"we\"\"ird\" (email TEXT);"
      "INSERT INTO \"we\"\"ird\" VALUES ('q@example.nl');";
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

// Each table of a SQLite database is a TSV member, on disk, inside an archive and
// gzipped alike (those two through a temporary copy, which is gone afterwards); a
// damaged database is skipped with SQLite's reason.
TEST(ScanInput, SqliteDatabaseTablesAreTsvMembers) {
  TempDir d;
  const std::string db = sqlite_database_bytes(d.path());
  write_file(d.file("app.db"), db);
  write_archive(d.file("backup.zip"), "zip", "", {{"data/app.sqlite", db}});
  write_compressed(d.file("app.db.gz"), "gzip", db);
  write_file(d.file("broken.db"), db.substr(0, 100) + std::string(4000, '\x55'));
  auto f = scan({d.path()});
  const std::string klant =
      "naam\temail\tbsn\tfoto\tnotitie\nJan de Vries\tjan@example.nl\t111222333\t\tbelt vaak terug\n"
      "Zoë Bakker\t\t123456782\t\tgeen\n";
  for (const std::string& member :
       {d.file("app.db"), d.file("backup.zip") + "!data/app.sqlite", d.file("app.db.gz")}) {
    SCOPED_TRACE(member);
    ASSERT_TRUE(f->members.count(member + "!klant"));
    EXPECT_EQ(f->members.at(member + "!klant").text, klant);
    EXPECT_EQ(f->members.at(member + "!klant").info.format, Format::kTsv);
    EXPECT_EQ(f->members.at(member + "!leeg").text, "a\n");
    EXPECT_EQ(f->members.at(member + "!we\"ird").text, "email\nq@example.nl\n");
  }
  ASSERT_TRUE(f->skipped.count(d.file("broken.db")));
  EXPECT_NE(f->skipped.at(d.file("broken.db")).find("SQLite database"), std::string::npos);
  EXPECT_EQ(f->skipped.size(), 1u);
  const char* tmp = std::getenv("TMPDIR");
  for (const auto& entry :
       std::filesystem::directory_iterator(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp")) {
    EXPECT_NE(entry.path().filename().string().rfind("breachdesk-db-" + std::to_string(::getpid()) + "-", 0),
              0u)
        << "left behind: " << entry.path();
  }
}

TEST(ScanInput, NestedArchivesGetBangPaths) {
  TempDir d;
  std::string inner = testing::archive_bytes("tar", "gzip", {{"x.csv", kCsv}});
  std::string middle = testing::archive_bytes("zip", "", {{"inner.tar.gz", inner}, {"notes.txt", "hello\n"}});
  write_archive(d.file("outer.tar.zst"), "tar", "zstd", {{"middle.zip", middle}});
  auto f = scan({d.file("outer.tar.zst")});
  std::string base = d.file("outer.tar.zst");
  ASSERT_EQ(f->members.count(base + "!middle.zip!inner.tar.gz!x.csv"), 1u);
  EXPECT_EQ(f->members.at(base + "!middle.zip!inner.tar.gz!x.csv").text, kCsv);
  EXPECT_EQ(f->members.at(base + "!middle.zip!notes.txt").text, "hello\n");
}

TEST(ScanInput, NestingDeeperThanTheLimitIsSkipped) {
  TempDir d;
  std::string blob = testing::archive_bytes("zip", "", {{"x.csv", kCsv}});
  for (int i = 0; i < 4; ++i) blob = testing::archive_bytes("zip", "", {{"l" + std::to_string(i) + ".zip", blob}});
  write_file(d.file("deep.zip"), blob);
  InputOptions o = small_options();
  o.limits.max_depth = 3;
  auto f = scan({d.file("deep.zip")}, o);
  EXPECT_TRUE(f->members.empty());
  ASSERT_EQ(f->skipped.size(), 1u);
  EXPECT_NE(f->skipped.begin()->second.find("nested deeper"), std::string::npos);
}

TEST(ScanInput, TruncatedArchiveKeepsWhatWasReadAndSaysWhy) {
  TempDir d;
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "row " + std::to_string(i * 7919 % 100003) + ",jan@example.nl\n";
  std::string tgz = testing::archive_bytes("tar", "gzip", {{"first.csv", kCsv}, {"second.csv", big}});
  write_file(d.file("cut.tar.gz"), tgz.substr(0, tgz.size() * 2 / 3));
  auto f = scan({d.file("cut.tar.gz")});
  EXPECT_EQ(f->members.at(d.file("cut.tar.gz!first.csv")).text, kCsv);
  const auto& second = f->members.at(d.file("cut.tar.gz!second.csv"));
  EXPECT_GT(second.text.size(), 0u);
  EXPECT_LT(second.text.size(), big.size());
  EXPECT_EQ(big.compare(0, second.text.size(), second.text), 0);
  ASSERT_FALSE(f->skipped.empty());
  EXPECT_NE(f->skipped.begin()->second.find("truncated"), std::string::npos) << f->skipped.begin()->second;
}

TEST(ScanInput, ZipBombRatioAndTotalLimitsStopExpansion) {
  TempDir d;
  write_compressed(d.file("bomb.csv.gz"), "gzip", std::string(32u << 20, '0'));
  InputOptions o = small_options();
  o.limits.ratio_grace_bytes = 1u << 20;
  auto f = scan({d.file("bomb.csv.gz")}, o);
  ASSERT_EQ(f->skipped.count(d.file("bomb.csv.gz")), 1u);
  EXPECT_NE(f->skipped.at(d.file("bomb.csv.gz")).find("expansion ratio"), std::string::npos);
  EXPECT_LT(f->members.at(d.file("bomb.csv.gz")).text.size(), 8u << 20);

  InputOptions total = small_options();
  total.limits.max_total_expanded = 4u << 20;
  auto g = scan({d.file("bomb.csv.gz")}, total);
  EXPECT_NE(g->skipped.at(d.file("bomb.csv.gz")).find("total decompressed size"), std::string::npos);
}

// With two threads a zip file's entries are read side by side, each thread opening
// the file itself: the limits hold all the same.
TEST(ScanInput, ZipEntriesAreCheckedForBombsAndTruncation) {
  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    TempDir d;
    write_archive(d.file("bomb.zip"), "zip", "",
                  {{"zeros.csv", std::string(32u << 20, '0')}, {"ok.csv", kCsv}});
    InputOptions o = small_options(threads);
    o.limits.ratio_grace_bytes = 1u << 20;
    auto f = scan({d.file("bomb.zip")}, o);
    EXPECT_NE(f->skipped.at(d.file("bomb.zip!zeros.csv")).find("expansion ratio"), std::string::npos);
    EXPECT_EQ(f->members.at(d.file("bomb.zip!ok.csv")).text, kCsv);

    std::string big;
    for (int i = 0; i < 20000; ++i) big += std::to_string(i * 7919 % 100003) + ",jan@example.nl\n";
    std::string zip = testing::archive_bytes("zip", "", {{"first.csv", kCsv}, {"second.csv", big}});
    write_file(d.file("cut.zip"), zip.substr(0, zip.size() / 2));
    auto g = scan({d.file("cut.zip")}, small_options(threads));
    EXPECT_EQ(g->members.at(d.file("cut.zip!first.csv")).text, kCsv);
    EXPECT_FALSE(g->skipped.empty());
  }
}

TEST(ScanInput, ManySmallZipEntriesAddUpToAnArchiveBomb) {
  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    TempDir d;
    std::vector<std::pair<std::string, std::string>> entries;
    for (int i = 0; i < 40; ++i)
      entries.emplace_back("zeros" + std::to_string(i) + ".csv", std::string(1u << 20, '0'));
    write_archive(d.file("many.zip"), "zip", "", entries);
    InputOptions o = small_options(threads);
    o.limits.ratio_grace_bytes = 4u << 20;  // every entry alone stays below the grace
    auto f = scan({d.file("many.zip")}, o);
    std::string reasons;
    for (const auto& [member, why] : f->skipped) reasons += member + ": " + why + "\n";
    EXPECT_NE(reasons.find("archive expansion ratio above 250:1"), std::string::npos) << reasons;
    EXPECT_LT(f->members.size(), 10u) << "the remaining entries were not expanded";
  }
}

TEST(ScanInput, ZipEntriesReadSideBySideAreEachDeliveredWhole) {
  TempDir d;
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < 12; ++i) {
    std::string text = "naam,email\n";
    for (int r = 0; r < 200 * (i + 1); ++r)
      text += "Jan " + std::to_string(r) + ",jan" + std::to_string(r) + "@example.nl\n";
    entries.emplace_back("dir/part" + std::to_string(i) + ".csv", text);
  }
  entries.emplace_back("nested.zip", testing::archive_bytes("zip", "", {{"inner.csv", kCsv}}));
  write_archive(d.file("parts.zip"), "zip", "", entries);
  auto one = scan({d.file("parts.zip")}, small_options(1));
  auto two = scan({d.file("parts.zip")}, small_options(2));
  ASSERT_EQ(one->members.size(), entries.size());
  ASSERT_EQ(two->members.size(), one->members.size());
  for (const auto& [path, member] : one->members) {
    ASSERT_EQ(two->members.count(path), 1u) << path;
    EXPECT_EQ(two->members.at(path).text, member.text) << path;
  }
  EXPECT_EQ(two->members.at(d.file("parts.zip!nested.zip!inner.csv")).text, kCsv);
  EXPECT_TRUE(two->skipped.empty());
}

TEST(ScanInput, MemberSizeLimitCutsTheRest) {
  TempDir d;
  write_file(d.file("big.log"), std::string(300000, 'a'));
  InputOptions o = small_options();
  o.limits.max_member_size = 100000;
  auto f = scan({d.file("big.log")}, o);
  EXPECT_EQ(f->members.at(d.file("big.log")).text.size(), 100000u);
  EXPECT_NE(f->skipped.at(d.file("big.log")).find("larger than"), std::string::npos);
}

TEST(ScanInput, Utf16AndWindows1252AreDecodedToUtf8) {
  TempDir d;
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : std::string("naam;bsn\nZo")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  le += std::string("\xEB\x00\n\x00", 4);  // ë, newline
  be += std::string("\x00\xEB\x00\n", 4);
  write_file(d.file("le.csv"), le);
  write_file(d.file("be.csv"), be);
  write_file(d.file("cp1252.txt"), "Zo\xEB betaalde \x80 12 \x96 klaar\n");
  write_file(d.file("bom.csv"), "\xEF\xBB\xBFnaam,bsn\n");
  auto f = scan({d.path()});
  EXPECT_EQ(f->members.at(d.file("le.csv")).text, "naam;bsn\nZoë\n");
  EXPECT_EQ(f->members.at(d.file("le.csv")).info.encoding, "utf-16le");
  EXPECT_EQ(f->members.at(d.file("be.csv")).text, "naam;bsn\nZoë\n");
  EXPECT_EQ(f->members.at(d.file("cp1252.txt")).text, "Zoë betaalde € 12 – klaar\n");
  EXPECT_EQ(f->members.at(d.file("bom.csv")).text, "naam,bsn\n");
}

TEST(ScanInput, ChunksNeverSplitACharacter) {
  TempDir d;
  std::string text;
  while (text.size() < 300000) text += "Zoë → 𝄞 café,";
  write_file(d.file("multi.txt"), text);
  auto f = scan({d.file("multi.txt")});  // 64 KiB buffers cut characters in the raw bytes
  EXPECT_EQ(f->members.at(d.file("multi.txt")).text, text);
  EXPECT_FALSE(f->members.at(d.file("multi.txt")).split_char);
}

TEST(ScanInput, XlsxSheetsBecomeTsvRows) {
  TempDir d;
  // Sheets come before the shared strings, as Excel writes them.
  std::string sheet =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\"><v>1.23456782E8</v></c>"
      "<c r=\"C2\" t=\"inlineStr\"><is><t>jan&amp;co@example.nl</t></is></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>4</v></c><c r=\"C3\" t=\"str\"><v>a\tb</v></c></row>"
      "</sheetData></worksheet>";
  std::string strings =
      "<sst count=\"5\"><si><t>naam</t></si><si><t>bsn</t></si><si><t>email</t></si>"
      "<si><r><t>Zoë </t></r><r><t>Bakker</t></r></si><si><t xml:space=\"preserve\">Jan &lt;3</t></si></sst>";
  testing::Entries book = {{"[Content_Types].xml", "<Types/>"},
                           {"xl/workbook.xml", "<workbook/>"},
                           {"xl/worksheets/sheet1.xml", sheet},
                           {"xl/sharedStrings.xml", strings}};
  write_archive(d.file("book.xlsx"), "zip", "", book);
  write_archive(d.file("mail.zip"), "zip", "", {{"bijlage.xlsx", testing::archive_bytes("zip", "", book)}});
  auto f = scan({d.path()});
  const std::string want = "naam\tbsn\temail\nZoë Bakker\t123456782\tjan&co@example.nl\nJan <3\t\ta b\n";
  const auto& m = f->members.at(d.file("book.xlsx!xl/worksheets/sheet1.xml"));
  EXPECT_EQ(m.text, want);
  EXPECT_EQ(m.info.format, Format::kTsv);
  EXPECT_EQ(f->members.at(d.file("mail.zip!bijlage.xlsx!xl/worksheets/sheet1.xml")).text, want);
  EXPECT_EQ(f->members.size(), 2u);
}

// A sheet and its shared strings as Excel writes them, with the TSV they stand for:
// `rows` rows of shared strings (some with entities), whole numbers in scientific
// notation, booleans, inline strings and a gap in the columns.
struct Workbook {
  std::string sheet;
  std::string strings;
  std::string tsv;
};

Workbook make_workbook(int rows) {
  Workbook w;
  w.sheet = "<?xml version=\"1.0\"?><worksheet><sheetData>";
  w.strings = "<?xml version=\"1.0\"?><sst count=\"" + std::to_string(rows) + "\" uniqueCount=\"" +
              std::to_string(rows) + "\">";
  for (int r = 1; r <= rows; ++r) {
    const std::string n = std::to_string(r);
    const bool entity = r % 3 == 0;
    w.strings += "<si><t>" + std::string(entity ? "Jan &amp; Zo&#235; " : "Klant ") + n + "</t></si>";
    w.sheet += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>" + std::to_string(r - 1) + "</v></c>" +
               "<c r=\"B" + n + "\" s=\"1\"><v>1.23456782E8</v></c><c r=\"D" + n + "\" t=\"b\"><v>" +
               (r % 2 == 0 ? "1" : "0") + "</v></c><c r=\"E" + n + "\" t=\"inlineStr\"><is><t>r" + n +
               "@example.nl</t></is></c></row>";
    w.tsv += (entity ? "Jan & Zoë " : "Klant ") + n + "\t123456782\t\t" + (r % 2 == 0 ? "TRUE" : "FALSE") +
             "\tr" + n + "@example.nl\n";
  }
  w.sheet += "</sheetData></worksheet>";
  w.strings += "</sst>";
  return w;
}

// The sheet's TSV with both parts fed `chunk` bytes at a time.
std::string parse_workbook(const Workbook& w, std::size_t chunk) {
  input::SharedStringsParser strings(1u << 30);
  for (std::size_t at = 0; at < w.strings.size(); at += chunk) {
    EXPECT_TRUE(strings.feed(std::string_view(w.strings).substr(at, chunk)));
  }
  const input::SharedStrings shared = strings.take();
  std::string tsv;
  input::SheetParser sheet(shared, [&](std::string_view text) { tsv += text; });
  for (std::size_t at = 0; at < w.sheet.size(); at += chunk)
    sheet.feed(std::string_view(w.sheet).substr(at, chunk));
  sheet.finish();
  return tsv;
}

TEST(ScanInput, XlsxPartsGiveTheSameRowsWhereverTheirChunksEnd) {
  const Workbook w = make_workbook(300);
  for (std::size_t chunk :
       {w.sheet.size(), std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}, std::size_t{4093}}) {
    EXPECT_EQ(parse_workbook(w, chunk), w.tsv) << "chunks of " << chunk;
  }
}

TEST(ScanInput, ALargeWorkbookReadsTheSameOnDiskAndInsideAnArchive) {
  // Parts larger than the reader's buffers: tags and strings cut between reads, on disk
  // through the zip reader and inside another zip through libarchive.
  TempDir d;
  const Workbook w = make_workbook(20000);
  ASSERT_GT(w.sheet.size(), 1u << 20);
  ASSERT_GT(w.strings.size(), 256u << 10);
  testing::Entries book = {{"[Content_Types].xml", "<Types/>"},
                           {"xl/workbook.xml", "<workbook/>"},
                           {"xl/sharedStrings.xml", w.strings},
                           {"xl/worksheets/sheet1.xml", w.sheet}};
  write_archive(d.file("book.xlsx"), "zip", "", book);
  write_archive(d.file("mail.zip"), "zip", "", {{"bijlage.xlsx", testing::archive_bytes("zip", "", book)}});
  auto f = scan({d.path()});
  EXPECT_EQ(f->members.at(d.file("book.xlsx!xl/worksheets/sheet1.xml")).text, w.tsv);
  EXPECT_EQ(f->members.at(d.file("mail.zip!bijlage.xlsx!xl/worksheets/sheet1.xml")).text, w.tsv);
  EXPECT_TRUE(f->skipped.empty());
}

TEST(ScanInput, ProtectedContainersAreReportedNotRead) {
  TempDir d;
  write_file(d.file("a.enc"), "Salted__\x01\x02\x03\x04 rest");
  write_file(d.file("b.asc"), "-----BEGIN PGP MESSAGE-----\n\nhQEMA...\n");
  write_file(d.file("c.age"), "age-encryption.org/v1\n-> X25519 abc\n");
  std::mt19937 rng(42);
  std::string noise(200000, '\0');
  for (auto& c : noise) c = static_cast<char>(rng());
  write_file(d.file("d.bin"), noise);
  write_archive(d.file("e.zip"), "zip", "", {{"people.csv", kCsv}}, "geheim");
  auto f = scan({d.path()});
  EXPECT_EQ(f->protected_members.at(d.file("a.enc")), "OpenSSL encrypted (Salted__)");
  EXPECT_EQ(f->protected_members.at(d.file("b.asc")), "PGP message");
  EXPECT_EQ(f->protected_members.at(d.file("c.age")), "age encrypted");
  EXPECT_EQ(f->protected_members.at(d.file("d.bin")), "high entropy, likely encrypted");
  EXPECT_EQ(f->protected_members.count(d.file("e.zip!people.csv")), 1u);
  EXPECT_TRUE(f->members.empty());
}

TEST(ScanInput, BinaryGarbageDoesNotStopTheScan) {
  TempDir d;
  write_file(d.file("garbage.zip"), std::string("PK\x03\x04", 4) + std::string(5000, '\x07'));
  write_file(d.file("fake.gz"), "\x1f\x8bthis is not gzip at all");
  write_file(d.file("ok.csv"), kCsv);
  auto f = scan({d.path()});
  EXPECT_EQ(f->members.at(d.file("ok.csv")).text, kCsv);
  EXPECT_EQ(f->skipped.count(d.file("fake.gz")), 1u);
}

class LastProgress final : public ProgressObserver {
 public:
  void on_progress(const InputProgress& p) override {
    ++calls;
    EXPECT_GE(p.bytes_read, last.bytes_read);  // counters only grow
    EXPECT_GE(p.files_done, last.files_done);
    last = p;
  }
  InputProgress last;
  int calls = 0;
};

TEST(ScanInput, ProgressEndsAtTheTotals) {
  TempDir d;
  for (int i = 0; i < 5; ++i) write_file(d.file("f" + std::to_string(i) + ".csv"), kCsv);
  write_compressed(d.file("g.csv.gz"), "gzip", kCsv + kCsv);
  RecordingFactory f;
  LastProgress progress;
  ASSERT_TRUE(read_inputs({d.path()}, small_options(2), f, &progress).ok());
  EXPECT_GE(progress.calls, 2);
  EXPECT_EQ(progress.last.files_total, 6u);
  EXPECT_EQ(progress.last.files_done, 6u);
  EXPECT_EQ(progress.last.bytes_read, progress.last.bytes_total);
  EXPECT_EQ(progress.last.bytes_decoded, 7 * kCsv.size());
  EXPECT_EQ(progress.last.members, 6u);
}

TEST(ScanInput, ManyFilesOverTwoThreadsAndOneLargeFilePipelined) {
  TempDir d;
  for (int i = 0; i < 40; ++i) write_file(d.file("f" + std::to_string(i) + ".csv"), kCsv + std::to_string(i));
  auto f = scan({d.path()}, small_options(2));
  EXPECT_EQ(f->members.size(), 40u);
  for (const auto& [path, m] : f->members) EXPECT_EQ(m.ends, 1) << path;

  std::string big;
  for (int i = 0; i < 200000; ++i) big += std::to_string(i) + ",Zoë,jan@example.nl\n";
  write_compressed(d.file("big.csv.gz"), "gzip", big);
  auto g = scan({d.file("big.csv.gz")}, small_options(2));  // 1 file, 2 threads: pipelined, cut
  std::string joined;
  for (const auto& [index, text] : g->members.at(d.file("big.csv.gz")).parts) joined += text;
  EXPECT_TRUE(joined == big);
  EXPECT_FALSE(g->members.at(d.file("big.csv.gz")).split_char);
}

TEST(ScanInput, MembersOfOneArchiveAreScannedSideBySide) {
  // One archive, two threads: the worker reads it, and each member goes whole to one of
  // two scanning threads.
  TempDir d;
  testing::Entries entries;
  for (int m = 0; m < 30; ++m) {
    std::string csv = "naam,bsn,email\n";
    for (int i = 0; i < 3000; ++i)
      csv += "Zo\xC3\xAB " + std::to_string(m * 10000 + i) + ",111222333,z@example.nl\n";
    entries.emplace_back("dump" + std::to_string(m) + ".csv", csv);
  }
  write_archive(d.file("backups.tar.gz"), "tar", "gzip", entries);
  auto f = scan({d.file("backups.tar.gz")}, small_options(2));
  ASSERT_EQ(f->members.size(), entries.size());
  std::set<std::thread::id> threads;
  for (const auto& [name, csv] : entries) {
    const auto& m = f->members.at(d.file("backups.tar.gz") + "!" + name);
    EXPECT_EQ(m.text, csv) << name;
    EXPECT_EQ(m.ends, 1) << name;
    EXPECT_FALSE(m.split_char) << name;
    threads.insert(m.thread);
  }
  EXPECT_EQ(threads.size(), 2u);
}

TEST(ScanInput, AGzippedCsvIsCutIntoRangesOnTwoThreads) {
  // One compressed member and two threads: the reader cuts it at record starts into
  // ranges of half of split_min_bytes, which the two scanning threads take in turn.
  TempDir d;
  std::string csv = "naam,notitie\n";
  for (int i = 0; i < 40000; ++i) {
    csv += "Zo\xC3\xAB " + std::to_string(i) + (i % 7 ? ",kort\n" : ",\"lang\nmet \"\"quotes\"\"\"\r\n");
  }
  write_compressed(d.file("a.csv.gz"), "gzip", csv);
  InputOptions o = small_options(2);
  o.split_min_bytes = 256u << 10;
  auto f = scan({d.file("a.csv.gz")}, o);
  const Recorded& m = f->members.at(d.file("a.csv.gz"));
  ASSERT_GE(m.parts.size(), 4u);
  EXPECT_EQ(m.ends, static_cast<int>(m.parts.size()));
  std::string joined;
  for (const auto& [index, text] : m.parts) {
    EXPECT_EQ(index, joined.empty() ? 0u : m.parts.find(index - 1)->first + 1);
    if (index > 0) {
      EXPECT_TRUE(text.starts_with("Zo\xC3\xAB ")) << index;  // a record start, not in quotes
    }
    if (index + 1 < m.parts.size()) {
      EXPECT_GE(text.size(), 128u << 10) << index;
    }
    joined += text;
  }
  EXPECT_EQ(joined, csv);
  EXPECT_NE(m.info.part.split, 0u);
  EXPECT_EQ(m.info.part.stream_count->load(), m.parts.size());
  // One thread: one range.
  auto g = scan({d.file("a.csv.gz")});
  EXPECT_EQ(g->members.at(d.file("a.csv.gz")).parts.size(), 1u);
}

}  // namespace
}  // namespace bd::scan
