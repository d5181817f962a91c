// Word, PowerPoint and OpenDocument text documents: their text parts read as free text
// (a letter's paragraphs are no records, nor is the package's metadata), a word cut
// into runs joined again, table cells, headers, tracked deletions, a text box counted
// once; found by name and by content, inside an archive; encrypted ones reported as
// protected.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scan/input/input.h"
#include "scan/input/office_text.h"
#include "scan/scanner.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::archive_bytes;
using testing::RecordingFactory;
using testing::TempDir;
using testing::write_archive;
using testing::write_file;

const std::string kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string para(const std::string& runs) {
  return "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>" + runs + "</w:p>";
}
std::string run(const std::string& text) {
  return "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

// A letter: a name cut into three runs, a table of two clients, a tracked deletion of
// an IBAN, a text box written twice (DrawingML and its VML fallback), a position in
// digits that is no text.
testing::Entries letter() {
  std::string body =
      para(run("Geachte heer Jan de V") + run("ri") + run("es,")) +
      para(run("Uw BSN: 111222333.") + "<w:r><w:tab/></w:r>" + run("Kenmerk 2026/12")) +
      "<w:tbl><w:tr><w:tc>" + para(run("piet@example.nl")) + "</w:tc><w:tc>" + para(run("123456782")) +
      "</w:tc></w:tr><w:tr><w:tc>" + para(run("kees@example.nl")) + "</w:tc><w:tc>" + para(run("010000008")) +
      "</w:tc></w:tr></w:tbl>" +
      para("<w:del w:author=\"Piet\"><w:r><w:delText>IBAN NL91 ABNA 0417 1643 00</w:delText></w:r></w:del>") +
      para(
          "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:positionH><wp:posOffset>"
          "123456782</wp:posOffset></wp:positionH><wps:txbx><w:txbxContent>" +
          para(run("Contact: anna@example.nl")) +
          "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
          "<w:txbxContent>" +
          para(run("Contact: anna@example.nl")) +
          "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
          "</mc:AlternateContent>");
  return {{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types><Default Extension=\"xml\"/></Types>"},
          {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"},
          {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document " + kW +
                                    "><w:body>" + body + "<w:sectPr/></w:body></w:document>"},
          {"word/header1.xml",
           "<?xml version=\"1.0\"?><w:hdr " + kW + ">" + para(run("Tel. 06-12345678")) + "</w:hdr>"},
          {"word/styles.xml",
           "<?xml version=\"1.0\"?><w:styles " + kW + "><w:style><w:name w:val=\"x\"/></w:style></w:styles>"},
          {"docProps/core.xml",
           "<?xml version=\"1.0\"?><cp:coreProperties><dc:creator>Piet Jansen</dc:creator>"
           "<dc:description>bob@example.nl</dc:description></cp:coreProperties>"}};
}

TEST(ScanOffice, ALetterIsTextNotRecords) {
  TempDir d;
  write_archive(d.file("brief.docx"), "zip", "", letter());
  write_archive(d.file("brief.bin"), "zip", "", letter());  // no name to go by: its entries say it
  write_archive(d.file("post.zip"), "zip", "", {{"2026/brief.docx", archive_bytes("zip", "", letter())}});
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, files).ok());
  std::vector<std::string> paths;
  for (const auto& [path, member] : files.members) paths.push_back(path);
  const std::vector<std::string> parts = {"!word/document.xml", "!word/header1.xml"};
  std::vector<std::string> expected;
  for (const char* file : {"brief.bin", "brief.docx", "post.zip!2026/brief.docx"}) {
    for (const auto& part : parts) expected.push_back(d.file(file) + part);
  }
  EXPECT_EQ(paths, expected);
  const auto& doc = files.members.at(d.file("brief.docx") + "!word/document.xml");
  EXPECT_EQ(doc.info.format, Format::kText);
  EXPECT_EQ(doc.text,
            "Geachte heer Jan de Vries,\nUw BSN: 111222333. Kenmerk 2026/12\npiet@example.nl\n 123456782\n "
            "kees@example.nl\n 010000008\n IBAN NL91 ABNA 0417 1643 00\nContact: anna@example.nl\n\n");

  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.file("brief.docx")}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 0u);
  EXPECT_EQ(r.categories.at(Category::kEmail).values, 3u);  // the text box once, the metadata not
  EXPECT_EQ(r.categories.at(Category::kIban).values, 1u);
  EXPECT_EQ(r.categories.at(Category::kPhone).values, 1u);
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 1u);  // the labelled one; bare numbers in a table are not
}

TEST(ScanOffice, AWorkbookEmbeddedInALetterIsReadAsAWorkbook) {
  TempDir d;
  const std::string sheet =
      "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>naam</t></is></c><c "
      "t=\"inlineStr\"><is><t>bsn"
      "</t></is></c></row><row r=\"2\"><c "
      "t=\"inlineStr\"><is><t>Jan</t></is></c><c><v>111222333</v></c></row>"
      "<row r=\"3\"><c "
      "t=\"inlineStr\"><is><t>Zo\xC3\xAB</t></is></c><c><v>123456782</v></c></row></sheetData></worksheet>";
  const std::string book = archive_bytes("zip", "",
                                         {{"[Content_Types].xml", "<Types/>"},
                                          {"xl/workbook.xml", "<workbook/>"},
                                          {"xl/worksheets/sheet1.xml", sheet}});
  testing::Entries doc = letter();
  doc.emplace_back("word/embeddings/Microsoft_Excel_Worksheet.xlsx", book);
  write_archive(d.file("rapport.docx"), "zip", "", doc);
  write_archive(d.file("post.zip"), "zip", "", {{"rapport.docx", archive_bytes("zip", "", doc)}});
  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 2 * 2u);                               // the workbook's rows, in both copies
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 2 * 3u);  // and the letter's labelled one
  bool sheet_member = false;
  for (const auto& f : r.files)
    sheet_member |=
        f.path == d.file("rapport.docx") +
                      "!word/embeddings/Microsoft_Excel_Worksheet.xlsx!xl/worksheets/sheet1.xml" &&
        f.records == 2;
  EXPECT_TRUE(sheet_member);
}

TEST(ScanOffice, SlidesAndOpenDocumentText) {
  TempDir d;
  const std::string a = R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")";
  write_archive(d.file("deck.pptx"), "zip", "",
                {{"[Content_Types].xml", "<Types/>"},
                 {"ppt/presentation.xml", "<p:presentation/>"},
                 {"ppt/slides/slide1.xml",
                  "<p:sld " + a +
                      "><a:p><a:r><a:t>Klant: jan@example.nl</a:t></a:r></a:p>"
                      "<a:p><a:r><a:t>06-1234</a:t></a:r><a:r><a:t>5678</a:t></a:r></a:p></p:sld>"},
                 {"ppt/notesSlides/notesSlide1.xml",
                  "<p:notes " + a + "><a:p><a:r><a:t>BSN 111222333</a:t></a:r></a:p></p:notes>"},
                 {"ppt/slideLayouts/slideLayout1.xml",
                  "<p:sldLayout " + a + "><a:t>piet@example.nl</a:t></p:sldLayout>"}});
  write_archive(d.file("brief.odt"), "zip", "",
                {{"mimetype", "application/vnd.oasis.opendocument.text"},
                 {"content.xml",
                  "<?xml version=\"1.0\"?><office:document-content><office:body><office:text>"
                  "<text:h>Dossier</text:h><text:p>Naam: <text:span>Zoë</text:span><text:s/>Bakker, "
                  "zoe@example.nl</text:p><table:table><table:table-row><table:table-cell><text:p>BSN:"
                  "</text:p></table:table-cell><table:table-cell><text:p>111222333</text:p>"
                  "</table:table-cell></table:table-row></table:table></office:text></office:body>"
                  "</office:document-content>"},
                 {"styles.xml", "<office:document-styles/>"}});
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, files).ok());
  EXPECT_EQ(files.members.size(), 3u);
  EXPECT_EQ(files.members.at(d.file("deck.pptx") + "!ppt/slides/slide1.xml").text,
            "Klant: jan@example.nl\n06-12345678\n");
  EXPECT_EQ(files.members.at(d.file("deck.pptx") + "!ppt/notesSlides/notesSlide1.xml").text,
            "BSN 111222333\n");
  EXPECT_EQ(files.members.at(d.file("brief.odt") + "!content.xml").text,
            "Dossier\nNaam: Zoë Bakker, zoe@example.nl\nBSN:\n 111222333\n ");
}

TEST(ScanOffice, FoundByContentAndNotOtherwise) {
  const std::string zip("PK\x03\x04", 4);
  const std::string header = zip + std::string(26, '\0');
  EXPECT_TRUE(input::is_office_text("a", header + "mimetypeapplication/vnd.oasis.opendocument.textPK"));
  EXPECT_TRUE(input::is_office_text("a", header + "mimetypeapplication/vnd.oasis.opendocument.presentation"));
  EXPECT_FALSE(
      input::is_office_text("a", header + "mimetypeapplication/vnd.oasis.opendocument.text-template-x"));
  EXPECT_FALSE(input::is_office_text("a", header + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"));
  EXPECT_TRUE(input::is_office_text("a", header + "[Content_Types].xml...." + zip + "word/document.xml"));
  EXPECT_FALSE(input::is_office_text("a", "word/document.xml"));  // no zip
  EXPECT_FALSE(input::is_office_text("export.zip", header + "klanten.csv"));
  EXPECT_TRUE(input::is_office_text("Notulen.DOCX", ""));
  EXPECT_TRUE(input::is_office_text_part("word/footer12.xml"));
  EXPECT_FALSE(input::is_office_text_part("word/footerx.xml"));
  EXPECT_FALSE(input::is_office_text_part("word/styles.xml"));
  EXPECT_FALSE(input::is_office_text_part("ppt/slideLayouts/slideLayout1.xml"));
}

TEST(ScanOffice, EncryptedDocumentsAreProtected) {
  TempDir d;
  // A password-protected .docx: an OLE file with the EncryptionInfo stream.
  std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(1000, '\0');
  const std::string info("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
  write_file(d.file("geheim.docx"), ole);
  write_file(d.file("geheim.dat"), ole + info + std::string(500, '\0'));
  write_file(d.file("oud.xls"), ole);  // an Excel 97 workbook is not encrypted for its format
  std::string cipher;
  for (int i = 0; i < 4000; ++i) cipher.push_back(static_cast<char>('A' + (i * 7919 + 13) % 26));  // no '<'
  write_archive(d.file("geheim.odt"), "zip", "",
                {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", cipher}});
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, files).ok());
  EXPECT_TRUE(files.members.empty());
  EXPECT_EQ(files.protected_members.at(d.file("geheim.docx")),
            "encrypted Office document (password-protected)");
  EXPECT_EQ(files.protected_members.at(d.file("geheim.dat")),
            "encrypted Office document (password-protected)");
  EXPECT_EQ(files.protected_members.at(d.file("geheim.odt")), "encrypted OpenDocument document");
  EXPECT_EQ(files.protected_members.count(d.file("oud.xls")), 0u);
  EXPECT_EQ(files.skipped.count(d.file("oud.xls")), 1u);
}

}  // namespace
}  // namespace bd::scan
