// OpenDocument spreadsheets (.ods): content.xml as LibreOffice Calc writes it (typed
// cells with their value in an attribute, repeated cells and rows, a table padded with
// a million empty rows, comments, spaces as <text:s/>) read as TSV members; the same
// text wherever the chunks end; on disk and inside an archive; encrypted or broken.
#include "scan/input/ods.h"

#include <gtest/gtest.h>

#include <string>

#include "scan/input/input.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::RecordingFactory;
using testing::TempDir;
using testing::write_archive;

const std::string kHead =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>)";
const std::string kTail = "</office:spreadsheet></office:body></office:document-content>";

std::string cell(const std::string& text) {
  return R"(<table:table-cell office:value-type="string"><text:p>)" + text + "</text:p></table:table-cell>";
}

// Two tables: people (a header, rows with every kind of cell) and an empty one.
std::string content_xml() {
  std::string x = kHead +
                  R"(<table:table table:name="Cli&#235;nten &amp; co">)"
                  R"(<table:table-column table:number-columns-repeated="5"/><table:table-row>)" +
                  cell("naam") + cell("bsn") + cell("email") + cell("geboortedatum") + cell("notitie") +
                  "</table:table-row>";
  // A number shown with dots but stored plain; a date stored with a midnight time; a
  // comment; two paragraphs; spaces as <text:s>; an entity; two empty cells in a row.
  x += R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Jan<text:s/>de)"
       R"(<text:s text:c="2"/>Vries</text:p></table:table-cell>)"
       R"(<table:table-cell office:value-type="float" office:value="111222333"><text:p>111.222.333</text:p>)"
       R"(</table:table-cell><table:table-cell table:number-columns-repeated="2"/>)"
       R"(<table:table-cell office:value-type="string"><office:annotation><text:p>geheim</text:p>)"
       R"(</office:annotation><text:p>belt terug</text:p><text:p>Tom &amp; Jerry</text:p></table:table-cell>)"
       "</table:table-row>";
  x += R"(<table:table-row>)" + cell("Zo&#235; Bakker") +
       R"(<table:table-cell office:value-type="float" office:value="123456782"><text:p>123456782</text:p>)"
       R"(</table:table-cell>)" +
       cell("zoe@example.nl") +
       R"(<table:table-cell office:value-type="date" office:date-value="1980-02-03T00:00:00">)"
       R"(<text:p>03-02-80</text:p></table:table-cell><table:covered-table-cell/></table:table-row>)";
  // Identical rows written once with their count, then Calc's padding to the sheet end.
  x += R"(<table:table-row table:number-rows-repeated="2">)" + cell("Piet") +
       R"(<table:table-cell office:value-type="float" office:value="100000009"/></table:table-row>)";
  x += R"(<table:table-row table:number-rows-repeated="1048570">)"
       R"(<table:table-cell table:number-columns-repeated="1024"/></table:table-row>)";
  x += R"(</table:table><table:table table:name="Leeg"><table:table-row><table:table-cell/>)"
       "</table:table-row></table:table>" +
       kTail;
  return x;
}

const std::string kPeople =
    "naam\tbsn\temail\tgeboortedatum\tnotitie\n"
    "Jan de  Vries\t111222333\t\t\tbelt terug Tom & Jerry\n"
    "Zoë Bakker\t123456782\tzoe@example.nl\t1980-02-03\n"
    "Piet\t100000009\n"
    "Piet\t100000009\n";

testing::Entries ods_entries(const std::string& content) {
  return {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
          {"content.xml", content},
          {"META-INF/manifest.xml", "<manifest:manifest/>"}};
}

TEST(ScanOds, TablesBecomeTsvMembersOnDiskAndInsideAnArchive) {
  TempDir d;
  write_archive(d.file("klanten.ods"), "zip", "", ods_entries(content_xml()));
  write_archive(d.file("backup.tar.gz"), "tar", "gzip",
                {{"export/klanten.ods", testing::read_whole(d.file("klanten.ods"))}});
  RecordingFactory f;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, f).ok());
  for (const std::string& book : {d.file("klanten.ods"), d.file("backup.tar.gz") + "!export/klanten.ods"}) {
    SCOPED_TRACE(book);
    const std::string people = book + "!Cliënten & co";
    ASSERT_EQ(f.members.count(people), 1u);
    EXPECT_EQ(f.members.at(people).text, kPeople);
    EXPECT_EQ(f.members.at(people).info.format, Format::kTsv);
    ASSERT_EQ(f.members.count(book + "!Leeg"), 1u);
    EXPECT_EQ(f.members.at(book + "!Leeg").text, "");
  }
  EXPECT_TRUE(f.skipped.empty());
}

// The parser gives the same text wherever the chunks of content.xml end.
TEST(ScanOds, TheSameTextWhereverTheChunksEnd) {
  const std::string xml = content_xml().substr(0, 6000);  // the rows before the padding
  auto parse = [&](std::size_t step) {
    std::string out;
    input::SheetCallbacks cb;
    cb.begin = [&](const std::string& path) { out += "[" + path + "]"; };
    cb.chunk = [&](std::string_view tsv) { out.append(tsv); };
    cb.end = [&] { out += "[end]"; };
    input::OdsContentParser parser("b.ods", cb);
    for (std::size_t at = 0; at < xml.size(); at += step) parser.feed(std::string_view(xml).substr(at, step));
    parser.finish();
    return out;
  };
  const std::string whole = parse(xml.size());
  EXPECT_NE(whole.find("Zoë Bakker\t123456782"), std::string::npos) << whole;
  for (std::size_t step : {1u, 2u, 3u, 7u, 64u, 333u}) EXPECT_EQ(parse(step), whole) << "step " << step;
}

TEST(ScanOds, MimetypeNamesASpreadsheetWithoutItsExtension) {
  const std::string mime = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
  const std::string head = std::string("PK\x03\x04", 4) + std::string(26, '\0') + mime;
  EXPECT_TRUE(input::is_ods_head(head));
  EXPECT_FALSE(input::is_ods_head(head.substr(0, 40)));
  EXPECT_FALSE(input::is_ods_head(std::string("PK\x03\x04", 4) + std::string(26, '\0') +
                                  "mimetypeapplication/vnd.oasis.opendocument.text"));
}

// People are counted from an .ods as from the same CSV; an encrypted document is a
// protection finding; one without content.xml is skipped with the reason.
TEST(ScanOds, CountsEncryptionAndDamage) {
  TempDir d;
  write_archive(d.file("klanten.ods"), "zip", "", ods_entries(content_xml()));
  write_archive(d.file("geheim.ods"), "zip", "", ods_entries(std::string(3000, '\x9c')));
  write_archive(d.file("kapot.ods"), "zip", "",
                {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}});
  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 4u);
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 4u);
  EXPECT_EQ(r.categories.at(Category::kBsn).distinct, 3u);
  EXPECT_EQ(r.categories.at(Category::kEmail).values, 1u);
  EXPECT_EQ(r.persons_distinct, 3u);
  EXPECT_TRUE(r.protection.encrypted);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].path, d.file("kapot.ods"));
  EXPECT_EQ(r.skipped[0].reason, "OpenDocument spreadsheet without content.xml");
}

}  // namespace
}  // namespace bd::scan
