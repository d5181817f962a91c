#include <cstdio>
#include <stdexcept>

#include "archive_out.h"
#include "corpus.h"

namespace bd::gen {
namespace {

void save(const std::string& path, const std::string& bytes) {
  Out out(path);
  out.put(bytes);
}

// Employees of the processor's customers: a MySQL dump per customer (one of them twice,
// an older backup with half the rows: duplicates) and a PostgreSQL dump.
std::string processor_backups(Truth& truth, const CorpusOptions& o) {
  const std::string tgz = "processor_backups.tar.gz!backup/";
  const std::uint64_t e0 = 1000000000ull, n = o.employees;
  Out a, a_old, b;
  write_employee_mysql(a, truth, tgz + "klant_a/medewerkers.sql", o.seed, e0, n);
  write_employee_mysql(a_old, truth, tgz + "klant_a/medewerkers_2021-04-15.sql", o.seed, e0, n / 2);
  write_employee_pg(b, truth, tgz + "klant_b/medewerkers.pgsql", o.seed, e0 + n, n);
  return archive_in_memory("tar", "gzip",
                           {{"backup/klant_a/medewerkers.sql", &a.memory()},
                            {"backup/klant_a/medewerkers_2021-04-15.sql", &a_old.memory()},
                            {"backup/klant_b/medewerkers.pgsql", &b.memory()}});
}

}  // namespace

Truth generate_corpus(const std::string& dir, const CorpusOptions& o) {
  Truth truth;
  std::uint64_t persons = 0;
  {
    Out csv(dir + "/persons.csv");
    persons = write_person_csv(csv, truth, "persons.csv", o);
  }
  Out sql, ndjson, text, traps;
  // A customer takes about 320 bytes of the dump, with its two orders.
  std::uint64_t customers = o.sql_bytes > 0 ? o.sql_bytes / 320 : persons / 4;
  write_customer_mysql(sql, truth, "klanten.sql", o.seed, 0, customers);
  // A record of the export takes about 320 bytes.
  std::uint64_t records = o.ndjson_bytes > 0 ? o.ndjson_bytes / 320 : persons / 4;
  write_ndjson(ndjson, truth, "klanten.ndjson", o.seed, persons / 4, records);
  write_text(text, truth, "meldingen.log", o.seed, o.text_lines);
  write_traps(traps, truth, "traps.csv", o.seed, o.trap_rows);
  save(dir + "/klanten.sql", sql.memory());
  save(dir + "/klanten.ndjson", ndjson.memory());
  save(dir + "/meldingen.log", text.memory());
  save(dir + "/traps.csv", traps.memory());
  if (o.archives) {
    save(dir + "/processor_backups.tar.gz", processor_backups(truth, o));
    std::string zip = archive_in_memory(
        "zip", "", {{"klanten.ndjson", &ndjson.memory()}, {"meldingen.log", &text.memory()}, {"traps.csv", &traps.memory()}});
    for (const char* f : {"klanten.ndjson", "meldingen.log", "traps.csv"}) truth.copy(f, std::string("export.zip!") + f);
    save(dir + "/export.zip", zip);
    write_archive_file(dir + "/nested.tar.zst", "tar", "zstd", {{"inner/export.zip", &zip}, {"klanten.sql", &sql.memory()}});
    for (const char* f : {"klanten.ndjson", "meldingen.log", "traps.csv"}) {
      truth.copy(f, std::string("nested.tar.zst!inner/export.zip!") + f);
    }
    truth.copy("klanten.sql", "nested.tar.zst!klanten.sql");
  }
  if (!o.truth_path.empty()) save(o.truth_path, truth.to_json(o.seed));
  return truth;
}

}  // namespace bd::gen
