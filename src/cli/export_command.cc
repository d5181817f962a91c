#include "cli/export_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command_support.h"

namespace bd::cli {
namespace {

struct ExportOptions {
  std::string org;
  std::string format = "csv";
  std::string locale = "nl";
  std::string out;
};

void write_output(const ExportOptions& o, const std::string& bytes) {
  if (o.out.empty() || o.out == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return;
  }
  std::ofstream file(o.out, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) fail("export", Error::unavailable("Kan het bestand niet schrijven: " + o.out));
}

void run_export(const ExportOptions& o) {
  auto format = service::export_format_from_token(o.format);
  if (!format) fail("export", Error::invalid("--format", "Kies json, csv of xlsx."));
  if (*format == service::ExportFormat::kXlsx && o.out.empty() && isatty(STDOUT_FILENO) != 0) {
    fail("export", Error::invalid("--out", "Een xlsx-bestand gaat niet naar de terminal; geef --out FILE."));
  }
  auto backend = open_backend("export", 1);
  auto actor = actor_in_org("export", *backend->services, o.org);
  actor.role = service::Role::kAuditor;  // the export only reads
  auto file = backend->services->exports().export_register(actor, *format, {}, o.locale);
  if (!file.ok()) fail("export", file.error());
  write_output(o, file->bytes);
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Export the breach register of an organisation");
  cmd->add_option("--org", o->org, "Organisation name or id")->required();
  cmd->add_option("--format", o->format, "json, csv or xlsx")->capture_default_str();
  cmd->add_option("--locale", o->locale, "Language of the headers")
      ->check(CLI::IsMember({"nl", "en"}))
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Output file (default: stdout)");
  cmd->callback([o] { run_export(*o); });
}

}  // namespace bd::cli
