// PostgreSQL custom-format archives (pg_dump -Fc) read as SQL: archives written here
// byte by byte as pg_dump writes them (header, table of contents, data blocks in
// chunks), uncompressed, zlib and zstd, for every archive version read; --inserts
// data, large objects, damaged and truncated archives. A real pg_dump of a real server
// is scanned by pg_dump_cli.sh.
#include <gtest/gtest.h>
#include <libdeflate.h>
#include <zstd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scan/input/input.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::RecordingFactory;
using testing::TempDir;
using testing::write_archive;
using testing::write_file;

enum class Packing { kNone, kZlib, kZstd, kLz4 };

struct Version {
  int major, minor, revision;
  int number() const { return (major * 256 + minor) * 256 + revision; }
};

// One table of an archive: its CREATE TABLE, its COPY statement (empty: --inserts
// data) and its data as pg_dump writes it.
struct Table {
  std::string create;
  std::string copy;
  std::string data;
};

// Writes an archive the way pg_dump does (pg_backup_archiver.c, pg_backup_custom.c):
// integers as a sign byte and 4 bytes, least significant first; strings as a length
// and bytes; data in chunks of at most `chunk` bytes, ended by a 0 length.
class ArchiveWriter {
 public:
  // format: 1 custom (-Fc), 3 tar (-Ft), 5 directory (-Fd); the latter two's toc.dat
  // names a data file per table instead of holding the data.
  ArchiveWriter(Version v, Packing p, int format = 1) : v_(v), p_(p), format_(format) {}

  std::string build(const std::vector<Table>& tables, int large_objects = 0) {
    out_ = "PGDMP";
    out_ += {static_cast<char>(v_.major), static_cast<char>(v_.minor), static_cast<char>(v_.revision)};
    out_ += {'\x04', '\x08', static_cast<char>(format_)};  // int size, offset size, format
    if (v_.number() >= Version{1, 15, 0}.number()) {
      out_ += static_cast<char>(p_ == Packing::kNone   ? 0
                                : p_ == Packing::kZlib ? 1
                                : p_ == Packing::kLz4  ? 2
                                                       : 3);
    } else {
      integer(p_ == Packing::kNone ? 0 : -1);
    }
    for (int t : {12, 30, 10, 7, 11, 126, 0}) integer(t);
    str("klanten");
    str("15.18");
    str("15.18");
    // TOC: ENCODING, then per table a TABLE and a TABLE DATA entry, then BLOBS.
    const int entries = 1 + 2 * static_cast<int>(tables.size()) + (large_objects > 0 ? 1 : 0);
    integer(entries);
    entry(1, "ENCODING", "SET client_encoding = 'UTF8';\n", nullptr);
    for (std::size_t i = 0; i < tables.size(); ++i) {
      entry(10 + static_cast<int>(i), "TABLE", tables[i].create, nullptr);
      entry(100 + static_cast<int>(i), "TABLE DATA", "", &tables[i].copy);
    }
    if (large_objects > 0) entry(500, "BLOBS", "", nullptr);
    if (format_ != 1) return out_;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      // A large-object block in the middle: the tables after it are still read.
      if (i == tables.size() / 2 && large_objects > 0) blobs(large_objects);
      out_ += '\x01';  // BLK_DATA
      integer(100 + static_cast<int>(i));
      chunks(pack(tables[i].data));
      integer(0);
    }
    return out_;
  }

  std::size_t chunk = 1000;

 private:
  void integer(long long v) {
    out_ += static_cast<char>(v < 0 ? 1 : 0);
    unsigned long long u = static_cast<unsigned long long>(v < 0 ? -v : v);
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((u >> (8 * i)) & 0xff);
  }
  void str(const std::string& s) {
    integer(static_cast<long long>(s.size()));
    out_ += s;
  }
  void null_str() { integer(-1); }
  void entry(int id, const std::string& desc, const std::string& defn, const std::string* copy) {
    integer(id);
    integer(copy != nullptr ? 1 : 0);
    str("1259");
    str(std::to_string(16000 + id));
    str("klant");
    str(desc);
    integer(desc == "TABLE DATA" || desc == "BLOBS" ? 3 : 2);  // section
    str(defn);
    str("");
    if (copy != nullptr)
      str(*copy);
    else
      null_str();
    str("public");
    str("");
    if (v_.number() >= Version{1, 14, 0}.number()) str("heap");
    if (v_.number() >= Version{1, 16, 0}.number()) integer('r');
    str("postgres");
    str("false");
    str(desc == "TABLE DATA" ? std::to_string(10 + id - 100) : "1");  // table data depends on its table
    null_str();
    if (format_ == 1) {
      out_ += '\x02';  // offset set
      out_ += std::string(8, '\0');
    } else {
      str(copy != nullptr ? std::to_string(id) + ".dat" : "");
    }
  }
  std::string pack(const std::string& data) {
    if (p_ == Packing::kNone || p_ == Packing::kLz4) return data;
    std::string out(data.size() + 1024, '\0');
    std::size_t n = 0;
    if (p_ == Packing::kZlib) {
      libdeflate_compressor* c = libdeflate_alloc_compressor(6);
      n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
      libdeflate_free_compressor(c);
    } else {
      n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
    }
    out.resize(n);
    return out;
  }
  void chunks(const std::string& bytes) {
    for (std::size_t at = 0; at < bytes.size(); at += chunk) {
      const std::string part = bytes.substr(at, chunk);
      integer(static_cast<long long>(part.size()));
      out_ += part;
    }
  }
  void blobs(int n) {
    out_ += '\x03';  // BLK_BLOBS
    integer(500);
    for (int i = 0; i < n; ++i) {
      integer(20000 + i);  // the large object's oid, then its data
      chunks(pack(std::string(3000, static_cast<char>(i))));
      integer(0);
    }
    integer(0);
  }

  Version v_;
  Packing p_;
  int format_;
  std::string out_;
};

// Valid BSNs (11-check) for the rows.
const char* const kBsns[] = {"111222333", "123456782", "010000008", "100000009"};

std::string copy_rows(int rows) {
  std::string data;
  for (int i = 0; i < rows; ++i) {
    data += std::to_string(i) + "\tKlant " + std::to_string(i) + "\t" + kBsns[i % 4] + "\tk" +
            std::to_string(i) + "@example.nl\n";
  }
  return data + "\\.\n\n\n";
}

std::vector<Table> klant_tables(int rows) {
  return {
      {"CREATE TABLE public.klant (\n    id integer,\n    naam text,\n    bsn text,\n    email text\n);\n",
       "COPY public.klant (id, naam, bsn, email) FROM stdin;\n", copy_rows(rows)},
      {"CREATE TABLE public.notitie (\n    id integer,\n    tekst text\n);\n",
       "COPY public.notitie (id, tekst) FROM stdin;\n", "1\tbelt morgen terug\n2\tgeen\n\\.\n\n\n"},
  };
}

ScanReport scan_paths(const std::vector<std::string>& paths, int threads = 1) {
  Scanner scanner;
  InputOptions o;
  o.threads = threads;
  EXPECT_TRUE(read_inputs(paths, o, scanner).ok());
  return scanner.finish();
}

std::uint64_t values(const ScanReport& r, Category c) {
  auto it = r.categories.find(c);
  return it == r.categories.end() ? 0 : it->second.values;
}

std::map<std::string, std::string> skipped(const ScanReport& r) {
  std::map<std::string, std::string> out;
  for (const auto& s : r.skipped) out[s.path] = s.reason;
  return out;
}

// Every archive version from PostgreSQL 9.0 to 18, each way of packing the data: the
// same SQL text, and the same counts as the plain dump of the same tables.
TEST(ScanPgDump, EveryVersionAndPackingReadsAsThePlainDump) {
  TempDir d;
  const auto tables = klant_tables(300);
  std::string plain;
  for (const auto& t : tables) plain += t.create;
  for (const auto& t : tables) plain += t.copy + t.data;
  write_file(d.file("plain.sql"), plain);
  const ScanReport expected = scan_paths({d.file("plain.sql")});
  ASSERT_EQ(expected.records, 302u);
  ASSERT_EQ(values(expected, Category::kBsn), 300u);
  for (Version v :
       {Version{1, 12, 0}, Version{1, 13, 0}, Version{1, 14, 0}, Version{1, 15, 0}, Version{1, 16, 0}}) {
    for (Packing p : {Packing::kNone, Packing::kZlib, Packing::kZstd}) {
      if (p == Packing::kZstd && v.minor < 15) continue;  // zstd came with 1.15 (PostgreSQL 16)
      SCOPED_TRACE("version 1." + std::to_string(v.minor) + ", packing " +
                   std::to_string(static_cast<int>(p)));
      const std::string path =
          d.file("db-" + std::to_string(v.minor) + "-" + std::to_string(static_cast<int>(p)));
      write_file(path, ArchiveWriter(v, p).build(tables));
      RecordingFactory f;
      ASSERT_TRUE(read_inputs({path}, InputOptions{}, f).ok());
      ASSERT_EQ(f.members.count(path), 1u);
      EXPECT_TRUE(f.members.at(path).text == plain) << f.members.at(path).text.substr(0, 400);
      EXPECT_EQ(f.members.at(path).info.format, Format::kSql);
      EXPECT_TRUE(f.skipped.empty());
      const ScanReport r = scan_paths({path});
      EXPECT_EQ(r.records, expected.records);
      EXPECT_EQ(values(r, Category::kBsn), 300u);
      EXPECT_EQ(values(r, Category::kEmail), 300u);
      EXPECT_EQ(r.persons_distinct, expected.persons_distinct);
      EXPECT_TRUE(r.skipped.empty());
    }
  }
}

// pg_dump --inserts: INSERT statements without column names; the CREATE TABLE from the
// table of contents names the columns, so the BSN column is one by its header.
TEST(ScanPgDump, InsertDataTakesItsColumnNamesFromTheTableOfContents) {
  TempDir d;
  std::string inserts;
  for (int i = 0; i < 40; ++i) {
    inserts += "INSERT INTO public.klant VALUES (" + std::to_string(i) + ", 'Klant', '" + kBsns[i % 4] +
               "', 'k" + std::to_string(i) + "@example.nl');\n";
  }
  std::vector<Table> tables = {{klant_tables(1)[0].create, "", inserts}};
  write_file(d.file("inserts.dump"), ArchiveWriter({1, 14, 0}, Packing::kZlib).build(tables));
  const ScanReport r = scan_paths({d.file("inserts.dump")});
  EXPECT_EQ(r.records, 40u);
  EXPECT_EQ(values(r, Category::kBsn), 40u);
  bool bsn_column = false;
  for (const auto& c : r.columns) bsn_column |= c.table == "klant" && c.column == "bsn" && c.verdict == "bsn";
  EXPECT_TRUE(bsn_column);
}

// Large objects are binary: passed over, counted in the skipped list; the tables after
// them are read. Inside a tar.gz the archive is read as any member.
TEST(ScanPgDump, LargeObjectsAreListedAndTheRestIsRead) {
  TempDir d;
  const std::string dump = ArchiveWriter({1, 14, 0}, Packing::kZlib).build(klant_tables(50), 3);
  write_file(d.file("met-blobs.dump"), dump);
  write_archive(d.file("backup.tar.gz"), "tar", "gzip", {{"klanten/db.dump", dump}});
  const ScanReport r = scan_paths({d.file("met-blobs.dump"), d.file("backup.tar.gz")}, 2);
  EXPECT_EQ(r.records, 2 * 52u);
  EXPECT_EQ(values(r, Category::kBsn), 100u);
  auto why = skipped(r);
  EXPECT_EQ(why[d.file("met-blobs.dump")], "3 large objects (binary): not read");
  EXPECT_EQ(why[d.file("backup.tar.gz") + "!klanten/db.dump"], "3 large objects (binary): not read");
}

// pg_dump -Ft (a tar) and -Fd (a directory, data files gzipped): the toc.dat names each
// data file's table and COPY statement, so the files read as the plain dump does; a
// data file without a toc.dat beside it is plain tab-separated text, its columns
// unnamed. --inserts data in a data file gets its table's CREATE TABLE.
TEST(ScanPgDump, TarAndDirectoryDumpsNameTheirDataFilesColumns) {
  TempDir d;
  std::vector<Table> tables = klant_tables(120);
  std::string inserts;
  for (int i = 0; i < 10; ++i)
    inserts += "INSERT INTO public.notitie VALUES (" + std::to_string(i) + ", 'geen');\n";
  tables[1].copy.clear();
  tables[1].data = inserts;
  std::string plain = tables[0].create + tables[1].create + tables[0].copy + tables[0].data + tables[1].data;
  write_file(d.file("plain.sql"), plain);
  const std::string toc_tar = ArchiveWriter({1, 14, 0}, Packing::kNone, 3).build(tables);
  write_archive(d.file("dump.tar"), "tar", "",
                {{"toc.dat", toc_tar},
                 {"100.dat", tables[0].data},
                 {"101.dat", tables[1].data},
                 {"restore.sql", "-- restore script\n"}});
  std::filesystem::create_directory(d.file("dir"));
  write_file(d.file("dir/toc.dat"), ArchiveWriter({1, 16, 0}, Packing::kZlib, 5).build(tables));
  testing::write_compressed(d.file("dir/100.dat.gz"), "gzip", tables[0].data);
  write_file(d.file("dir/101.dat"), tables[1].data);
  std::filesystem::create_directory(d.file("loose"));
  write_file(d.file("loose/100.dat"), tables[0].data);
  const ScanReport plain_report = scan_paths({d.file("plain.sql")});
  ASSERT_EQ(plain_report.records, 130u);
  for (const std::string& path : {d.file("dump.tar"), d.file("dir")}) {
    SCOPED_TRACE(path);
    const ScanReport r = scan_paths({path}, 2);
    EXPECT_EQ(r.records, 130u);
    EXPECT_EQ(values(r, Category::kBsn), 120u);
    EXPECT_EQ(values(r, Category::kName), values(plain_report, Category::kName));
    EXPECT_EQ(r.persons_distinct, plain_report.persons_distinct);
    EXPECT_TRUE(r.skipped.empty());
    std::set<std::string> columns;
    for (const auto& c : r.columns) columns.insert(c.table + "." + c.column);
    EXPECT_TRUE(columns.count("klant.bsn") && columns.count("klant.naam") && columns.count("notitie.tekst"));
  }
  const ScanReport loose = scan_paths({d.file("loose")});
  EXPECT_EQ(values(loose, Category::kName), 0u);   // no header: "Klant 3" is no name
  EXPECT_EQ(values(loose, Category::kBsn), 120u);  // a column of valid BSNs all the same
}

// Damage: a truncated archive keeps the rows read before the cut and says why; a data
// block without its "\." line still ends its table; LZ4, an unknown block, a TOC cut
// short, a tar-format toc.dat (no rows) and garbage after the magic are never a crash.
TEST(ScanPgDump, DamagedArchivesSayWhyAndKeepWhatWasRead) {
  TempDir d;
  ArchiveWriter zlib({1, 14, 0}, Packing::kZlib);
  const std::string whole = zlib.build(klant_tables(2000));
  write_file(d.file("cut.dump"), whole.substr(0, whole.size() * 2 / 3));
  write_file(d.file("toc-cut.dump"), whole.substr(0, 300));
  std::vector<Table> no_end = klant_tables(10);
  no_end[0].data = copy_rows(10).substr(0, copy_rows(10).size() - 5);  // no "\." line
  write_file(d.file("no-end.dump"), ArchiveWriter({1, 14, 0}, Packing::kNone).build(no_end));
  write_file(d.file("lz4.dump"), ArchiveWriter({1, 15, 0}, Packing::kLz4).build(klant_tables(5)));
  std::string bad_block = ArchiveWriter({1, 14, 0}, Packing::kNone).build(klant_tables(5));
  bad_block += std::string("\x07\x00\x01\x00\x00\x00", 6);  // a block of type 7, id 1
  write_file(d.file("bad-block.dump"), bad_block);
  write_file(d.file("toc.dat"), std::string("PGDMP\x01\x0e\x00\x04\x08\x03", 11) + std::string(600, '\0'));
  write_file(d.file("garbage.dump"),
             std::string("PGDMP\x01\x0e\x00\x04\x08\x01", 11) + std::string(600, '\xff'));
  const ScanReport r = scan_paths({d.path()});
  auto why = skipped(r);
  EXPECT_EQ(why[d.file("cut.dump")].rfind("truncated pg_dump archive", 0), 0u) << why[d.file("cut.dump")];
  EXPECT_EQ(why[d.file("toc-cut.dump")], "truncated pg_dump archive");
  EXPECT_NE(why[d.file("lz4.dump")].find("LZ4"), std::string::npos);
  EXPECT_NE(why[d.file("bad-block.dump")].find("damaged pg_dump archive (data block type 7)"),
            std::string::npos);
  EXPECT_NE(why[d.file("garbage.dump")].find("damaged pg_dump archive"), std::string::npos);
  EXPECT_EQ(why.count(d.file("no-end.dump")), 0u);
  EXPECT_EQ(why.count(d.file("toc.dat")), 0u);
  std::map<std::string, std::uint64_t> records;
  for (const auto& f : r.files) records[f.path] = f.records;
  EXPECT_GT(records[d.file("cut.dump")], 500u);
  EXPECT_LT(records[d.file("cut.dump")], 2000u);
  EXPECT_EQ(records[d.file("no-end.dump")], 12u);  // both tables' rows, none lost
  EXPECT_EQ(records[d.file("bad-block.dump")], 7u);
}

}  // namespace
}  // namespace bd::scan
