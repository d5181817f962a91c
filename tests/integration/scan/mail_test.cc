// E-mail through the whole scanner: a mailbox whose attachments (base64 CSV, a zip, an
// attached message with its own attachment) count as files, whose text and HTML
// alternatives count once, quoted-printable soft breaks and encoded words decoded;
// broken MIME read as far as it goes; text that only looks like mail stays text; the
// same result however the source hands out its bytes.
#include "scan/input/mail.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
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

const char* const kBsns[] = {"111222333", "123456782", "010000008", "100000009"};

std::string base64(const std::string& in, std::size_t line = 76) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out, row;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const auto b = [&](std::size_t j) { return j < in.size() ? static_cast<unsigned char>(in[j]) : 0u; };
    const unsigned v = b(i) << 16 | b(i + 1) << 8 | b(i + 2);
    row += k[v >> 18 & 63];
    row += k[v >> 12 & 63];
    row += i + 1 < in.size() ? k[v >> 6 & 63] : '=';
    row += i + 2 < in.size() ? k[v & 63] : '=';
    if (row.size() >= line) {
      out += row + "\r\n";
      row.clear();
    }
  }
  return out + (row.empty() ? "" : row + "\r\n");
}

// 200 customers of 4 people (the same BSN, an e-mail address each).
std::string customers_csv() {
  std::string csv = "naam,bsn,email\n";
  for (int i = 0; i < 200; ++i)
    csv += "Jan de Vries " + std::to_string(i) + "," + kBsns[i % 4] + ",jan" + std::to_string(i) +
           "@example.nl\n";
  return csv;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A message with a text and an HTML alternative (the same IBAN and phone number in
// both, the phone number cut by a soft line break) and `attachments` after them.
std::string message(const std::string& from, const std::string& attachments) {
  return "From: " + from +
         "\r\nTo: klantenservice@example.com\r\nSubject: =?iso-8859-1?Q?Bestand_cli=EBnten?=\r\n"
         "Received: from [192.168.10.20] by mx.example.com\r\nMIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed;\r\n boundary=\"outer\"\r\n\r\n"
         "This is a multi-part message in MIME format.\r\n"
         "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
         "--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
         "quoted-printable\r\n\r\n"
         "Mijn IBAN is NL91 ABNA 0417 1643 00, bel me op 06-=\r\n12345678.=20\r\n"
         "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
         "<p>Mijn IBAN is NL91 ABNA 0417 1643 00, bel me op 06-12345678.</p>\r\n"
         "--alt--\r\n" +
         attachments + "--outer--\r\nepilogue\r\n";
}

std::string attachment(const std::string& type, const std::string& disposition, const std::string& body) {
  return "--outer\r\nContent-Type: " + type + "\r\nContent-Disposition: " + disposition +
         "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64(body);
}

TEST(ScanMail, AMailboxCountsItsTextOnceAndItsAttachmentsAsFiles) {
  TempDir d;
  write_archive(d.file("bijlage.zip"), "zip", "", {{"export/klanten.csv", customers_csv()}});
  const std::string zip = read_bytes(d.file("bijlage.zip"));
  // An attached message (an .eml) with the CSV attached to it in turn.
  const std::string forwarded = message(
      "Piet <piet@example.nl>", attachment("text/csv", "attachment; filename=klanten.csv", customers_csv()));
  std::string mbox =
      "From jan@example.nl Mon Dec  7 10:00:00 2026\n" +
      message("=?utf-8?B?Wm/DqyBCYWtrZXI=?= <zoe@example.nl>",
              attachment("text/csv; name=\"klanten.csv\"", "attachment", customers_csv())) +
      "\nFrom piet@example.nl Mon Dec  7 11:00:00 2026\n" +
      message("piet@example.nl",
              attachment("application/zip", "attachment; filename*=UTF-8''bijl%C3%A4ge.zip", zip) +
                  attachment("message/rfc822", "attachment; filename=\"fwd.eml\"", forwarded));
  write_file(d.file("inbox.mbox"), mbox);
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.file("inbox.mbox")}, InputOptions{}, files).ok());
  std::vector<std::string> paths;
  for (const auto& [path, member] : files.members) paths.push_back(path);
  const std::string m = d.file("inbox.mbox");
  EXPECT_EQ(paths,
            (std::vector<std::string>{m + "!message 1", m + "!message 1/klanten.csv", m + "!message 2",
                                      m + "!message 2/bijläge.zip!export/klanten.csv",
                                      m + "!message 2/fwd.eml!klanten.csv", m + "!message 2/fwd.eml!text"}));
  const std::string& text = files.members.at(m + "!message 1").text;
  EXPECT_NE(
      text.find(
          "From: Zoë Bakker <zoe@example.nl>\nTo: klantenservice@example.com\nSubject: Bestand cliënten\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("bel me op 06-12345678. \n"), std::string::npos) << text;
  EXPECT_EQ(text.find("<p>"), std::string::npos) << "the HTML alternative repeats the text";
  EXPECT_EQ(text.find("192.168"), std::string::npos) << "relay headers are no text of the message";
  EXPECT_EQ(files.members.at(m + "!message 1/klanten.csv").text, customers_csv());
  EXPECT_TRUE(files.skipped.empty());

  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.file("inbox.mbox")}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 3 * 200u);
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 600u);
  EXPECT_EQ(r.categories.at(Category::kBsn).distinct, 4u);
  EXPECT_EQ(r.categories.at(Category::kIban).values, 3u);  // one per message, the forwarded one too
  EXPECT_EQ(r.categories.at(Category::kPhone).values, 3u);
  // 200 customers; zoe, piet and the service desk in the headers.
  EXPECT_EQ(r.categories.at(Category::kEmail).distinct, 203u);
}

TEST(ScanMail, OneMessageIsReadByItsContentWhateverItsName) {
  TempDir d;
  const std::string eml = message(
      "Jan <jan@example.nl>", attachment("application/octet-stream",
                                         "attachment; filename=\"C:\\data\\lijst.csv\"", customers_csv()));
  write_file(d.file("bericht.eml"), eml);
  write_file(d.file("bericht.txt"), eml);
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, files).ok());
  for (const char* name : {"bericht.eml", "bericht.txt"}) {
    const std::string p = d.file(name);
    ASSERT_EQ(files.members.count(p + "!lijst.csv"), 1u) << name;
    EXPECT_EQ(files.members.at(p + "!lijst.csv").info.format, Format::kCsv);
    EXPECT_EQ(files.members.at(p + "!lijst.csv").text, customers_csv());
    EXPECT_EQ(files.members.count(p + "!text"), 1u) << name;
  }
}

TEST(ScanMail, AnHtmlOnlyBodyIsReadAsHtml) {
  TempDir d;
  std::string table = "<html><body><p>Beste,</p><p>De lijst:</p><table><tr><th>Naam</th><th>BSN</th></tr>";
  for (int i = 0; i < 40; ++i)
    table += "<tr><td>Klant " + std::to_string(i) + "</td><td>" + kBsns[i % 4] + "</td></tr>";
  table += "</table><p>Groet, jan&#64;example.nl</p></body></html>";
  write_file(d.file("lijst.eml"),
             "From: jan@example.nl\r\nTo: piet@example.nl\r\nSubject: lijst\r\n"
             "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n" +
                 base64(table));
  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.file("lijst.eml")}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, 40u);
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 40u);
  EXPECT_EQ(r.categories.at(Category::kEmail).values, 3u);  // From, To and the signature, decoded
  std::vector<std::string> paths;
  for (const auto& f : r.files) paths.push_back(f.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{d.file("lijst.eml") + "!body.html", d.file("lijst.eml") + "!text"}));
}

TEST(ScanMail, AnEncryptedMessageIsAProtectionFinding) {
  TempDir d;
  std::string cipher;
  for (int i = 0; i < 3000; ++i) cipher.push_back(static_cast<char>((i * 7919 + 13) % 256));
  write_file(
      d.file("versleuteld.eml"),
      "From: jan@example.nl\r\nTo: piet@example.nl\r\nSubject: dossier\r\nMIME-Version: 1.0\r\n"
      "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\r\n"
      "Content-Disposition: attachment; filename=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
          base64(cipher));
  write_file(d.file("ondertekend.eml"),
             "From: jan@example.nl\r\nTo: piet@example.nl\r\nSubject: dossier\r\nMIME-Version: 1.0\r\n"
             "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n" +
                 base64(cipher));
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, files).ok());
  EXPECT_EQ(files.protected_members.size(), 1u);
  EXPECT_EQ(files.protected_members.at(d.file("versleuteld.eml") + "!smime.p7m"), "S/MIME encrypted message");
  EXPECT_EQ(files.members.count(d.file("versleuteld.eml") + "!text"), 1u);  // its headers name the people
  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.file("versleuteld.eml")}, InputOptions{}, scanner).ok());
  EXPECT_TRUE(scanner.finish().protection.encrypted);
}

TEST(ScanMail, TextThatOnlyLooksLikeMailStaysText) {
  TempDir d;
  write_file(d.file("app.log"), "Date: 2026-12-07\nStarting up\nFrom: the scheduler\n");
  write_file(d.file("memo.txt"), "Subject: overleg\n\nBSN: 111222333\n");  // no From: no message
  write_file(d.file("periode.yaml"), "from: 2026-01-01\nto: 2026-12-31\nowner: jan@example.nl\n\nx: 1\n");
  RecordingFactory files;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, files).ok());
  EXPECT_EQ(files.members.size(), 3u);
  EXPECT_EQ(files.members.at(d.file("periode.yaml")).info.format, Format::kText);
  EXPECT_EQ(files.members.at(d.file("app.log")).info.format, Format::kText);
  EXPECT_EQ(files.members.at(d.file("memo.txt")).text, "Subject: overleg\n\nBSN: 111222333\n");
}

TEST(ScanMail, BrokenMimeIsReadAsFarAsItGoes) {
  TempDir d;
  // No closing boundaries at all, garbage in the base64, a part cut off at the end.
  write_file(d.file("kapot.eml"),
             "From: a@example.nl\nTo: b@example.nl\nContent-Type: multipart/mixed; boundary=x\n\n--x\n"
             "Content-Type: text/plain\n\nBSN: 111222333\n--x\nContent-Type: text/csv; name=a.csv\n"
             "Content-Transfer-Encoding: base64\n\n" +
                 base64("bsn\n123456782\n").insert(4, "*!\xff") +
                 "--x\nContent-Type: application/pdf\n"
                 "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK");
  // A header block and nothing else; an empty mailbox; one whose messages have none.
  write_file(d.file("kop.eml"), "From: c@example.nl\nSubject: leeg\n");
  write_file(d.file("leeg.mbox"),
             "From x Mon Dec  7 10:00:00 2026\nFrom: d@example.nl\nTo: e@example.nl\n\n");
  // Outlook's own format: named as not read, with what to do instead.
  write_file(d.file("oud.msg"), std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  Scanner scanner;
  ASSERT_TRUE(read_inputs({d.path()}, InputOptions{}, scanner).ok());
  const ScanReport r = scanner.finish();
  EXPECT_EQ(r.categories.at(Category::kBsn).values, 2u);
  EXPECT_EQ(r.categories.at(Category::kEmail).values, 5u);
  EXPECT_EQ(r.records, 1u);
  bool pdf = false;
  for (const auto& s : r.skipped) pdf |= s.path == d.file("kapot.eml") + "!attachment-2.pdf";
  EXPECT_TRUE(pdf) << "a PDF attachment is named as not read";
  bool msg = false;
  for (const auto& s : r.skipped)
    msg |= s.path == d.file("oud.msg") && s.reason.find("save it as .eml") != std::string::npos;
  EXPECT_TRUE(msg);
}

// Hands out its bytes `step` at a time.
class TrickleSource final : public input::ByteSource {
 public:
  TrickleSource(std::string_view bytes, std::size_t step) : bytes_(bytes), step_(step) {}
  Result<std::size_t> read(char* dst, std::size_t cap) override {
    const std::size_t n = std::min({cap, step_, bytes_.size()});
    std::copy_n(bytes_.data(), n, dst);
    bytes_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view bytes_;
  std::size_t step_;
};

TEST(ScanMail, TheSameWhateverTheReadsAndLineLengths) {
  // An attachment as one base64 line of 400 KB, longer than a line is read at once.
  std::string big;
  while (big.size() < 300000) big += customers_csv();
  const std::string eml = message("jan@example.nl", attachment("text/csv", "attachment; filename=a.csv", "") +
                                                        "--outer\r\nContent-Type: text/csv\r\n"
                                                        "Content-Transfer-Encoding: base64\r\n\r\n" +
                                                        base64(big, 1u << 30));
  std::vector<std::string> seen;
  for (std::size_t step : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
    TrickleSource src(eml, step);
    std::string all;
    input::MailCallbacks cb;
    cb.text = [&](std::size_t message, std::string_view text) {
      all += "[text " + std::to_string(message) + "]" + std::string(text);
    };
    cb.attachment = [&](std::size_t message, const std::string& name, input::ByteSource& body) {
      all += "[" + std::to_string(message) + " " + name + "]";
      char buf[1000];
      for (;;) {
        auto n = body.read(buf, sizeof buf);
        ASSERT_TRUE(n.ok());
        if (*n == 0) break;
        all.append(buf, *n);
      }
    };
    ASSERT_TRUE(input::read_mail(src, false, cb).ok());
    seen.push_back(all);
  }
  EXPECT_NE(seen[0].find("[1 attachment-2.csv]" + big), std::string::npos);
  EXPECT_NE(seen[0].find("[1 a.csv][1 attachment-2.csv]"), std::string::npos);
  EXPECT_EQ(seen[1], seen[0]);
  EXPECT_EQ(seen[2], seen[0]);
}

}  // namespace
}  // namespace bd::scan
