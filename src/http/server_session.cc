// One HTTP/1.1 connection as a coroutine: wait for a request, read its head, check
// the route's body limit, read the body, run the handler (worker pool or inline),
// write the response, repeat while keep-alive. Every wait has a deadline.
#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "http/error_mapping.h"
#include "http/response_policy.h"
#include "http/server_internal.h"

// g++ 12 at -O1 and above reports Asio's coroutine-frame allocator (aligned_alloc
// paired with its own operator delete) as mismatched; a known false positive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace bd::http::detail {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using Clock = std::chrono::steady_clock;
using Parser = bhttp::request_parser<bhttp::string_body>;
constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

std::int64_t steady_now() { return Clock::now().time_since_epoch() / std::chrono::nanoseconds(1); }

void arm(const std::shared_ptr<Connection>& c, std::chrono::milliseconds timeout) {
  c->timed_out = false;
  c->deadline.store(steady_now() + std::chrono::nanoseconds(timeout).count(), std::memory_order_relaxed);
}

void disarm(Connection& c) { c.deadline.store(0, std::memory_order_relaxed); }

// The status to answer a failed read with, or 0 to close without answering.
int status_for_read_error(const Connection& c, const boost::system::error_code& ec, bool started) {
  if (c.timed_out) return started ? 408 : 0;
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  // Any other parser error: the request is malformed. Socket errors: the peer is gone.
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() ? 400 : 0;
}

ResponseFormat format_for_target(std::string_view target) {
  return target.starts_with("/api/") || target == "/api" ? ResponseFormat::kJson : ResponseFormat::kHtml;
}

Response handle_safely(const ServerContext& ctx, Request& request) {
  try {
    return ctx.router.handle(request);
  } catch (const std::exception& e) {
    spdlog::error("http: handler for {} {} threw: {}", request.method_name(), request.path(), e.what());
  } catch (...) {
    spdlog::error("http: handler for {} {} threw a non-standard exception", request.method_name(), request.path());
  }
  return error_response(Error::internal("handler exception"), request);
}

struct Outgoing {
  Response response;
  bool head = false;
  bool keep_alive = false;
  unsigned version = 11;
};

// Writes out; returns false when the write failed (the connection is unusable).
asio::awaitable<bool> write_response(ServerContext& ctx, const std::shared_ptr<Connection>& c, Outgoing& out,
                                     bool tls) {
  // The same headers as apply_response_policy(), written straight into Beast's
  // fields to spare a copy on the hot path.
  bhttp::response<bhttp::span_body<const char>> res;
  res.version(out.version);
  res.result(static_cast<unsigned>(out.response.status()));
  const Headers& own = out.response.headers();
  for (const auto& [name, value] : own.fields()) res.insert(name, value);
  for (const auto& [name, value] : default_headers(tls)) {
    if (!own.has(name)) res.insert(name, value);
  }
  for (const Cookie& cookie : out.response.cookies()) res.insert(bhttp::field::set_cookie, cookie.to_header(tls));
  const std::string_view body = out.response.body();
  const int status = out.response.status();
  if (status >= 200 && status != 204 && status != 304) res.content_length(body.size());
  if (!out.head && status != 204 && status != 304) res.body() = {body.data(), body.size()};
  res.keep_alive(out.keep_alive);
  arm(c, ctx.options.write_timeout);
  auto [ec, n] = co_await bhttp::async_write(c->socket, res, kAwait);
  disarm(*c);
  co_return !ec;
}

// After an error answer: stop sending, read and discard what the client still
// sends (briefly), then close, so the client sees the response instead of a reset.
asio::awaitable<void> linger_close(const std::shared_ptr<Connection>& c) {
  boost::system::error_code ignored;
  c->socket.shutdown(tcp::socket::shutdown_send, ignored);
  arm(c, std::chrono::milliseconds(1000));
  std::array<char, 16 * 1024> sink{};
  std::size_t total = 0;
  while (total < 4 * 1024 * 1024) {
    auto [ec, n] = co_await c->socket.async_read_some(asio::buffer(sink), kAwait);
    if (ec) break;
    total += n;
  }
  disarm(*c);
  c->socket.close(ignored);
}

asio::awaitable<void> answer_error(ServerContext& ctx, const std::shared_ptr<Connection>& c, int status,
                                   ResponseFormat format, std::string_view method, std::string_view target,
                                   Clock::time_point start) {
  Outgoing out{status_response(status, format), false, false, 11};
  co_await write_response(ctx, c, out, false);
  ctx.log_access(access_log_line(method.empty() ? "-" : method, target.empty() ? "-" : target, status, 0,
                                 std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start)));
  co_await linger_close(c);
}

// Waits for the first byte of the next request. False: close the connection.
asio::awaitable<bool> wait_for_request(ServerContext& ctx, const std::shared_ptr<Connection>& c,
                                       beast::flat_buffer& buffer, bool first) {
  if (buffer.size() > 0) co_return true;
  if (ctx.stopping()) co_return false;
  c->idle = true;
  arm(c, first ? ctx.options.read_timeout : ctx.options.idle_timeout);
  auto [ec, n] = co_await c->socket.async_read_some(buffer.prepare(8192), kAwait);
  disarm(*c);
  c->idle = false;
  if (ec) co_return false;
  buffer.commit(n);
  co_return true;
}

Result<Request> make_request(const Parser::value_type& msg, const std::string& remote) {
  RequestInit init;
  init.method = std::string(msg.method_string());
  init.target = std::string(msg.target());
  for (const auto& field : msg) init.headers.add(field.name_string(), field.value());
  init.body = msg.body();
  init.remote_address = remote;
  init.tls = false;
  return Request::create(std::move(init));
}

// Runs the handler on the worker pool, or inline when the route says so.
asio::awaitable<Response> dispatch(ServerContext& ctx, Request& request, bool inline_handler) {
  if (inline_handler) co_return handle_safely(ctx, request);
  co_return co_await asio::co_spawn(
      ctx.worker_executor(), [&ctx, &request]() -> asio::awaitable<Response> { co_return handle_safely(ctx, request); },
      asio::use_awaitable);
}

// Serves one request. False: the connection is finished (closed or to be closed).
asio::awaitable<bool> serve_one(ServerContext& ctx, const std::shared_ptr<Connection>& c, beast::flat_buffer& buffer,
                                const std::string& remote, bool first) {
  if (!co_await wait_for_request(ctx, c, buffer, first)) co_return false;
  const auto start = Clock::now();
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(ctx.options.max_header_bytes));
  // The body limit depends on the route, known only once the head is read: Beast
  // would otherwise refuse a large Content-Length while parsing the head.
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  arm(c, ctx.options.read_timeout);
  auto [ec, header_bytes] = co_await bhttp::async_read_header(c->socket, buffer, parser, kAwait);
  if (ec) {
    disarm(*c);
    if (const int status = status_for_read_error(*c, ec, true); status != 0) {
      co_await answer_error(ctx, c, status, ResponseFormat::kHtml, "", "", start);
    }
    co_return false;
  }
  const auto& head = parser.get();
  const std::string target(head.target());
  const std::string method(head.method_string());
  const ResponseFormat format = format_for_target(target);
  const auto path = normalize_path(split_target(target).first);
  const RouteInfo info = path.ok() ? ctx.router.route_info(method_from_string(method), *path) : RouteInfo{};
  const std::size_t limit = info.max_body_bytes != 0 ? info.max_body_bytes : ctx.options.max_body_bytes;
  if (parser.content_length() && *parser.content_length() > limit) {
    disarm(*c);
    co_await answer_error(ctx, c, 413, format, method, target, start);
    co_return false;
  }
  parser.body_limit(limit);
  if (!parser.is_done()) {
    if (bd::http::iequals(head[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      co_await asio::async_write(c->socket, asio::buffer(kContinue), kAwait);
    }
    auto [body_ec, body_bytes] = co_await bhttp::async_read(c->socket, buffer, parser, kAwait);
    if (body_ec) {
      disarm(*c);
      if (const int status = status_for_read_error(*c, body_ec, true); status != 0) {
        co_await answer_error(ctx, c, status, format, method, target, start);
      }
      co_return false;
    }
  }
  disarm(*c);
  auto request = make_request(parser.get(), remote);
  Outgoing out;
  out.version = parser.get().version();
  out.head = parser.get().method() == bhttp::verb::head;
  out.keep_alive = parser.get().keep_alive();
  if (request.ok()) {
    out.response = co_await dispatch(ctx, *request, info.inline_handler);
  } else {
    out.response = error_response(request.error(), format);
    out.keep_alive = false;
  }
  if (ctx.stopping()) out.keep_alive = false;
  const bool written = co_await write_response(ctx, c, out, false);
  const std::size_t bytes = out.head ? 0 : out.response.body().size();
  ctx.log_access(access_log_line(method, target, out.response.status(), bytes,
                                 std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start)));
  co_return written && out.keep_alive;
}

// Removes the connection from the server's registry when the coroutine ends.
struct LeaveGuard {
  ServerContext& ctx;
  Connection* c;
  ~LeaveGuard() { ctx.leave(c); }
};

}  // namespace

asio::awaitable<void> run_connection(ServerContext& ctx, tcp::socket socket) {
  auto conn = std::make_shared<Connection>(std::move(socket));
  if (!ctx.enter(conn)) co_return;
  const LeaveGuard guard{ctx, conn.get()};
  boost::system::error_code ec;
  conn->socket.set_option(tcp::no_delay(true), ec);
  const auto endpoint = conn->socket.remote_endpoint(ec);
  const std::string remote = ec ? std::string() : endpoint.address().to_string();
  beast::flat_buffer buffer;
  try {
    bool first = true;
    while (co_await serve_one(ctx, conn, buffer, remote, first)) first = false;
  } catch (const std::exception& e) {
    spdlog::error("http: connection failed: {}", e.what());
  }
  boost::system::error_code ignored;
  conn->socket.shutdown(tcp::socket::shutdown_both, ignored);
  conn->socket.close(ignored);
}

void expire_if_due(const std::shared_ptr<Connection>& c) {
  const std::int64_t deadline = c->deadline.load(std::memory_order_relaxed);
  if (deadline == 0 || steady_now() < deadline) return;
  c->timed_out = true;
  boost::system::error_code ignored;
  c->socket.cancel(ignored);
}

void close_if_idle(const std::shared_ptr<Connection>& c) {
  asio::post(c->socket.get_executor(), [c] {
    if (!c->idle) return;
    boost::system::error_code ignored;
    c->socket.cancel(ignored);
    c->socket.close(ignored);
  });
}

}  // namespace bd::http::detail
