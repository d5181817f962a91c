// `breachdesk assess FILE|-`: the stateless assessment of one breach. Reads a breach in
// the JSON contract of spec/ap-form.md (or a bare answers object) from FILE or stdin
// ("-") and prints the assessment JSON of docs/assessment.md on stdout.
//
// --config FILE|VERSION picks the assessment configuration (cli/assessment_config.h;
// default: the compiled-in 2026.1).
//
// Exit codes: 0 assessed; 2 bad input (unreadable file, malformed JSON, a value that
// does not fit its question, an unknown or malformed --config), with a message naming
// the field on stderr. Nothing is stored.
//
// Thread-safety: registering is done once at start-up on the main thread.
#pragma once

namespace CLI {
class App;
}

namespace bd::cli {

void add_assess_command(CLI::App& app);

}  // namespace bd::cli
