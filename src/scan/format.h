// Format: what kind of text a scanned member holds, decided by the input layer
// (src/scan/input/, from the name and the first bytes) and used by the scanner to
// pick a tokeniser.
//
// Shared between scanio (input side, which sets it) and scancore (which reads it).
// Plain values; thread-safe. Never fails.
#pragma once

#include <string_view>

namespace bd::scan {

enum class Format {
  kCsv,     // comma- or semicolon-separated values
  kTsv,     // tab-separated values (also XLSX sheets, converted row by row)
  kJson,    // one JSON document
  kNdjson,  // one JSON value per line
  kXml,     // an XML document (an export of records as elements)
  kVcard,   // vCard contacts (.vcf): a record per card
  kHtml,    // an HTML page: its tables' rows are records, the rest free text
  kSql,     // SQL dump (MySQL INSERT, PostgreSQL COPY/INSERT, CREATE TABLE)
  kText,    // free text, logs, anything else that decodes as text
  kBinary,  // not text: chunks are the raw bytes, not UTF-8
};

constexpr std::string_view to_string(Format format) {
  switch (format) {
    case Format::kCsv: return "csv";
    case Format::kTsv: return "tsv";
    case Format::kJson: return "json";
    case Format::kNdjson: return "ndjson";
    case Format::kXml:
      return "xml";
    case Format::kVcard:
      return "vcard";
    case Format::kHtml:
      return "html";
    case Format::kSql: return "sql";
    case Format::kText: return "text";
    case Format::kBinary: return "binary";
  }
  return "binary";
}

}  // namespace bd::scan
