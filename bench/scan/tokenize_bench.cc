// bd_tokenizebench: times one tokenizer alone (CSV/TSV, SQL, JSON, text) over a file
// held in memory, fed in chunks like the input layer feeds it, with a handler that
// only counts what it is given. Prints one JSON line with the bytes, the CPU seconds
// of the best run and the MB/s that gives, and the event counts (which must not
// change when the tokenizer is made faster).
//   bd_tokenizebench [--format csv|tsv|sql|json|ndjson|text] [--chunk BYTES] [--runs N] PATH
// The format defaults to the file's extension; the chunk to the input layer's 4 MiB.
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "scan/tokenize/record_handler.h"

namespace {

using bd::scan::Format;

// Counts events and touches each value's last byte, so no call can be skipped.
class CountingHandler final : public bd::scan::tokenize::RecordHandler {
 public:
  void on_table(std::string_view, const std::vector<std::string>&) override { ++tables; }
  std::size_t column_for_key(std::string_view) override { return 0; }
  void on_field(std::size_t column, std::string_view value) override {
    ++fields;
    field_bytes += value.size();
    check ^= column ^ (value.empty() ? 0u : static_cast<unsigned char>(value.back()));
  }
  void on_record_end() override { ++records; }
  void on_text(std::string_view text) override { text_bytes += text.size(); }
  void on_problem(std::string_view) override { ++problems; }

  std::uint64_t tables = 0, fields = 0, field_bytes = 0, records = 0, text_bytes = 0, problems = 0, check = 0;
};

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

bool format_from_name(const std::string& name, Format* out) {
  static const std::pair<const char*, Format> kNames[] = {
      {"csv", Format::kCsv},       {"tsv", Format::kTsv},   {"sql", Format::kSql},  {"json", Format::kJson},
      {"ndjson", Format::kNdjson}, {"text", Format::kText}, {"log", Format::kText}, {"txt", Format::kText}};
  for (const auto& [n, f] : kNames) {
    if (name == n) {
      *out = f;
      return true;
    }
  }
  return false;
}

bool read_file(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string format_name;
  std::size_t chunk = 4u << 20;
  int runs = 3;
  std::string path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--format" && i + 1 < argc)
      format_name = argv[++i];
    else if (a == "--chunk" && i + 1 < argc)
      chunk = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--runs" && i + 1 < argc)
      runs = std::atoi(argv[++i]);
    else
      path = a;
  }
  if (format_name.empty() && path.rfind('.') != std::string::npos)
    format_name = path.substr(path.rfind('.') + 1);
  Format format{};
  if (path.empty() || chunk == 0 || runs < 1 || !format_from_name(format_name, &format)) {
    std::fprintf(stderr,
                 "usage: bd_tokenizebench [--format csv|tsv|sql|json|ndjson|text] [--chunk BYTES] "
                 "[--runs N] PATH\n");
    return 2;
  }
  std::string data;
  if (!read_file(path, &data)) {
    std::fprintf(stderr, "bd_tokenizebench: cannot read %s\n", path.c_str());
    return 1;
  }

  double best = 1e30;
  CountingHandler last;
  for (int r = 0; r < runs; ++r) {
    CountingHandler h;
    double cpu0 = cpu_seconds();
    auto tok = bd::scan::tokenize::make_tokenizer(format, h);
    for (std::size_t i = 0; i < data.size(); i += chunk) tok->feed(std::string_view(data).substr(i, chunk));
    tok->finish();
    double cpu = cpu_seconds() - cpu0;
    if (cpu < best) best = cpu;
    last = h;
  }
  double mbps = best > 0 ? static_cast<double>(data.size()) / best / 1e6 : 0;
  std::printf(
      "{\"mode\":\"tokenize\",\"format\":\"%s\",\"bytes\":%zu,\"chunk\":%zu,\"cpu_seconds\":%.4f,"
      "\"mb_per_s\":%.1f,\"tables\":%llu,\"records\":%llu,\"fields\":%llu,\"field_bytes\":%llu,"
      "\"text_bytes\":%llu,\"problems\":%llu,\"check\":%llu}\n",
      format_name.c_str(), data.size(), chunk, best, mbps, static_cast<unsigned long long>(last.tables),
      static_cast<unsigned long long>(last.records), static_cast<unsigned long long>(last.fields),
      static_cast<unsigned long long>(last.field_bytes), static_cast<unsigned long long>(last.text_bytes),
      static_cast<unsigned long long>(last.problems), static_cast<unsigned long long>(last.check));
  return 0;
}
