#include "storage/database.h"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <system_error>

#include "storage/database_impl.h"
#include "storage/sql_util.h"

namespace bd::storage {

ConnectionLease::ConnectionLease(soci::session* session, Dialect dialect, std::function<void()> release)
    : session_(session), dialect_(dialect), release_(std::move(release)) {}

ConnectionLease::ConnectionLease(ConnectionLease&& other) noexcept
    : session_(other.session_), dialect_(other.dialect_), release_(std::move(other.release_)) {
  other.release_ = nullptr;
}

ConnectionLease::~ConnectionLease() {
  if (release_) release_();
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  impl_->organisations = std::make_unique<OrganisationRepository>(*this);
  impl_->users = std::make_unique<UserRepository>(*this);
  impl_->sessions = std::make_unique<SessionRepository>(*this);
  impl_->api_tokens = std::make_unique<ApiTokenRepository>(*this);
  impl_->throttle = std::make_unique<ThrottleRepository>(*this);
  impl_->breaches = std::make_unique<BreachRepository>(*this);
  impl_->notifications = std::make_unique<NotificationRepository>(*this);
  impl_->lifecycle = std::make_unique<LifecycleRepository>(*this);
  impl_->outbox = std::make_unique<OutboxRepository>(*this);
}

Database::~Database() = default;

Dialect Database::dialect() const { return impl_->dialect; }
std::size_t Database::pool_size() const { return impl_->options.pool_size; }

OrganisationRepository& Database::organisations() { return *impl_->organisations; }
UserRepository& Database::users() { return *impl_->users; }
SessionRepository& Database::sessions() { return *impl_->sessions; }
ApiTokenRepository& Database::api_tokens() { return *impl_->api_tokens; }
ThrottleRepository& Database::throttle() { return *impl_->throttle; }
BreachRepository& Database::breaches() { return *impl_->breaches; }
NotificationRepository& Database::notifications() { return *impl_->notifications; }
LifecycleRepository& Database::lifecycle() { return *impl_->lifecycle; }
OutboxRepository& Database::outbox() { return *impl_->outbox; }

const FieldCipher& Database::cipher() const { return *impl_->cipher; }
void Database::set_cipher(std::unique_ptr<FieldCipher> cipher) {
  if (cipher) impl_->cipher = std::move(cipher);
}

namespace {

constexpr int kLeaseTimeoutMs = 30000;

Result<std::string> sqlite_connect_string(std::string_view path) {
  if (path.empty()) return Error::invalid("db", "the SQLite database path is empty");
  if (path.find_first_of("\"\n") != std::string_view::npos) {
    return Error::invalid("db", "the SQLite database path may not contain quotes or line breaks");
  }
  std::filesystem::path p{std::string(path)};
  if (p.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec) return Error::unavailable("cannot create the database directory", ec.message());
  }
  // The file holds personal data: create it readable by its owner only (SQLite gives
  // its -wal and -shm files the same mode).
  int fd = ::open(p.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) return Error::unavailable("cannot open the database file", std::strerror(errno));
  ::close(fd);
  return "db=\"" + std::string(path) + "\"";
}

}  // namespace

Result<ConnectionLease> Database::lease() {
  if (soci::session* bound = detail::bound_session(this)) return ConnectionLease(bound, impl_->dialect, nullptr);
  std::size_t pos = 0;
  if (!impl_->pool->try_lease(pos, kLeaseTimeoutMs)) {
    return Error::unavailable("the database is busy; try again later", "connection pool exhausted");
  }
  soci::connection_pool* pool = impl_->pool.get();
  ConnectionLease lease(&pool->at(pos), impl_->dialect, [pool, pos] { pool->give_back(pos); });
  if (impl_->dialect == Dialect::kPostgres && !lease.session().is_connected()) {
    try {
      lease.session().reconnect();
    } catch (const std::exception& e) {
      return detail::map_exception(e, "reconnect");
    }
  }
  return lease;
}

Result<std::unique_ptr<Database>> open_database(std::string_view url, const DatabaseOptions& options) {
  if (sodium_init() < 0) return Error::internal("libsodium failed to initialise");
  auto impl = std::make_unique<Database::Impl>();
  impl->options = options;
  if (impl->options.pool_size == 0) impl->options.pool_size = 1;
  if (url.starts_with("sqlite:")) {
    impl->dialect = Dialect::kSqlite;
    BD_ASSIGN_OR_RETURN(impl->backend_connect, sqlite_connect_string(url.substr(7)));
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    impl->dialect = Dialect::kPostgres;
    BD_ASSIGN_OR_RETURN(impl->backend_connect, detail::postgres_keywords(url));
  } else {
    return Error::invalid("db", "unknown database URL; use sqlite:PATH or postgresql://…");
  }
  impl->pool = std::make_unique<soci::connection_pool>(impl->options.pool_size);
  BD_TRY(detail::open_pool(*impl));
  return std::make_unique<Database>(std::move(impl));
}

namespace detail {

namespace {

void open_one(soci::session& s, const Database::Impl& impl) {
  if (impl.dialect == Dialect::kPostgres) {
    s.open(soci::postgresql, impl.backend_connect);
    s << "SET client_min_messages = warning";  // no NOTICEs on stderr ("already exists, skipping")
    return;
  }
  s.open(soci::sqlite3, impl.backend_connect);
  std::string mode;
  s << "PRAGMA journal_mode=WAL", soci::into(mode);
  int timeout = static_cast<int>(impl.options.busy_timeout.count());
  int applied = 0;
  s << "PRAGMA busy_timeout=" + std::to_string(timeout), soci::into(applied);
  s << "PRAGMA foreign_keys=ON";
  s << "PRAGMA synchronous=NORMAL";
}

}  // namespace

Status open_pool(Database::Impl& impl) {
  for (std::size_t i = 0; i < impl.options.pool_size; ++i) {
    try {
      open_one(impl.pool->at(i), impl);
    } catch (const std::exception& e) {
      Error error = map_exception(e, "open database");
      if (error.kind == ErrorKind::kInternal) error = Error::unavailable("cannot open the database", error.detail);
      return error;
    }
  }
  return {};
}

}  // namespace detail
}  // namespace bd::storage
