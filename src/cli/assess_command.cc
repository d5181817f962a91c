#include "cli/assess_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json/serialize.hpp>

#include "cli/assessment_config.h"
#include "json/answers_codec.h"
#include "json/assessment_codec.h"

namespace bd::cli {
namespace {

constexpr int kBadInput = 2;

struct AssessOptions {
  std::string input;
  std::string config = std::string(model::assess::default_config().version);
};

Result<std::string> read_input(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::invalid("FILE", "cannot read " + path);
    text << in.rdbuf();
  }
  if (text.str().size() > json::kMaxDocumentBytes) return Error::invalid("FILE", "input larger than 4 MiB");
  return text.str();
}

[[noreturn]] void fail(const Error& error) {
  std::cerr << "breachdesk assess: " << error.message;
  if (!error.field.empty() && error.message.find(error.field) == std::string::npos) {
    std::cerr << " (field " << error.field << ")";
  }
  std::cerr << "\n";
  throw CLI::RuntimeError(kBadInput);
}

void run(const AssessOptions& options) {
  auto config = resolve_assessment_config("--config", options.config);
  if (!config.ok()) fail(config.error());
  auto text = read_input(options.input);
  if (!text.ok()) fail(text.error());
  auto result = json::assess_document(*text, *config);
  if (!result.ok()) fail(result.error());
  std::cout << boost::json::serialize(*result) << "\n";
}

}  // namespace

void add_assess_command(CLI::App& app) {
  auto options = std::make_shared<AssessOptions>();
  CLI::App* cmd = app.add_subcommand("assess", "Assess a breach (JSON, FILE or - for stdin) and print the proposal");
  cmd->add_option("FILE", options->input, "breach JSON in the AP-form contract, or - for stdin")->required();
  cmd->add_option("--config", options->config,
                  "assessment configuration: a compiled-in version (2026.1, omnibus-2025) or a JSON file")
      ->capture_default_str();
  cmd->callback([options] { run(*options); });
}

}  // namespace bd::cli
