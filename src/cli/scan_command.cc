#include "cli/scan_command.h"

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/command_support.h"
#include "scan/input/input.h"
#include "scan/report_json.h"
#include "scan/report_text.h"
#include "scan/scanner.h"

namespace bd::cli {
namespace {

struct ScanArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  int threads = 2;
  bool stats = false;
  bool show_values = false;
  bool reverse_hashes = false;
  std::string attach;  // breach reference or id to store the report with
  std::string org;     // organisation of that breach (name or id)
};

// One line on stderr, redrawn in place: bytes, MB/s, files, ETA.
class ProgressBar final : public scan::ProgressObserver {
 public:
  ProgressBar() : start_(std::chrono::steady_clock::now()) {}
  ~ProgressBar() override {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void on_progress(const scan::InputProgress& p) override {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = secs > 0 ? static_cast<double>(p.bytes_decoded) / 1e6 / secs : 0;
    double frac = p.bytes_total > 0 ? static_cast<double>(p.bytes_read) / static_cast<double>(p.bytes_total) : 0;
    if (frac > 1) frac = 1;
    int filled = static_cast<int>(frac * 30);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(30, '.');
    double eta = frac > 0.001 ? secs * (1 - frac) / frac : 0;
    std::fprintf(stderr, "\r[%s] %3.0f%%  %.1f/%.1f MB  %.0f MB/s  files %llu/%llu  ETA %.0fs\033[K", bar.c_str(),
                 frac * 100, static_cast<double>(p.bytes_read) / 1e6, static_cast<double>(p.bytes_total) / 1e6, rate,
                 static_cast<unsigned long long>(p.files_done), static_cast<unsigned long long>(p.files_total), eta);
    drawn_ = true;
  }

 private:
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
};

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// The id of the breach named by its reference ("2026-0001") or id in the actor's organisation.
Result<std::string> find_breach(service::Services& services, const service::Actor& actor, const std::string& ref) {
  if (auto breach = services.breaches().get(actor, ref); breach.ok()) return breach->id;
  service::RegisterQuery query;
  query.text = ref;
  query.page_size = 500;
  BD_ASSIGN_OR_RETURN(auto page, services.breaches().list(actor, query));
  for (const auto& item : page.items) {
    if (item.reference == ref) return item.id;
  }
  return Error::not_found("no breach with reference or id " + ref + " in this organisation");
}

// Stores the report with the breach of --attach, as the operator; fails the command
// (nothing stored) when the breach or the report is refused.
void attach_report(const ScanArgs& args, const scan::ScanReport& report) {
  auto backend = open_backend("scan", 1);
  const service::Actor actor = actor_in_org("scan", *backend->services, args.org);
  auto breach_id = find_breach(*backend->services, actor, args.attach);
  if (!breach_id.ok()) fail("scan", breach_id.error());
  std::string label = args.paths.front();
  if (args.paths.size() > 1) label += " (+" + std::to_string(args.paths.size() - 1) + ")";
  auto stored = backend->services->scan_reports().attach(actor, *breach_id, {label, scan::report_to_json(report)});
  if (!stored.ok()) fail("scan", stored.error());
  std::cerr << "breachdesk scan: report " << stored->id << " attached to breach " << args.attach << "\n";
}

void run_scan(const ScanArgs& args) {
  if (!args.attach.empty() && (args.org.empty() || args.show_values)) {
    std::cerr << "breachdesk scan: --attach needs --org and cannot be combined with --show-values\n";
    throw CLI::RuntimeError(2);
  }
  scan::ScanOptions options;
  options.show_values = args.show_values;
  options.reverse_hashes = args.reverse_hashes;
  options.reverse_space.threads = args.threads;
  options.threads = args.threads;
  scan::Scanner scanner(options);
  scan::InputOptions input;
  input.threads = args.threads;
  std::unique_ptr<ProgressBar> progress;
  if (isatty(STDERR_FILENO) != 0) progress = std::make_unique<ProgressBar>();
  auto start = std::chrono::steady_clock::now();
  Status status = scan::read_inputs(args.paths, input, scanner, progress.get());
  progress.reset();
  if (!status.ok()) {
    std::cerr << "breachdesk scan: " << status.error().message << "\n";
    throw CLI::RuntimeError(2);
  }
  auto read_done = std::chrono::steady_clock::now();
  scan::ScanReport report;
  try {
    report = scanner.finish();
  } catch (const std::runtime_error& e) {
    // A temporary count file that cannot be written at the end stops the scan as one
    // that fails while the inputs are read does (bin/main.cc): no report, exit code 1.
    std::cerr << "breachdesk: stopped: " << e.what() << "\n";
    throw CLI::RuntimeError(1);
  }
  auto done = std::chrono::steady_clock::now();
  double read_secs = std::chrono::duration<double>(read_done - start).count();
  report.seconds = std::chrono::duration<double>(done - start).count();
  report.timings.insert(report.timings.begin(), scan::PassTiming{"read+decode+scan (wall)", read_secs});
  report.timings.push_back(scan::PassTiming{"cpu (all threads)", cpu_seconds()});
  if (read_secs > 0) {
    report.timings.push_back(scan::PassTiming{"MB/s (read+scan)", static_cast<double>(report.bytes) / 1e6 / read_secs});
  }
  if (args.format == "json") {
    std::cout << scan::report_to_json(report) << "\n";
  } else {
    std::cout << scan::report_to_text(report, args.stats);
  }
  std::cout.flush();
  if (!args.attach.empty()) attach_report(args, report);
  if (!report.skipped.empty()) throw CLI::RuntimeError(kExitScanIncomplete);
}

}  // namespace

void add_scan_command(CLI::App& app) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand("scan", "Scan files, dumps and archives for personal data (report only)");
  cmd->add_option("paths", args->paths, "Files, directories or archives")->required();
  cmd->add_option("--format", args->format, "Report format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  cmd->add_flag("--stats", args->stats, "Print the time spent per pass");
  cmd->add_flag("--show-values", args->show_values, "Show sample values in clear instead of masked");
  cmd->add_flag("--reverse-hashes", args->reverse_hashes,
                "Check unsalted MD5/SHA-1/SHA-256 columns against every BSN and 06-number");
  cmd->add_option("--attach", args->attach, "Also store the report with this breach (reference or id)");
  cmd->add_option("--org", args->org, "Organisation (name or id) of the --attach breach");
  cmd->callback([args] { run_scan(*args); });
}

}  // namespace bd::cli
