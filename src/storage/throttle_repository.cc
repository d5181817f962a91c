// Failed-login throttling: consecutive failures per key, with an exponential lockout.
#include <algorithm>
#include <soci/soci.h>

#include "storage/account_repositories.h"
#include "storage/database.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

Result<LoginThrottle> read_throttle(soci::session& s, const std::string& key) {
  long long failures = 0, last = 0, locked = 0;
  soci::indicator last_ind = soci::i_null, locked_ind = soci::i_null;
  s << "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE throttle_key = :k", soci::use(key),
      soci::into(failures), soci::into(last, last_ind), soci::into(locked, locked_ind);
  LoginThrottle t{key, 0, std::nullopt, std::nullopt};
  if (!s.got_data()) return t;
  t.failures = failures;
  if (last_ind == soci::i_ok) t.last_failure_at = from_column(last);
  if (locked_ind == soci::i_ok) t.locked_until = from_column(locked);
  return t;
}

// The lock that follows `failures` consecutive failures, or none.
std::optional<TimePoint> lock_after(std::int64_t failures, TimePoint now, const ThrottlePolicy& policy) {
  if (failures < policy.free_failures) return std::nullopt;
  std::int64_t exponent = std::min<std::int64_t>(failures - policy.free_failures, 30);
  auto lock = policy.base_lock * (std::int64_t{1} << exponent);
  return now + std::min(lock, policy.max_lock);
}

}  // namespace

Result<LoginThrottle> ThrottleRepository::get(std::string_view key) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("get throttle", [&]() { return read_throttle(lease.session(), std::string(key)); });
}

Result<LoginThrottle> ThrottleRepository::record_failure(std::string_view key, TimePoint now,
                                                         const ThrottlePolicy& policy) {
  if (key.empty()) return Error::invalid("key", "the throttle key is empty");
  LoginThrottle result;
  Status tx_status = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("record login failure", [&]() -> Status {
      soci::session& s = lease.session();
      std::string k(key);
      long long at = to_column(now);
      long long window_start = to_column(now - policy.window);
      // One atomic upsert: the row lock it takes serialises concurrent failures.
      s << "INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (:k, 1, :t) "
           "ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE "
           "WHEN login_throttle.last_failure_at < :w AND (login_throttle.locked_until IS NULL "
           "OR login_throttle.locked_until <= :t2) THEN 1 ELSE login_throttle.failures + 1 END, "
           "last_failure_at = :t3",
          soci::use(k), soci::use(at), soci::use(window_start), soci::use(at), soci::use(at);
      BD_ASSIGN_OR_RETURN(result, read_throttle(s, k));
      result.locked_until = lock_after(result.failures, now, policy);
      long long locked = result.locked_until ? to_column(*result.locked_until) : 0;
      soci::indicator ind = result.locked_until ? soci::i_ok : soci::i_null;
      s << "UPDATE login_throttle SET locked_until = :l WHERE throttle_key = :k", soci::use(locked, ind),
          soci::use(k);
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  return result;
}

Status ThrottleRepository::clear(std::string_view key) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("clear throttle", [&]() -> Status {
    std::string k(key);
    lease.session() << "DELETE FROM login_throttle WHERE throttle_key = :k", soci::use(k);
    return {};
  });
}

}  // namespace bd::storage
