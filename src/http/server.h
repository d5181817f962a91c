// Server: the HTTP/1.1 server (Boost.Beast/Asio behind this interface; Beast is
// included only in src/http/server*.cc).
//
// Model: `io_threads` threads run the sockets (accept, read, write, timers) and
// never run handler code unless a route asks for it (RouteOptions::inline_handler);
// handlers run on a pool of `worker_threads`, so a handler may block on the
// database. Connections are keep-alive (HTTP/1.1 default, HTTP/1.0 on request);
// pipelined requests are answered one at a time, in order.
//
// Limits: a request head larger than max_header_bytes gets 431, a body larger than
// the route's limit (default max_body_bytes) gets 413, an unparsable request 400,
// and a request that is not complete within read_timeout (slowloris) gets 408; the
// connection is then closed and the handler never runs. An idle keep-alive
// connection is closed silently after idle_timeout.
//
// Every response carries the security headers (CSP, nosniff, Referrer-Policy,
// COOP, Permissions-Policy, X-Frame-Options; HSTS over TLS) and, unless the handler
// set one, Cache-Control: no-store. An exception escaping a handler becomes a 500
// error response (logged, never shown). Each request writes one access-log line
// through spdlog (logger "http.access"): method, path without query, status, body
// bytes, milliseconds; never the query string, cookies, headers or the peer address.
//
// Lifetime: construct, listen(), then run() (blocks). stop() may be called from any
// thread (and, with handle_signals, SIGTERM/SIGINT call it): the server stops
// accepting, closes idle connections, lets requests in flight finish and be
// answered (Connection: close) for up to shutdown_grace, then run() returns.
// The Router must outlive the Server and must not be changed after listen().
//
// TLS: Request::tls() and the Secure/HSTS logic are in place; the listener is plain
// HTTP for now (put a TLS-terminating proxy in front in production).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/result.h"
#include "http/router.h"

namespace bd::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port, see Server::port()
  int io_threads = 2;
  int worker_threads = 8;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::chrono::milliseconds read_timeout{10'000};   // one whole request
  std::chrono::milliseconds idle_timeout{30'000};   // between keep-alive requests
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  bool handle_signals = false;  // SIGTERM/SIGINT trigger stop()
  bool access_log = true;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();  // stops and joins if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Unavailable when the address cannot be bound (in use, bad
  // host); InvalidInput for nonsensical options.
  Status listen();
  // The bound port (after listen()); useful with port 0.
  std::uint16_t port() const;

  // Serves until stop() (or a signal with handle_signals); then drains and returns.
  void run();
  // Thread-safe; idempotent; returns at once (run() returns when drained).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bd::http
