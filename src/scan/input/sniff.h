// Sniffing: what a stream is, from its name and its first bytes. Internal to
// src/scan/input/. Pure functions; thread-safe; never fail (unknown means text or
// binary).
#pragma once

#include <string>
#include <string_view>

#include "scan/format.h"
#include "scan/input/decoder.h"

namespace bd::scan::input {

enum class Container {
  kNone,        // a leaf member: text or binary
  kGzip,        // decompressed here with ISA-L
  kZstd,        // decompressed here with libzstd
  kArchive,     // zip, tar, 7z, xz, bzip2, ... read through libarchive
  kXlsx,        // a zip holding an Excel workbook
  kOds,         // a zip holding an OpenDocument spreadsheet
  kOfficeText,  // a zip holding a Word, PowerPoint or OpenDocument text document
  kSqlite,      // a SQLite database file: its tables are read as TSV members
  kPgDump,      // a PostgreSQL custom-format archive (pg_dump -Fc): read as SQL text
  kMail,        // one e-mail message (.eml): its text and attachments (mail.h)
  kMbox,        // a mailbox of messages (mbox)
};

struct Sniff {
  Container container = Container::kNone;
  std::string protection;  // non-empty: an encrypted container ("PGP message", ...)
  Format format = Format::kText;
  Encoding encoding = Encoding::kUtf8;
  // A binary member (format kBinary) that may hold personal data but is not read: why,
  // and what to do instead, for the report's list of skipped inputs. Empty for formats
  // that hold no text by design (images, audio, video, fonts, programs).
  std::string unread;
};

// How many first bytes sniff() wants to see.
inline constexpr std::size_t kSniffBytes = 64u << 10;

// `name` is the member's own name (used for its extension), `head` its first bytes.
Sniff sniff(std::string_view name, std::string_view head);

// The extension of a member's name (after its last '/' or '!'), lower-cased; empty
// when it has none.
std::string lower_extension(std::string_view name);

// The name of what a compressed stream holds: "a.csv.gz" -> "a.csv", "x.tgz" -> "x.tar".
std::string strip_compression_suffix(std::string_view name);

// Shannon entropy of the bytes, in bits per byte (0..8).
double entropy_bits(std::string_view bytes);

}  // namespace bd::scan::input
