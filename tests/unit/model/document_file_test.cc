// The checks on a supporting document: its type from its bytes (also for Office and
// OpenDocument zips built here entry by entry), refusals with a message, and names
// made safe without changing what people gave.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/document_file.h"

namespace bd::model {
namespace {

void put_le(std::string& out, std::uint32_t v, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A zip with stored (uncompressed) entries and a central directory, as APPNOTE 4.3
// lays it out; the CRC is left 0 because only the sniffer reads these.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    put_le(out, 0x04034b50, 4);
    put_le(out, 20, 2);  // version needed
    put_le(out, 0, 2);   // flags
    put_le(out, 0, 2);   // stored
    put_le(out, 0, 4);   // time, date
    put_le(out, 0, 4);   // crc
    put_le(out, static_cast<std::uint32_t>(data.size()), 4);
    put_le(out, static_cast<std::uint32_t>(data.size()), 4);
    put_le(out, static_cast<std::uint32_t>(name.size()), 2);
    put_le(out, 0, 2);
    out += name + data;
    put_le(central, 0x02014b50, 4);
    put_le(central, 20, 2);
    put_le(central, 20, 2);
    put_le(central, 0, 2);
    put_le(central, 0, 2);
    put_le(central, 0, 4);
    put_le(central, 0, 4);
    put_le(central, static_cast<std::uint32_t>(data.size()), 4);
    put_le(central, static_cast<std::uint32_t>(data.size()), 4);
    put_le(central, static_cast<std::uint32_t>(name.size()), 2);
    put_le(central, 0, 2);  // extra
    put_le(central, 0, 2);  // comment
    put_le(central, 0, 2);  // disk
    put_le(central, 0, 2);  // internal attributes
    put_le(central, 0, 4);  // external attributes
    put_le(central, offset, 4);
    central += name;
  }
  const auto cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put_le(out, 0x06054b50, 4);
  put_le(out, 0, 4);
  put_le(out, static_cast<std::uint32_t>(entries.size()), 2);
  put_le(out, static_cast<std::uint32_t>(entries.size()), 2);
  put_le(out, static_cast<std::uint32_t>(central.size()), 4);
  put_le(out, cd_offset, 4);
  put_le(out, 0, 2);
  return out;
}

std::string label_of(std::string_view bytes) {
  const auto type = sniff_document_type(bytes);
  return type ? std::string(type->label) : "refused";
}

TEST(AttachmentFile, KnowsTheAcceptedTypesByTheirBytes) {
  EXPECT_EQ(label_of("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), "PDF");
  EXPECT_EQ(label_of(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), "PNG");
  EXPECT_EQ(label_of("\xFF\xD8\xFF\xE0\0\x10JFIF"), "JPEG");
  EXPECT_EQ(label_of("Tijdlijn:\r\n09:12 melding ontvangen\tdoor helpdesk\n"), "TXT");
  EXPECT_EQ(label_of("\xEF\xBB\xBFlogboek met BOM, \xC3\xA9\xC3\xA9n regel"), "TXT");
  EXPECT_EQ(sniff_document_type("%PDF-1.4")->content_type, "application/pdf");
  EXPECT_EQ(sniff_document_type("tekst")->content_type, "text/plain; charset=utf-8");
}

TEST(AttachmentFile, TellsOfficeAndOpenDocumentApartFromOtherZips) {
  EXPECT_EQ(label_of(zip_of({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w/>"}})), "DOCX");
  EXPECT_EQ(label_of(zip_of({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<x/>"}})), "XLSX");
  EXPECT_EQ(label_of(zip_of({{"[Content_Types].xml", "<Types/>"}, {"ppt/presentation.xml", "<p/>"}})), "PPTX");
  EXPECT_EQ(label_of(zip_of({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<o/>"}})),
            "ODT");
  EXPECT_EQ(label_of(zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}})), "ODS");
  EXPECT_EQ(label_of(zip_of({{"mimetype", "application/vnd.oasis.opendocument.presentation"}})), "ODP");
  // An archive could hold anything, the leaked files themselves included.
  EXPECT_EQ(label_of(zip_of({{"klanten.csv", "bsn;naam\n"}})), "refused");
  // Macros are refused.
  EXPECT_EQ(label_of(zip_of({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w/>"},
                             {"word/vbaProject.bin", "VBA"}})),
            "refused");
  // An OpenDocument type that is not one of the three.
  EXPECT_EQ(label_of(zip_of({{"mimetype", "application/vnd.oasis.opendocument.graphics"}})), "refused");
}

TEST(AttachmentFile, RefusesOtherAndBrokenBytes) {
  EXPECT_EQ(label_of(std::string("MZ\x90\0\x03\0\0\0", 8)), "refused");  // a Windows program
  EXPECT_EQ(label_of(std::string("tekst met een \0 erin", 20)), "refused");
  EXPECT_EQ(label_of("\x1B[31mterminal\x1B[0m"), "refused");
  EXPECT_EQ(label_of("caf\xE9 in Windows-1252"), "refused");
  EXPECT_EQ(label_of("<html><script>alert(1)</script>"), "TXT");  // text, served as text/plain
  // Truncated and lying zips are refused, never read out of bounds.
  const std::string docx = zip_of({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w/>"}});
  for (std::size_t cut = 4; cut < docx.size(); cut += 7) EXPECT_EQ(label_of(docx.substr(0, cut)), "refused") << cut;
  std::string lying = docx;
  lying[lying.size() - 6] = '\x7F';  // central directory offset far beyond the end
  EXPECT_EQ(label_of(lying), "refused");
}

TEST(AttachmentFile, CleansNamesButKeepsThemAsGiven) {
  EXPECT_EQ(clean_file_name("Logboek firewall 2026-03-01.pdf").value(), "Logboek firewall 2026-03-01.pdf");
  EXPECT_EQ(clean_file_name("C:\\Users\\fg\\Documents\\verslag.docx").value(), "verslag.docx");
  EXPECT_EQ(clean_file_name("../../etc/passwd").value(), "passwd");
  EXPECT_EQ(clean_file_name("  rapport\x01\x7F\r\n.pdf  ").value(), "rapport.pdf");
  EXPECT_EQ(clean_file_name("factuur\u202Efdp.exe").value(), "factuurfdp.exe");  // no right-to-left override
  EXPECT_EQ(clean_file_name("r\xC3\xA9sum\xC3\xA9 \xE2\x80\x93 \xE6\x97\xA5\xE6\x9C\xAC.txt").value(),
            "r\xC3\xA9sum\xC3\xA9 \xE2\x80\x93 \xE6\x97\xA5\xE6\x9C\xAC.txt");
  EXPECT_EQ(clean_file_name("..").value(), "");
  EXPECT_EQ(clean_file_name("map/").value(), "");
  EXPECT_EQ(clean_file_name("caf\xE9.txt").error().field, "file");
  EXPECT_EQ(clean_file_name(std::string(201, 'a')).error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(clean_file_name(std::string(200, 'a')).ok());
}

TEST(AttachmentFile, ChecksAnUploadAsAWhole) {
  auto ok = check_document("/tmp/verslag.pdf", "%PDF-1.7 ...");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->name, "verslag.pdf");
  EXPECT_EQ(ok->type.label, "PDF");
  EXPECT_EQ(check_document("", "%PDF-1.7").value().name, "document.pdf");
  EXPECT_EQ(check_document("", "").error().message, "Kies een bestand om toe te voegen.");
  EXPECT_EQ(check_document("leeg.pdf", "").error().message, "Het bestand is leeg.");
  const std::string big = "%PDF-" + std::string(kMaxAttachmentBytes, 'x');
  EXPECT_EQ(check_document("groot.pdf", big).error().message, document_too_large().message);
  EXPECT_TRUE(check_document("precies.pdf", big.substr(0, kMaxAttachmentBytes)).ok());
  auto exe = check_document("echt.pdf", std::string("MZ\x90\0", 4));
  ASSERT_FALSE(exe.ok());
  EXPECT_EQ(exe.error().field, "file");
  EXPECT_NE(exe.error().message.find("PDF, PNG, JPEG"), std::string::npos);
}

TEST(AttachmentFile, FindsTypesByContentType) {
  EXPECT_EQ(find_document_type("image/png")->label, "PNG");
  EXPECT_FALSE(find_document_type("text/html").has_value());
}

}  // namespace
}  // namespace bd::model
