// Private to src/http/server*.cc: the Beast/Asio types shared by the server's two
// translation units. Nothing outside the server includes this file (it pulls in
// Asio, which is slow to compile and must not leak into handler code).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio.hpp>

#include "http/router.h"
#include "http/server.h"

namespace bd::http::detail {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// One accepted connection. Touched only on its strand (the socket's executor),
// except `deadline`, which the server's sweeper reads from its own thread.
struct Connection {
  explicit Connection(tcp::socket s) : socket(std::move(s)) {}

  tcp::socket socket;
  // When the operation in progress must be over (steady_clock nanoseconds since its
  // epoch), 0 for none. Setting it is one atomic store: no timer per operation.
  std::atomic<std::int64_t> deadline{0};
  bool timed_out = false;  // the deadline passed and the socket was cancelled
  bool idle = true;        // waiting for the first byte of a request: closable at shutdown
};

// Called on the connection's strand by the sweeper: cancels the pending operation
// when the deadline has passed.
void expire_if_due(const std::shared_ptr<Connection>& c);

// What a connection needs from the server that owns it.
class ServerContext {
 public:
  ServerContext(ServerOptions opts, const Router& r) : options(std::move(opts)), router(r) {}
  virtual ~ServerContext() = default;
  ServerContext(const ServerContext&) = delete;
  ServerContext& operator=(const ServerContext&) = delete;

  virtual asio::any_io_executor worker_executor() = 0;
  virtual bool stopping() = 0;
  // Registers a connection; false when the server is shutting down (drop it).
  virtual bool enter(const std::shared_ptr<Connection>& c) = 0;
  virtual void leave(Connection* c) = 0;
  virtual void log_access(const std::string& line) = 0;

  const ServerOptions options;
  const Router& router;
};

// Serves one connection until it closes. Runs on the socket's strand.
asio::awaitable<void> run_connection(ServerContext& ctx, tcp::socket socket);

// Closes c if it is waiting for a new request (called at shutdown, on any thread).
void close_if_idle(const std::shared_ptr<Connection>& c);

}  // namespace bd::http::detail
