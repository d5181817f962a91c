// Transactions and their per-thread binding: while a Transaction is open on a thread,
// repository calls of the same Database on that thread use its connection, so several
// repository calls compose into one atomic unit without passing a handle around.
#include <algorithm>
#include <optional>
#include <soci/soci.h>
#include <vector>

#include "storage/database.h"
#include "storage/database_impl.h"
#include "storage/sql_util.h"

namespace bd::storage {

struct Transaction::State {
  std::optional<ConnectionLease> lease;  // set only for the outermost transaction
  bool owner = false;
  bool finished = false;
  bool rollback_only = false;  // a joined transaction failed; the outer one may not commit
};

namespace detail {
namespace {

struct Binding {
  const Database* db;
  soci::session* session;
  Transaction::State* state;
};

thread_local std::vector<Binding> t_bindings;

Binding* find_binding(const Database* db) {
  auto it = std::find_if(t_bindings.begin(), t_bindings.end(), [db](const Binding& b) { return b.db == db; });
  return it == t_bindings.end() ? nullptr : &*it;
}

void unbind(const Database* db) {
  std::erase_if(t_bindings, [db](const Binding& b) { return b.db == db; });
}

}  // namespace

soci::session* bound_session(const Database* db) {
  Binding* b = find_binding(db);
  return b ? b->session : nullptr;
}

}  // namespace detail

Transaction::Transaction(Database& db, std::unique_ptr<State> state) : db_(db), state_(std::move(state)) {}

Result<std::unique_ptr<Transaction>> Transaction::begin(Database& db) {
  auto state = std::make_unique<State>();
  if (detail::find_binding(&db) == nullptr) {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db.lease());
    const char* sql = lease.dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
    try {
      lease.session() << sql;
    } catch (const std::exception& e) {
      return detail::map_exception(e, "begin transaction");
    }
    state->owner = true;
    soci::session* session = &lease.session();
    state->lease.emplace(std::move(lease));
    detail::t_bindings.push_back({&db, session, state.get()});
  }
  return std::unique_ptr<Transaction>(new Transaction(db, std::move(state)));
}

Transaction::~Transaction() {
  if (!state_->finished) rollback();
}

Status Transaction::commit() {
  if (state_->finished) return Error::internal("commit of a finished transaction");
  if (!state_->owner) {
    state_->finished = true;
    return {};
  }
  if (state_->rollback_only) {
    rollback();
    return Error::internal("commit of a transaction in which a nested transaction failed");
  }
  try {
    state_->lease->session() << "COMMIT";
  } catch (const std::exception& e) {
    Error error = detail::map_exception(e, "commit");
    rollback();
    return error;
  }
  state_->finished = true;
  detail::unbind(&db_);
  return {};
}

void Transaction::rollback() {
  if (state_->finished) return;
  state_->finished = true;
  if (!state_->owner) {
    if (auto* outer = detail::find_binding(&db_)) outer->state->rollback_only = true;
    return;
  }
  try {
    state_->lease->session() << "ROLLBACK";
  } catch (const std::exception&) {
    // The connection is broken or the transaction is already gone; either way nothing
    // of it was committed. The next lease reconnects if needed.
  }
  detail::unbind(&db_);
}

Status Database::transaction(const std::function<Status()>& body) {
  BD_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> tx, Transaction::begin(*this));
  Status status;
  try {
    status = body();
  } catch (...) {
    tx->rollback();
    throw;
  }
  if (!status.ok()) {
    tx->rollback();
    return status;
  }
  return tx->commit();
}

}  // namespace bd::storage
