// Login sessions and personal API tokens.
#include <soci/soci.h>

#include "storage/account_repositories.h"
#include "storage/database.h"
#include "storage/field_cipher.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

struct SessionRow {
  std::string token_hash, user_id, csrf_token, remote;
  long long created_at = 0, last_seen_at = 0, expires_at = 0;
};

constexpr const char* kSessionColumns =
    "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, remote FROM sessions";

soci::details::prepare_temp_type& into_session(soci::details::prepare_temp_type& p, SessionRow& r) {
  return (p, soci::into(r.token_hash), soci::into(r.user_id), soci::into(r.csrf_token), soci::into(r.created_at),
          soci::into(r.last_seen_at), soci::into(r.expires_at), soci::into(r.remote));
}

Result<Session> to_session(const SessionRow& r, const FieldCipher& cipher) {
  Session s{r.token_hash,   r.user_id, r.csrf_token, from_column(r.created_at), from_column(r.last_seen_at),
            from_column(r.expires_at), {}};
  BD_ASSIGN_OR_RETURN(s.remote, cipher.open(PersonalField::kSessionRemote, r.remote));
  return s;
}

// Executes a statement and returns the number of rows it changed.
long long run(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace

Status SessionRepository::create(const Session& session) {
  if (session.token_hash.empty() || session.user_id.empty()) {
    return Error::invalid("session", "a session needs a token hash and a user");
  }
  const FieldCipher& cipher = db_.cipher();
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("insert session", [&]() -> Status {
    std::string remote = cipher.seal(PersonalField::kSessionRemote, session.remote);
    long long created = to_column(session.created_at);
    long long seen = to_column(session.last_seen_at);
    long long expires = to_column(session.expires_at);
    lease.session() << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
                       "expires_at, remote) VALUES (:h, :u, :c, :ca, :ls, :ex, :r)",
        soci::use(session.token_hash), soci::use(session.user_id), soci::use(session.csrf_token), soci::use(created),
        soci::use(seen), soci::use(expires), soci::use(remote);
    return {};
  });
}

Result<Session> SessionRepository::find_active(std::string_view token_hash, TimePoint now) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("find session", [&]() -> Result<Session> {
    SessionRow r;
    std::string hash(token_hash);
    long long at = to_column(now);
    auto prep = lease.session().prepare << std::string(kSessionColumns) + " WHERE token_hash = :h AND expires_at > :t";
    soci::statement st = (into_session(prep, r), soci::use(hash), soci::use(at));
    st.execute();
    if (!st.fetch()) return Error::not_found("session not found");
    return to_session(r, db_.cipher());
  });
}

Status SessionRepository::touch(std::string_view token_hash, TimePoint last_seen_at, TimePoint expires_at) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("touch session", [&]() -> Status {
    std::string hash(token_hash);
    long long seen = to_column(last_seen_at);
    long long expires = to_column(expires_at);
    soci::statement st = (lease.session().prepare << "UPDATE sessions SET last_seen_at = :s, expires_at = :e "
                                                     "WHERE token_hash = :h",
                          soci::use(seen), soci::use(expires), soci::use(hash));
    if (run(st) == 0) return Error::not_found("session not found");
    return {};
  });
}

Status SessionRepository::remove(std::string_view token_hash) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("remove session", [&]() -> Status {
    std::string hash(token_hash);
    lease.session() << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
    return {};
  });
}

Result<std::int64_t> SessionRepository::remove_for_user(std::string_view user_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("remove sessions of user", [&]() -> Result<std::int64_t> {
    std::string id(user_id);
    soci::statement st = (lease.session().prepare << "DELETE FROM sessions WHERE user_id = :u", soci::use(id));
    return static_cast<std::int64_t>(run(st));
  });
}

Result<std::int64_t> SessionRepository::purge_expired(TimePoint now) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("purge sessions", [&]() -> Result<std::int64_t> {
    long long at = to_column(now);
    soci::statement st = (lease.session().prepare << "DELETE FROM sessions WHERE expires_at <= :t", soci::use(at));
    return static_cast<std::int64_t>(run(st));
  });
}

Result<std::vector<Session>> SessionRepository::list_active_for_user(std::string_view user_id, TimePoint now) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list sessions", [&]() -> Result<std::vector<Session>> {
    SessionRow r;
    std::string id(user_id);
    long long at = to_column(now);
    auto prep = lease.session().prepare << std::string(kSessionColumns) +
                                               " WHERE user_id = :u AND expires_at > :t ORDER BY last_seen_at DESC";
    soci::statement st = (into_session(prep, r), soci::use(id), soci::use(at));
    st.execute();
    std::vector<Session> out;
    while (st.fetch()) {
      BD_ASSIGN_OR_RETURN(Session s, to_session(r, db_.cipher()));
      out.push_back(std::move(s));
    }
    return out;
  });
}

namespace {

struct TokenRow {
  std::string id, user_id, name, token_hash;
  long long created_at = 0, last_used_at = 0;
  soci::indicator last_used_ind = soci::i_null;
  int revoked = 0;
};

constexpr const char* kTokenColumns =
    "SELECT id, user_id, name, token_hash, created_at, last_used_at, revoked FROM api_tokens";

soci::details::prepare_temp_type& into_token(soci::details::prepare_temp_type& p, TokenRow& r) {
  return (p, soci::into(r.id), soci::into(r.user_id), soci::into(r.name), soci::into(r.token_hash),
          soci::into(r.created_at), soci::into(r.last_used_at, r.last_used_ind), soci::into(r.revoked));
}

ApiToken to_token(const TokenRow& r) {
  ApiToken t{r.id, r.user_id, r.name, r.token_hash, from_column(r.created_at), std::nullopt, r.revoked != 0};
  if (r.last_used_ind == soci::i_ok) t.last_used_at = from_column(r.last_used_at);
  return t;
}

}  // namespace

Result<ApiToken> ApiTokenRepository::create(ApiToken token) {
  if (token.token_hash.empty() || token.user_id.empty()) {
    return Error::invalid("token", "a token needs a hash and a user");
  }
  if (token.id.empty()) token.id = detail::new_id();
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("insert api token", [&]() -> Result<ApiToken> {
    long long created = to_column(token.created_at);
    int revoked = token.revoked ? 1 : 0;
    lease.session() << "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, revoked) "
                       "VALUES (:id, :u, :n, :h, :c, :r)",
        soci::use(token.id), soci::use(token.user_id), soci::use(token.name), soci::use(token.token_hash),
        soci::use(created), soci::use(revoked);
    token.last_used_at.reset();
    return token;
  });
}

Result<ApiToken> ApiTokenRepository::find_active_by_hash(std::string_view token_hash) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("find api token", [&]() -> Result<ApiToken> {
    TokenRow r;
    std::string hash(token_hash);
    auto prep = lease.session().prepare << std::string(kTokenColumns) + " WHERE token_hash = :h AND revoked = 0";
    soci::statement st = (into_token(prep, r), soci::use(hash));
    st.execute();
    if (!st.fetch()) return Error::not_found("token not found");
    return to_token(r);
  });
}

Result<std::vector<ApiToken>> ApiTokenRepository::list_for_user(std::string_view user_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list api tokens", [&]() -> Result<std::vector<ApiToken>> {
    TokenRow r;
    std::string id(user_id);
    auto prep = lease.session().prepare << std::string(kTokenColumns) +
                                               " WHERE user_id = :u ORDER BY created_at DESC, id";
    soci::statement st = (into_token(prep, r), soci::use(id));
    st.execute();
    std::vector<ApiToken> out;
    while (st.fetch()) out.push_back(to_token(r));
    return out;
  });
}

Status ApiTokenRepository::revoke(std::string_view user_id, std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("revoke api token", [&]() -> Status {
    std::string user(user_id);
    std::string token(id);
    soci::statement st = (lease.session().prepare << "UPDATE api_tokens SET revoked = 1 WHERE id = :id AND user_id = :u",
                          soci::use(token), soci::use(user));
    if (run(st) == 0) return Error::not_found("token not found");
    return {};
  });
}

Status ApiTokenRepository::mark_used(std::string_view id, TimePoint at) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("mark api token used", [&]() -> Status {
    std::string token(id);
    long long t = to_column(at);
    lease.session() << "UPDATE api_tokens SET last_used_at = :t WHERE id = :id", soci::use(t), soci::use(token);
    return {};
  });
}

}  // namespace bd::storage
