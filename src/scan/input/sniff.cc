#include "scan/input/sniff.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "scan/input/mail.h"
#include "scan/input/ods.h"
#include "scan/input/office_text.h"
#include "scan/input/pg_custom.h"

namespace bd::scan::input {
namespace {

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_tar(std::string_view head) {
  return head.size() >= 262 && head.substr(257, 5) == "ustar";
}

Container container_of(std::string_view name, const std::string& ext, std::string_view head) {
  using namespace std::string_view_literals;
  if (starts(head, "\x1f\x8b")) return Container::kGzip;
  if (starts(head, "SQLite format 3\0"sv)) return Container::kSqlite;
  if (is_pg_custom_archive(head)) return Container::kPgDump;
  if (starts(head, "\x28\xb5\x2f\xfd")) return Container::kZstd;
  if (starts(head, "PK\x03\x04") || starts(head, "PK\x05\x06") || starts(head, "PK\x07\x08")) {
    if (ext == "xlsx" || ext == "xlsm") return Container::kXlsx;
    if (ext == "ods" || ext == "ots" || is_ods_head(head)) return Container::kOds;
    if (is_office_text(name, head)) return Container::kOfficeText;
    return Container::kArchive;
  }
  if (starts(head, "7z\xBC\xAF\x27\x1C") || starts(head, "\xFD" "7zXZ") || starts(head, "BZh") ||
      starts(head, "Rar!") || is_tar(head)) {
    if (starts(head, "BZh") && (head.size() < 4 || head[3] < '1' || head[3] > '9')) return Container::kNone;
    return Container::kArchive;
  }
  if (bool mbox = false; is_mail_head(name, head, &mbox)) return mbox ? Container::kMbox : Container::kMail;
  return Container::kNone;
}

// Encrypted containers recognised by their signature.
std::string protection_of(const std::string& ext, std::string_view head) {
  if (starts(head, "Salted__")) return "OpenSSL encrypted (Salted__)";
  if (starts(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    // A password-protected .docx, .xlsx or .pptx is an OLE file holding the encrypted
    // package (its streams EncryptionInfo and EncryptedPackage, named in UTF-16).
    static constexpr char kInfo[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
    const bool ooxml_name = ext == "docx" || ext == "xlsx" || ext == "pptx";
    if (ooxml_name || head.find(std::string_view(kInfo, sizeof kInfo - 1)) != std::string_view::npos)
      return "encrypted Office document (password-protected)";
  }
  if (starts(head, "U2FsdGVkX1")) return "OpenSSL encrypted (base64 Salted__)";
  if (starts(head, "age-encryption.org/v1")) return "age encrypted";
  if (starts(head, "-----BEGIN AGE ENCRYPTED FILE-----")) return "age encrypted (armored)";
  if (starts(head, "-----BEGIN PGP MESSAGE-----")) return "PGP message";
  if (!head.empty()) {
    // OpenPGP binary: new-format packet tag 1 (PKESK), 3 (SKESK) or old-format equivalents.
    auto c = static_cast<unsigned char>(head[0]);
    if (c == 0x85 || c == 0x84 || c == 0x8C || c == 0x8D || c == 0xC1 || c == 0xC3) {
      if (head.size() > 3 && (static_cast<unsigned char>(head[c >= 0xC0 ? 2 : 3]) == 3 ||
                              static_cast<unsigned char>(head[c >= 0xC0 ? 2 : 3]) == 4)) {
        return "PGP message";
      }
    }
  }
  return {};
}

// Media and other formats that are binary by design; they are never "likely encrypted".
bool known_binary_magic(std::string_view head) {
  using namespace std::string_view_literals;
  static constexpr std::array<std::string_view, 14> kMagic = {
      "\xFF\xD8\xFF"sv, "\x89PNG"sv, "GIF8"sv, "%PDF"sv, "RIFF"sv, "OggS"sv, "ID3"sv, "fLaC"sv,
      "\x7F" "ELF"sv, "SQLite format 3"sv, "\xD0\xCF\x11\xE0"sv, "MZ\x90\x00"sv, "\x00\x00\x01\x00"sv, "wOF"sv};
  for (auto m : kMagic) {
    if (starts(head, m)) return true;
  }
  return head.size() > 8 && head.substr(4, 4) == "ftyp";
}

// Why a binary member is not read (Sniff::unread).
std::string unread_reason(const std::string& ext, std::string_view head) {
  using namespace std::string_view_literals;
  // The table of contents of a tar or directory format dump holds no rows (its data
  // files beside it do); any other "PGDMP" stream is of a format not known here.
  if (is_pg_archive_toc(head)) return {};
  if (starts(head, "PGDMP")) return "pg_dump archive of an unknown format: not read";
  if (starts(head, "\xD0\xCF\x11\xE0")) {
    if (ext == "msg") return "Outlook message (.msg): not read; save it as .eml and scan that";
    return "Office 97-2003 file (.xls, .doc, .msg): not read; save it as .xlsx or .csv and scan that";
  }
  if (starts(head, "%PDF")) return "PDF: its text is not extracted";
  if (known_binary_magic(head)) return {};  // images, audio, video, fonts, programs
  return "binary data of no known format: not read";
}

Encoding utf16_without_bom(std::string_view head) {
  std::size_t even_nul = 0, odd_nul = 0, n = std::min<std::size_t>(head.size(), 4096) & ~std::size_t{1};
  if (n < 16) return Encoding::kUtf8;
  for (std::size_t i = 0; i < n; i += 2) {
    even_nul += head[i] == '\0';
    odd_nul += head[i + 1] == '\0';
  }
  std::size_t pairs = n / 2;
  if (odd_nul * 10 > pairs * 7 && even_nul * 50 < pairs) return Encoding::kUtf16Le;
  if (even_nul * 10 > pairs * 7 && odd_nul * 50 < pairs) return Encoding::kUtf16Be;
  return Encoding::kUtf8;
}

std::string_view first_line(std::string_view text) {
  auto nl = text.find('\n');
  return nl == std::string_view::npos ? text : text.substr(0, nl);
}

Format format_by_content(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  std::string_view body = text.substr(i);
  if (starts(body, "{")) {
    std::string_view line = first_line(body);
    const bool whole_object =
        (line.size() > 1 && line.back() == '}') || (line.size() > 1 && line.substr(line.size() - 2) == "}\r");
    if (!whole_object) return Format::kJson;
    // One object per line is NDJSON, but one line alone is a minified document
    // ({"klanten":[{...},...]}), whose records are the objects in its arrays: a
    // second object line decides.
    std::string_view rest = body.substr(std::min(body.size(), line.size() + 1));
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
    return starts(rest, "{") ? Format::kNdjson : Format::kJson;
  }
  if (starts(body, "[")) return Format::kJson;
  // An XML document opens with its declaration (an export from a healthcare or HR
  // system); other markup without one is read below.
  if (starts(body, "<?xml")) return Format::kXml;
  auto starts_upper = [&](std::string_view p) {
    return body.size() >= p.size() && std::equal(p.begin(), p.end(), body.begin(), [](char a, char b) {
             return a == std::toupper(static_cast<unsigned char>(b));
           });
  };
  if (starts_upper("BEGIN:VCARD")) return Format::kVcard;
  // A page, or a report exported as an HTML table (often named .xls by the system
  // that wrote it).
  if (starts_upper("<!DOCTYPE HTML") || starts_upper("<HTML") || starts_upper("<TABLE")) return Format::kHtml;
  std::string_view window = text.substr(0, 8192);
  for (std::string_view kw : {"INSERT INTO", "CREATE TABLE", "COPY ", "-- MySQL dump", "-- PostgreSQL database dump"}) {
    if (window.find(kw) != std::string_view::npos) return Format::kSql;
  }
  std::string_view line = first_line(text);
  auto tabs = std::count(line.begin(), line.end(), '\t');
  auto commas = std::count(line.begin(), line.end(), ',');
  auto semis = std::count(line.begin(), line.end(), ';');
  if (tabs >= 2) return Format::kTsv;
  if ((commas >= 2 || semis >= 2) && line.size() < 4096) return Format::kCsv;
  return Format::kText;
}

Format format_by_extension(const std::string& ext, bool* known) {
  *known = true;
  if (ext == "csv") return Format::kCsv;
  if (ext == "tsv" || ext == "tab") return Format::kTsv;
  if (ext == "ndjson" || ext == "jsonl") return Format::kNdjson;
  if (ext == "json") return Format::kJson;
  if (ext == "xml") return Format::kXml;
  if (ext == "vcf" || ext == "vcard") return Format::kVcard;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "sql" || ext == "dump" || ext == "pgsql" || ext == "mysql") return Format::kSql;
  if (ext == "txt" || ext == "log" || ext == "md" || ext == "eml") return Format::kText;
  *known = false;
  return Format::kText;
}

}  // namespace

std::string lower_extension(std::string_view name) {
  auto slash = name.find_last_of("/!");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

double entropy_bits(std::string_view bytes) {
  if (bytes.empty()) return 0.0;
  std::array<std::size_t, 256> freq{};
  for (char c : bytes) ++freq[static_cast<unsigned char>(c)];
  double h = 0.0, n = static_cast<double>(bytes.size());
  for (std::size_t f : freq) {
    if (f == 0) continue;
    double p = static_cast<double>(f) / n;
    h -= p * std::log2(p);
  }
  return h;
}

std::string strip_compression_suffix(std::string_view name) {
  std::string ext = lower_extension(name);
  std::string base(name);
  if (ext == "tgz" || ext == "tzst") return base.substr(0, base.size() - ext.size()) + "tar";
  if (ext == "gz" || ext == "zst" || ext == "gzip" || ext == "zstd") return base.substr(0, base.size() - ext.size() - 1);
  return base;
}

Sniff sniff(std::string_view name, std::string_view head) {
  Sniff s;
  const std::string ext = lower_extension(name);
  s.container = container_of(name, ext, head);
  if (s.container != Container::kNone) return s;
  s.protection = protection_of(ext, head);
  if (!s.protection.empty()) return s;
  if (starts(head, "\xFF\xFE")) s.encoding = Encoding::kUtf16Le;
  else if (starts(head, "\xFE\xFF")) s.encoding = Encoding::kUtf16Be;
  else s.encoding = utf16_without_bom(head);
  std::string_view text = head;  // what the format is told from
  std::string ascii;             // a UTF-16 head's characters, for `text`
  if (s.encoding == Encoding::kUtf8) {
    std::string_view probe = head.substr(0, 8192);
    if (probe.find('\0') != std::string_view::npos || known_binary_magic(head)) {
      s.encoding = Encoding::kRaw;
      s.format = Format::kBinary;
      if (head.size() >= 4096 && !known_binary_magic(head) && entropy_bits(head) > 7.5) {
        s.protection = "high entropy, likely encrypted";
      } else {
        s.unread = unread_reason(ext, head);
      }
      return s;
    }
  } else {
    bool le = s.encoding == Encoding::kUtf16Le;
    for (std::size_t i = 0; i + 1 < head.size() && ascii.size() < 8192; i += 2) {
      unsigned char c = static_cast<unsigned char>(head[le ? i : i + 1]);
      unsigned char hi = static_cast<unsigned char>(head[le ? i + 1 : i]);
      ascii.push_back(hi == 0 && c < 0x80 ? static_cast<char>(c) : 'x');
    }
    text = ascii;
  }
  bool known = false;
  s.format = format_by_extension(ext, &known);
  // The content decides when the name does not, and over two names that say less than
  // it: "export.json" holding one object per line is NDJSON, a contact list saved as
  // .txt is a vCard. The head is read for it once.
  if (!known || s.format == Format::kJson || s.format == Format::kText) {
    const Format by_content = format_by_content(text);
    if (!known || (s.format == Format::kJson && by_content == Format::kNdjson) ||
        (s.format == Format::kText && by_content == Format::kVcard))
      s.format = by_content;
  }
  return s;
}

}  // namespace bd::scan::input
