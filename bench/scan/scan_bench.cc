// bd_scanbench: runs the scanner's input layer alone (--null: decode and discard) or
// the whole scanner in process over PATH..., timing only the scan (no process start,
// no corpus generation), and prints one JSON line with bytes, seconds and the counts
// bench/scan/run checks against the truth.
//   bd_scanbench [--null] [--threads N] PATH...
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "scan/input/input.h"
#include "scan/scanner.h"

namespace {

class NullSink final : public bd::scan::MemberSink {
 public:
  explicit NullSink(std::atomic<std::uint64_t>& bytes) : bytes_(bytes) {}
  ~NullSink() override { bytes_.fetch_add(local_, std::memory_order_relaxed); }
  NullSink(const NullSink&) = delete;
  NullSink& operator=(const NullSink&) = delete;
  void on_chunk(std::string_view utf8) override {
    local_ += utf8.size();
    sink_ ^= static_cast<unsigned char>(utf8.back());  // touch the data
  }
  void on_end() override {}
  unsigned char sink_ = 0;

 private:
  std::atomic<std::uint64_t>& bytes_;
  std::uint64_t local_ = 0;
};

class NullFactory final : public bd::scan::SinkFactory {
 public:
  std::unique_ptr<bd::scan::MemberSink> open(const bd::scan::MemberInfo&) override {
    members.fetch_add(1);
    return std::make_unique<NullSink>(bytes);
  }
  void on_skipped(const std::string&, const std::string&) override { skipped.fetch_add(1); }
  void on_protected(const std::string&, const std::string&) override {}
  std::atomic<std::uint64_t> bytes{0}, members{0}, skipped{0};
};

std::uint64_t values(const bd::scan::ScanReport& r, bd::scan::Category c) {
  auto it = r.categories.find(c);
  return it == r.categories.end() ? 0 : it->second.values;
}

// CPU seconds (user + system) of this process so far: on a shared, noisy machine the
// fair single-core figure, since wall time includes waiting for the core.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  bool null = false;
  bd::scan::InputOptions options;
  bd::scan::ScanOptions scan_options;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--null") null = true;
    else if (a == "--threads" && i + 1 < argc) options.threads = std::atoi(argv[++i]);
    else if (a == "--set-bytes" && i + 1 < argc)
      scan_options.count_set_bytes = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--buffer-bytes" && i + 1 < argc)
      options.buffer_size = std::strtoull(argv[++i], nullptr, 10);
    else paths.push_back(a);
  }
  if (paths.empty()) {
    std::fprintf(stderr,
                 "usage: bd_scanbench [--null] [--threads N] [--set-bytes N] [--buffer-bytes N] PATH...\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  double cpu0 = cpu_seconds();
  if (null) {
    NullFactory f;
    bd::Status s = bd::scan::read_inputs(paths, options, f);
    double t = seconds();
    if (!s.ok()) return 1;
    std::printf("{\"mode\":\"input\",\"bytes\":%llu,\"seconds\":%.4f,\"cpu_seconds\":%.4f,\"members\":%llu,"
                "\"skipped\":%llu}\n",
                static_cast<unsigned long long>(f.bytes.load()), t, cpu_seconds() - cpu0,
                static_cast<unsigned long long>(f.members.load()),
                static_cast<unsigned long long>(f.skipped.load()));
    return 0;
  }
  scan_options.threads = options.threads;
  bd::scan::Scanner scanner(scan_options);
  double setup = seconds(), cpu_setup = cpu_seconds();
  bd::Status s = bd::scan::read_inputs(paths, options, scanner);
  bd::scan::ScanReport r = scanner.finish();
  double t = seconds() - setup, cpu = cpu_seconds() - cpu_setup;
  if (!s.ok()) return 1;
  using bd::scan::Category;
  std::printf("{\"mode\":\"scan\",\"bytes\":%llu,\"seconds\":%.4f,\"cpu_seconds\":%.4f,\"setup_seconds\":%.4f,"
              "\"records\":%llu,\"persons\":%llu,\"bsn\":%llu,\"iban\":%llu,\"payment_card\":%llu,\"email\":%llu,"
              "\"skipped\":%zu}\n",
              static_cast<unsigned long long>(r.bytes), t, cpu, setup, static_cast<unsigned long long>(r.records),
              static_cast<unsigned long long>(r.persons_distinct),
              static_cast<unsigned long long>(values(r, Category::kBsn)),
              static_cast<unsigned long long>(values(r, Category::kIban)),
              static_cast<unsigned long long>(values(r, Category::kPaymentCard)),
              static_cast<unsigned long long>(values(r, Category::kEmail)), r.skipped.size());
  return 0;
}
