// Serves ROOT under /static/ with http::Server and StaticFiles exactly as `serve`
// does, without a database, so bench/http/run can compare the static fast path with
// nginx on the same file. Usage: http_static_server ROOT PORT [IO_THREADS]
// Stops on SIGTERM/SIGINT.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <spdlog/spdlog.h>

#include "http/server.h"
#include "http/static_files.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ROOT PORT [IO_THREADS]\n", argv[0]);
    return 2;
  }
  auto files = bd::http::StaticFiles::load(argv[1]);
  if (!files.ok()) {
    std::fprintf(stderr, "cannot load %s: %s\n", argv[1], files.error().message.c_str());
    return 1;
  }
  bd::http::Router router;
  bd::http::StaticFiles::mount(router, "/static/", *files);
  bd::http::ServerOptions options;
  options.port = static_cast<std::uint16_t>(std::atoi(argv[2]));
  options.io_threads = argc > 3 ? std::atoi(argv[3]) : 2;
  options.handle_signals = true;
  options.access_log = false;  // nginx runs with access_log off as well
  bd::http::Server server(options, router);
  if (auto listening = server.listen(); !listening.ok()) {
    std::fprintf(stderr, "%s\n", listening.error().message.c_str());
    return 1;
  }
  server.run();
  return 0;
}
