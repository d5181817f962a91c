// Internal: the state behind storage::Database and the per-thread transaction binding.
// Not for other layers.
#pragma once

#include <memory>
#include <soci/connection-pool.h>
#include <string>

#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/field_cipher.h"
#include "storage/workflow_repositories.h"

namespace bd::storage {

struct Database::Impl {
  Dialect dialect = Dialect::kSqlite;
  std::string backend_connect;  // what the driver is given
  DatabaseOptions options;
  std::unique_ptr<soci::connection_pool> pool;
  std::unique_ptr<FieldCipher> cipher = std::make_unique<IdentityCipher>();
  std::unique_ptr<OrganisationRepository> organisations;
  std::unique_ptr<UserRepository> users;
  std::unique_ptr<SessionRepository> sessions;
  std::unique_ptr<ApiTokenRepository> api_tokens;
  std::unique_ptr<ThrottleRepository> throttle;
  std::unique_ptr<BreachRepository> breaches;
  std::unique_ptr<NotificationRepository> notifications;
  std::unique_ptr<LifecycleRepository> lifecycle;
  std::unique_ptr<OutboxRepository> outbox;
};

namespace detail {

// Opens every connection of impl.pool (SQLite pragmas included).
Status open_pool(Database::Impl& impl);

// The connection of the calling thread's open transaction on `db`, or nullptr.
soci::session* bound_session(const Database* db);

}  // namespace detail
}  // namespace bd::storage
