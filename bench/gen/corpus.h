// The seeded corpus generator for the scope scanner's accuracy tests and benchmarks
// (bench/gen). It writes, into one directory, files whose exact content is known:
// a Dutch person CSV (20 columns, valid BSNs and 2% typos, IBANs, cards, phones in
// every layout, postcodes, birth dates, names with particles, repeated persons), a
// MySQL dump (multi-row INSERT, CREATE TABLE) of customers and their orders, an NDJSON
// export, a log with free-text PII, a CSV of traps (order numbers passing the 11-check,
// invoice numbers, timestamps, IMEIs, integer phones, all-digit UUIDs, mojibake), a
// tar.gz of a processor's customer database backups (MySQL INSERT and PostgreSQL COPY
// dumps of employees), and archives holding copies (a zip, and a tar.zst nesting it).
// It returns (and writes to truth_path, outside the corpus) the Truth: exact expected
// counts.
//
// Deterministic: the same options give byte-identical files. Not thread-safe.
// Failure: throws std::runtime_error when a file cannot be written (a test or bench
// helper, not product code).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "truth.h"

namespace bd::gen {

struct CorpusOptions {
  std::uint64_t seed = 1;
  std::uint64_t persons = 5000;    // distinct persons in the person CSV
  std::uint64_t csv_bytes = 0;     // > 0: grow the person CSV to about this size instead
  std::uint64_t sql_bytes = 0;     // > 0: the MySQL dump is about this size (else a quarter
                                   // of the persons are its customers)
  std::uint64_t ndjson_bytes = 0;  // > 0: the NDJSON export is about this size (else a quarter
                                   // of the persons are its records)
  std::uint64_t text_lines = 3000;
  std::uint64_t trap_rows = 2000;
  std::uint64_t employees = 600;   // per backup in the processor tar.gz
  bool archives = true;            // the zip, the nested tar.zst and the processor tar.gz
  std::string truth_path;          // where to write truth.json; empty: not written
};

Truth generate_corpus(const std::string& dir, const CorpusOptions& options);

// Appends to a file (buffered) or to memory.
class Out {
 public:
  Out() = default;                          // memory
  explicit Out(const std::string& path);    // file (truncated)
  ~Out();
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  void put(std::string_view s) {
    buf_.append(s);
    written_ += s.size();
    if (file_ != nullptr && buf_.size() >= (1u << 20)) flush();
  }
  std::uint64_t size() const { return written_; }
  std::string& memory() { return buf_; }
  void flush();

 private:
  std::FILE* file_ = nullptr;
  std::string buf_;
  std::uint64_t written_ = 0;
};

// Writers (also used on their own by the tests). `file` is the path the truth uses.
// Returns the number of distinct persons written.
std::uint64_t write_person_csv(Out& out, Truth& truth, const std::string& file, const CorpusOptions& o);
void write_customer_mysql(Out& out, Truth& truth, const std::string& file, std::uint64_t seed,
                          std::uint64_t first_id, std::uint64_t count);
void write_employee_mysql(Out& out, Truth& truth, const std::string& file, std::uint64_t seed,
                          std::uint64_t first_id, std::uint64_t count);
void write_employee_pg(Out& out, Truth& truth, const std::string& file, std::uint64_t seed,
                       std::uint64_t first_id, std::uint64_t count);
void write_ndjson(Out& out, Truth& truth, const std::string& file, std::uint64_t seed, std::uint64_t first_id,
                  std::uint64_t count);
void write_text(Out& out, Truth& truth, const std::string& file, std::uint64_t seed, std::uint64_t lines);
void write_traps(Out& out, Truth& truth, const std::string& file, std::uint64_t seed, std::uint64_t rows);

}  // namespace bd::gen
