// The whole scanner on hostile and awkward input: deep JSON, an unterminated quote, a
// very long line, binary garbage, UTF-16 and Windows-1252 files. The scan must finish,
// count what is valid, and list what it left out.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

#include "scan/input/input.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;
using testing::write_file;

ScanReport scan_paths(const std::vector<std::string>& paths) {
  Scanner scanner;
  InputOptions o;
  o.threads = 2;
  EXPECT_TRUE(read_inputs(paths, o, scanner).ok());
  return scanner.finish();
}

std::uint64_t values(const ScanReport& r, Category c) {
  auto it = r.categories.find(c);
  return it == r.categories.end() ? 0 : it->second.values;
}

const FileReport& file(const ScanReport& r, const std::string& path) {
  for (const auto& f : r.files) {
    if (f.path == path) return f;
  }
  static const FileReport kNone;
  ADD_FAILURE() << "no report for " << path;
  return kNone;
}

TEST(ScanBadInput, DeepJsonAndUnterminatedQuoteDoNotStopTheScan) {
  TempDir d;
  write_file(d.file("deep.json"), std::string(1u << 20, '[') + "\"jan@example.nl\"");
  std::string csv = "naam,email\nJan,jan@example.nl\nPiet,piet@example.nl\n\"Kees,kees@example.nl\n";
  for (int i = 0; i < 20000; ++i) csv += "regel " + std::to_string(i) + ",x" + std::to_string(i) + "@example.nl\n";
  write_file(d.file("open.csv"), csv);
  write_file(d.file("ok.csv"), "naam,email\nAnna,anna@example.nl\n");
  ScanReport r = scan_paths({d.path()});
  EXPECT_GE(file(r, d.file("open.csv")).records, 2u);
  EXPECT_EQ(file(r, d.file("ok.csv")).records, 1u);
  EXPECT_GE(values(r, Category::kEmail), 3u);
}

TEST(ScanBadInput, AVeryLongLineIsScannedInChunks) {
  TempDir d;
  std::string line;
  for (int i = 0; i < 1000; ++i) {
    line += std::string(30000, 'x') + " contact" + std::to_string(i) + "@example.nl ";
  }
  write_file(d.file("one-line.log"), line);  // 30 MB, no newline
  ScanReport r = scan_paths({d.file("one-line.log")});
  EXPECT_EQ(values(r, Category::kEmail), 1000u);
}

TEST(ScanBadInput, BinaryGarbageCountsNothing) {
  TempDir d;
  std::mt19937 rng(7);
  std::string noise(1u << 20, '\0');
  for (std::size_t i = 0; i < noise.size(); i += 2) noise[i] = static_cast<char>(rng() % 7);  // NUL-rich, low entropy
  write_file(d.file("garbage.dat"), noise);
  ScanReport r = scan_paths({d.file("garbage.dat")});
  EXPECT_EQ(r.records, 0u);
  EXPECT_TRUE(r.categories.empty() || values(r, Category::kBsn) == 0);
  ASSERT_EQ(r.skipped.size(), 1u);  // and the report says it was not read
  EXPECT_EQ(r.skipped[0].reason, "binary data of no known format: not read");
}

// Binary files that may well hold personal data but are not read (a pg_dump archive of
// an unknown format, a damaged SQLite database, an old Office file, a PDF) are listed
// as skipped, with what to do instead; images and programs hold no text and are left out of the list.
TEST(ScanBadInput, UnreadBinaryFormatsAreListedAsSkipped) {
  TempDir d;
  const std::string zeros(600, '\0');
  write_file(d.file("klant.dump"), std::string("PGDMP\x01\x0e\0\x04\x08\x07", 11) + zeros);
  write_file(d.file("app.db"), std::string("SQLite format 3\0", 16) + zeros);
  write_file(d.file("oud.xls"), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + zeros);
  write_file(d.file("brief.pdf"), "%PDF-1.7\n" + zeros);
  write_file(d.file("foto.png"), "\x89PNG\r\n\x1a\n" + zeros);
  ScanReport r = scan_paths({d.path()});
  std::map<std::string, std::string> reasons;
  for (const auto& s : r.skipped) reasons[s.path] = s.reason;
  EXPECT_EQ(reasons.size(), 4u);
  EXPECT_EQ(reasons[d.file("klant.dump")], "pg_dump archive of an unknown format: not read");
  EXPECT_NE(reasons[d.file("app.db")].find("SQLite database"), std::string::npos);
  EXPECT_NE(reasons[d.file("oud.xls")].find("Office 97-2003"), std::string::npos);
  EXPECT_NE(reasons[d.file("brief.pdf")].find("PDF"), std::string::npos);
  EXPECT_EQ(reasons.count(d.file("foto.png")), 0u);
  EXPECT_FALSE(r.protection.encrypted);
}

TEST(ScanBadInput, Utf16AndWindows1252FilesAreCountedLikeUtf8) {
  TempDir d;
  std::string text = "naam;bsn;email\n";
  for (int i = 0; i < 50; ++i) text += "Zoë Bakker;123456782;zoe" + std::to_string(i) + "@example.nl\n";
  std::string le = "\xFF\xFE";
  for (unsigned char c : std::string("naam;bsn;email\n")) le += {static_cast<char>(c), '\0'};
  for (int i = 0; i < 50; ++i) {
    std::string row = "Zo";
    for (unsigned char c : row) le += {static_cast<char>(c), '\0'};
    le += {'\xEB', '\0'};  // ë
    for (unsigned char c : std::string(" Bakker;123456782;zoe" + std::to_string(i) + "@example.nl\n")) {
      le += {static_cast<char>(c), '\0'};
    }
  }
  std::string cp1252;
  for (int i = 0; i < 50; ++i) cp1252 += "Zo\xEB Bakker;123456782;zoe" + std::to_string(i) + "@example.nl\n";
  write_file(d.file("utf16.csv"), le);
  write_file(d.file("cp1252.csv"), "naam;bsn;email\n" + cp1252);
  write_file(d.file("utf8.csv"), text);
  ScanReport r = scan_paths({d.path()});
  for (const char* f : {"utf16.csv", "cp1252.csv", "utf8.csv"}) {
    const FileReport& fr = file(r, d.file(f));
    EXPECT_EQ(fr.records, 50u) << f;
    EXPECT_EQ(fr.values.count("bsn") ? fr.values.at("bsn") : 0u, 50u) << f;
    EXPECT_EQ(fr.values.count("email") ? fr.values.at("email") : 0u, 50u) << f;
  }
}

TEST(ScanBadInput, SkippedInputsAreListedInTheReport) {
  TempDir d;
  std::string tgz = testing::archive_bytes("tar", "gzip", {{"a.csv", "naam,email\nJan,jan@example.nl\n"},
                                                           {"b.csv", std::string(300000, 'q')}});
  write_file(d.file("cut.tar.gz"), tgz.substr(0, tgz.size() - 40));
  write_file(d.file("secret.enc"), "Salted__\x01\x02\x03\x04rest");
  ScanReport r = scan_paths({d.path()});
  EXPECT_EQ(values(r, Category::kEmail), 1u);
  EXPECT_FALSE(r.skipped.empty());
  EXPECT_TRUE(r.protection.encrypted);
}

}  // namespace
}  // namespace bd::scan
