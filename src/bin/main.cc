// breachdesk: the one binary. Everything happens in the CLI (src/cli/app.h).
#include <exception>
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  try {
    return bd::cli::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "breachdesk: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
