// Database: the one handle to breachdesk's store, SQLite (the default, one file) or
// PostgreSQL (several server processes sharing one database).
//
// Ownership: a Database owns a fixed pool of connections (size it to the worker pool
// that makes the calls), the field cipher and one instance of every repository; the
// repositories it hands out live as long as it does. Open it with open_database(), then
// call migrate() once at start (the `serve` and `migrate` commands do).
//
// Thread-safety: every member is safe to call from any thread. Each repository call
// leases a pooled connection for its duration (blocking while all are in use) unless
// the calling thread is inside a transaction of this Database (see Transaction and
// Database::transaction), in which case it joins that transaction's connection.
//
// Failure: nothing here throws. Driver errors become bd::Error — kUnavailable (cannot
// connect, connection lost, database busy beyond the timeout), kConflict (unique or
// foreign-key violation, stale version), kNotFound, kInternal (anything else, a bug).
// The SQL and the driver's message go only into Error::detail, for the log.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace bd::storage {

enum class Dialect { kSqlite, kPostgres };

struct DatabaseOptions {
  std::size_t pool_size = 8;                       // connections in the pool (>= 1)
  std::chrono::milliseconds busy_timeout{15000};   // SQLite: wait this long for a writer lock
};

class FieldCipher;
class OrganisationRepository;
class UserRepository;
class SessionRepository;
class ApiTokenRepository;
class ThrottleRepository;
class BreachRepository;
class NotificationRepository;
class LifecycleRepository;
class OutboxRepository;

// A connection leased from the pool, or borrowed from the calling thread's open
// transaction. Move-only; gives the connection back when destroyed. Used by the
// repositories (storage internals); layers above never see SQL.
class ConnectionLease {
 public:
  ConnectionLease(ConnectionLease&& other) noexcept;
  ConnectionLease& operator=(ConnectionLease&&) = delete;
  ConnectionLease(const ConnectionLease&) = delete;
  ConnectionLease& operator=(const ConnectionLease&) = delete;
  ~ConnectionLease();

  soci::session& session() const { return *session_; }
  Dialect dialect() const { return dialect_; }

 private:
  friend class Database;
  ConnectionLease(soci::session* session, Dialect dialect, std::function<void()> release);
  soci::session* session_;
  Dialect dialect_;
  std::function<void()> release_;  // empty when borrowed from a transaction
};

class Transaction;

class Database {
 public:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const;
  std::size_t pool_size() const;

  // Applies every embedded migration (migrations/NNNN_name*.sql) not yet recorded in
  // schema_migrations, in order, each in its own transaction. Idempotent. On failure
  // the failing migration is rolled back and the ones before it stay applied.
  Status migrate();
  // Versions ("0001_core") recorded in schema_migrations, in order.
  Result<std::vector<std::string>> applied_migrations();
  // Versions of the migrations built into this binary, in order.
  static std::vector<std::string> known_migrations();

  // Runs `body` inside one transaction: every repository call it makes on this thread
  // uses the same connection. Commits when body returns ok; rolls back when it returns
  // an error (which is then returned) or throws (rethrown after rollback). Nested calls
  // join the outer transaction (a failed nested one makes the outer commit fail). On
  // SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE) so two writers
  // queue instead of failing with "database is locked". On PostgreSQL a statement that
  // fails (e.g. a duplicate) aborts the whole transaction: return the error from the
  // body instead of carrying on with other calls.
  Status transaction(const std::function<Status()>& body);

  // Leases a connection (see ConnectionLease). kUnavailable when it cannot reconnect.
  Result<ConnectionLease> lease();

  OrganisationRepository& organisations();
  UserRepository& users();
  SessionRepository& sessions();
  ApiTokenRepository& api_tokens();
  ThrottleRepository& throttle();
  BreachRepository& breaches();
  NotificationRepository& notifications();
  LifecycleRepository& lifecycle();
  OutboxRepository& outbox();

  // The hook every personal-data field passes through (identity by default).
  const FieldCipher& cipher() const;
  // Replaces the cipher; call before the Database is shared between threads.
  void set_cipher(std::unique_ptr<FieldCipher> cipher);

 private:
  friend class Transaction;
  std::unique_ptr<Impl> impl_;
};

// RAII transaction on one pooled connection, bound to the calling thread so that
// repository calls made on this thread while it is open join it. Rolls back on
// destruction unless commit() succeeded. Not movable between threads.
class Transaction {
 public:
  // Begins a transaction (or joins the calling thread's open one, in which case
  // commit() and the rollback are left to the outer transaction).
  static Result<std::unique_ptr<Transaction>> begin(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status commit();
  void rollback();

  struct State;

 private:
  Transaction(Database& db, std::unique_ptr<State> state);
  Database& db_;
  std::unique_ptr<State> state_;
};

// Opens (and for SQLite creates, with its parent directories) the database named by
// `url`: "sqlite:PATH" (PATH relative to the working directory, WAL journal, foreign
// keys on, busy timeout) or "postgresql://user@host:port/db?…" (any libpq URI).
// kInvalidInput for an unknown scheme; kUnavailable when the database cannot be opened.
Result<std::unique_ptr<Database>> open_database(std::string_view url, const DatabaseOptions& options = {});

}  // namespace bd::storage
