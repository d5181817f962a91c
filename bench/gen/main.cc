// bd_gen: writes a seeded scanner corpus and its truth.json (see corpus.h).
//   bd_gen --out DIR [--seed N] [--persons N | --csv-mb MB] [--sql-mb MB] [--ndjson-mb MB] [--text-lines N]
//          [--trap-rows N] [--employees N] [--no-archives] [--truth FILE (default DIR.truth.json)]
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>

#include "corpus.h"

namespace {
int usage() {
  std::fprintf(stderr,
               "usage: bd_gen --out DIR [--seed N] [--persons N | --csv-mb MB] [--sql-mb MB] [--ndjson-mb MB]\n"
               "              [--text-lines N] [--trap-rows N] [--employees N] [--no-archives] [--truth FILE]\n");
  return 2;
}
}  // namespace

int main(int argc, char** argv) {
  bd::gen::CorpusOptions o;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto num = [&]() -> std::uint64_t {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return std::stoull(argv[++i]);
    };
    try {
      if (a == "--out" && i + 1 < argc) out = argv[++i];
      else if (a == "--seed") o.seed = num();
      else if (a == "--persons") o.persons = num();
      else if (a == "--csv-mb") o.csv_bytes = num() * 1000000ull;
      else if (a == "--sql-mb") o.sql_bytes = num() * 1000000ull;
      else if (a == "--ndjson-mb") o.ndjson_bytes = num() * 1000000ull;
      else if (a == "--text-lines") o.text_lines = num();
      else if (a == "--trap-rows") o.trap_rows = num();
      else if (a == "--employees") o.employees = num();
      else if (a == "--no-archives") o.archives = false;
      else if (a == "--truth" && i + 1 < argc) o.truth_path = argv[++i];
      else return usage();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bd_gen: %s\n", e.what());
      return usage();
    }
  }
  if (out.empty()) return usage();
  if (o.truth_path.empty()) o.truth_path = out + ".truth.json";
  ::mkdir(out.c_str(), 0755);
  try {
    bd::gen::Truth t = bd::gen::generate_corpus(out, o);
    std::printf("bd_gen: %s: %llu records, %llu persons, %llu BSN values (truth: %s)\n", out.c_str(),
                static_cast<unsigned long long>(t.records()), static_cast<unsigned long long>(t.persons_distinct()),
                static_cast<unsigned long long>(t.values("bsn")), o.truth_path.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bd_gen: %s\n", e.what());
    return 1;
  }
  return 0;
}
