// The Beast/Asio side of http::Server: accept loop, one coroutine per connection,
// the worker pool, graceful shutdown. The connection state machine is in
// server_session.cc; this file owns lifetimes and threads.
#include "http/server.h"

// g++ 12 at -O1 and above reports Asio's coroutine-frame allocator (aligned_alloc
// paired with its own operator delete) as mismatched; a known false positive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <algorithm>
#include <atomic>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>

#include "http/server_internal.h"

namespace bd::http {

using detail::asio::ip::tcp;
namespace asio = detail::asio;

namespace {

std::shared_ptr<spdlog::logger> access_logger() {
  static std::once_flag once;
  static std::shared_ptr<spdlog::logger> logger;
  std::call_once(once, [] {
    logger = spdlog::get("http.access");
    if (!logger) {
      logger = spdlog::default_logger()->clone("http.access");
      spdlog::register_logger(logger);
    }
  });
  return logger;
}

}  // namespace

struct Server::Impl : detail::ServerContext {
  Impl(ServerOptions opts, const Router& r)
      : ServerContext(std::move(opts), r),
        ioc(1),
        workers(static_cast<std::size_t>(std::max(1, options.worker_threads))) {
    for (int i = 1; i < options.io_threads; ++i) more_io.push_back(std::make_unique<asio::io_context>(1));
  }

  // Declared before the io_context: coroutine frames destroyed with it call leave().
  std::mutex mu;
  std::condition_variable cv;
  bool stop_requested = false;
  std::atomic<bool> stop_flag{false};  // stop_requested, readable without the mutex
  bool running = false;
  std::unordered_map<detail::Connection*, std::weak_ptr<detail::Connection>> connections;

  // One single-threaded io_context per I/O thread (as nginx has one event loop per
  // worker): a connection lives on one of them, so its handlers never run
  // concurrently and need no strand. `ioc` (the first) also runs the acceptor,
  // the sweeper and the signal handler.
  // more_io is declared first so it is destroyed last: the acceptor's pending
  // operation on `ioc` holds a socket that belongs to one of them.
  std::vector<std::unique_ptr<asio::io_context>> more_io;
  asio::io_context ioc;
  std::size_t next_io = 0;  // round-robin, touched by the accept loop only
  asio::io_context& pick_io() {
    const std::size_t n = next_io++ % (more_io.size() + 1);
    return n == 0 ? ioc : *more_io[n - 1];
  }
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> sweep_loop();
  void sweep();
  void begin_shutdown();
  bool wait_drained();

  // detail::ServerContext
  asio::any_io_executor worker_executor() override { return workers.get_executor(); }
  bool stopping() override { return stop_flag.load(std::memory_order_acquire); }
  bool enter(const std::shared_ptr<detail::Connection>& c) override {
    std::lock_guard lock(mu);
    if (stop_requested) return false;
    connections.emplace(c.get(), c);
    return true;
  }
  void leave(detail::Connection* c) override {
    std::lock_guard lock(mu);
    connections.erase(c);
    if (connections.empty()) cv.notify_all();
  }
  void log_access(const std::string& line) override {
    if (options.access_log) access_logger()->info("{}", line);
  }
};

asio::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(pick_io(), asio::as_tuple(asio::use_awaitable));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // EMFILE and friends: back off briefly instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      asio::steady_timer pause(ioc, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    auto executor = socket.get_executor();
    asio::co_spawn(executor, detail::run_connection(*this, std::move(socket)), asio::detached);
  }
}

// Deadlines are swept a few times per shortest timeout instead of one timer per
// socket operation: arming a deadline is then one atomic store on the hot path.
asio::awaitable<void> Server::Impl::sweep_loop() {
  using std::chrono::milliseconds;
  const milliseconds shortest = std::min({options.read_timeout, options.idle_timeout, options.write_timeout});
  const milliseconds tick = std::clamp(shortest / 4, milliseconds(10), milliseconds(250));
  asio::steady_timer timer(ioc);
  for (;;) {
    timer.expires_after(tick);
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (ec) co_return;
    sweep();
  }
}

void Server::Impl::sweep() {
  const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch() / std::chrono::nanoseconds(1);
  std::lock_guard lock(mu);
  for (auto& [raw, weak] : connections) {
    const std::int64_t deadline = raw->deadline.load(std::memory_order_relaxed);
    if (deadline == 0 || now < deadline) continue;
    if (auto c = weak.lock()) asio::post(c->socket.get_executor(), [c] { detail::expire_if_due(c); });
  }
}

void Server::Impl::begin_shutdown() {
  asio::post(ioc, [this] {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    std::lock_guard lock(mu);
    for (auto& [raw, weak] : connections) {
      if (auto c = weak.lock()) detail::close_if_idle(c);
    }
  });
}

bool Server::Impl::wait_drained() {
  std::unique_lock lock(mu);
  return cv.wait_for(lock, options.shutdown_grace, [this] { return connections.empty(); });
}

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() {
  stop();
  impl_->workers.join();
}

Status Server::listen() {
  const ServerOptions& o = impl_->options;
  if (o.io_threads < 1 || o.worker_threads < 1 || o.max_header_bytes < 256) {
    return Error::invalid("", "server options out of range");
  }
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(o.host, ec);
  if (ec) return Error::invalid("listen", "not an IP address: " + o.host);
  const tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  if (acceptor.open(endpoint.protocol(), ec) || acceptor.set_option(asio::socket_base::reuse_address(true), ec) ||
      acceptor.bind(endpoint, ec) || acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
    return Error::unavailable("cannot listen on " + o.host + ":" + std::to_string(o.port), ec.message());
  }
  return {};
}

std::uint16_t Server::port() const {
  boost::system::error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void Server::run() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mu);
    if (s.running || !s.acceptor.is_open()) return;
    s.running = true;
  }
  if (s.options.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([this](const boost::system::error_code& ec, int) {
      if (!ec) stop();
    });
  }
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  guards.push_back(asio::make_work_guard(s.ioc));
  for (auto& io : s.more_io) guards.push_back(asio::make_work_guard(*io));
  asio::co_spawn(s.ioc, s.accept_loop(), asio::detached);
  asio::co_spawn(s.ioc, s.sweep_loop(), asio::detached);
  std::vector<std::thread> threads;
  threads.emplace_back([&s] { s.ioc.run(); });
  for (auto& io : s.more_io) threads.emplace_back([&io] { io->run(); });
  {
    std::unique_lock lock(s.mu);
    s.cv.wait(lock, [&s] { return s.stop_requested; });
  }
  s.begin_shutdown();
  if (!s.wait_drained()) spdlog::warn("http: shutdown grace period over, closing remaining connections");
  guards.clear();
  s.ioc.stop();
  for (auto& io : s.more_io) io->stop();
  for (auto& t : threads) t.join();
  spdlog::info("http: server stopped");
}

void Server::stop() {
  std::lock_guard lock(impl_->mu);
  impl_->stop_requested = true;
  impl_->stop_flag.store(true, std::memory_order_release);
  impl_->cv.notify_all();
}

}  // namespace bd::http
