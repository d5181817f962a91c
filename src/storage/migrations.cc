// Versioned schema migrations, embedded from migrations/*.sql at build time
// (cmake/BdMigrations.cmake). A file "NNNN_name.sql" is portable; "NNNN_name.sqlite.sql"
// or "NNNN_name.postgresql.sql" replaces it for one dialect. Each migration runs in
// its own transaction and is recorded in schema_migrations; on PostgreSQL an advisory
// lock serialises servers that start at the same time.
#include <algorithm>
#include <chrono>
#include <map>
#include <soci/soci.h>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace detail {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_migration_files();
}  // namespace detail

namespace {

constexpr long long kMigrationLock = 0x62645f6d6967;  // "bd_mig"

struct Migration {
  std::string version;
  std::string_view sql;
};

// The migrations for `dialect`, in version order.
std::vector<Migration> migrations_for(Dialect dialect) {
  const std::string_view own = dialect == Dialect::kSqlite ? ".sqlite.sql" : ".postgresql.sql";
  const std::string_view other = dialect == Dialect::kSqlite ? ".postgresql.sql" : ".sqlite.sql";
  std::map<std::string, std::pair<std::string_view, bool>> chosen;  // version -> (sql, dialect-specific)
  for (const auto& [name, sql] : detail::embedded_migration_files()) {
    if (name.ends_with(other)) continue;
    bool specific = name.ends_with(own);
    std::string version(name.substr(0, name.size() - (specific ? own.size() : 4)));
    auto it = chosen.find(version);
    if (it == chosen.end() || specific) chosen[version] = {sql, specific};
  }
  std::vector<Migration> out;
  for (const auto& [version, entry] : chosen) out.push_back({version, entry.first});
  return out;
}

// Splits a script into statements at ';' outside quotes, dropping "--" comments.
std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (!quoted && c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
      current.push_back('\n');
      continue;
    }
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == ';') {
      out.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  out.push_back(std::move(current));
  std::erase_if(out, [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; });
  return out;
}

void lock_migrations(soci::session& s, Dialect dialect) {
  if (dialect == Dialect::kPostgres) s << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")";
}

Status apply_one(Database& db, const Migration& m) {
  return db.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db.lease());
    return detail::guarded("migration " + m.version, [&]() -> Status {
      soci::session& s = lease.session();
      lock_migrations(s, lease.dialect());
      long long done = 0;
      s << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version), soci::into(done);
      if (done > 0) return {};
      for (const std::string& statement : split_statements(m.sql)) s << statement;
      long long now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
      s << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, :t)", soci::use(m.version),
          soci::use(now);
      return {};
    });
  });
}

}  // namespace

std::vector<std::string> Database::known_migrations() {
  std::vector<std::string> out;
  for (const Migration& m : migrations_for(Dialect::kSqlite)) out.push_back(m.version);
  return out;
}

Status Database::migrate() {
  Status tx_status = transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, this->lease());
    return detail::guarded("create schema_migrations", [&]() -> Status {
      lock_migrations(lease.session(), lease.dialect());
      lease.session() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)";
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  for (const Migration& m : migrations_for(dialect())) BD_TRY(apply_one(*this, m));
  return {};
}

Result<std::vector<std::string>> Database::applied_migrations() {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, this->lease());
  return detail::guarded("list migrations", [&]() -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    std::string version;
    soci::statement st = (lease.session().prepare << "SELECT version FROM schema_migrations ORDER BY version",
                          soci::into(version));
    st.execute();
    while (st.fetch()) out.push_back(version);
    return out;
  });
}

}  // namespace bd::storage
