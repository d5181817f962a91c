// breachdesk: the one binary. Everything happens in the CLI (src/cli/app.h).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/app.h"

namespace {

// An exception that escapes a worker thread (a scan whose temporary disk is full, say)
// would otherwise abort with a core dump; say what stopped the command and exit 1.
[[noreturn]] void stop_on_uncaught_exception() {
  const char* what = "unknown error";
  std::exception_ptr current = std::current_exception();
  if (current) {
    try {
      std::rethrow_exception(current);
    } catch (const std::exception& e) {
      what = e.what();
      std::fprintf(stderr, "breachdesk: stopped: %s\n", what);
      std::_Exit(1);
    } catch (...) {
    }
  }
  std::fprintf(stderr, "breachdesk: stopped: %s\n", what);
  std::_Exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::set_terminate(stop_on_uncaught_exception);
  try {
    return bd::cli::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "breachdesk: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
