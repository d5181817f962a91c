// Records: the plain rows the storage layer reads and writes for accounts, sessions,
// API tokens and login throttling. Breaches use model::Breach / model::Revision.
//
// Plain data, no I/O; copyable; not synchronised (one owner at a time). Every time is
// an absolute instant (bd::TimePoint, whole seconds, UTC). Personal-data fields
// (User::email, User::display_name, Session::remote) are held in clear text here;
// the repositories pass them through storage/field_cipher.h on their way to and from
// the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace bd::storage {

enum class OrganisationKind {
  kController,  // "verwerkingsverantwoordelijke": notifies the AP itself
  kProcessor,   // "verwerker": informs its controllers (Art. 33(2))
};

// Stable lower_snake tokens used in the database and the API ("controller", "processor").
std::string_view to_token(OrganisationKind kind);
std::optional<OrganisationKind> organisation_kind_from_token(std::string_view token);

struct Organisation {
  std::string id;     // application-generated, opaque
  std::string name;
  std::string kvk;    // Dutch Chamber of Commerce number (8 digits) or empty
  OrganisationKind kind = OrganisationKind::kController;
  TimePoint created_at{};
};

struct User {
  std::string id;               // application-generated, opaque
  std::string organisation_id;
  std::string email;            // personal data; unique case-insensitively across all users
  std::string display_name;     // personal data
  std::string role;             // "admin" | "privacy_officer" | "reporter" | "auditor" (checked by service)
  std::string password_hash;    // PHC string (argon2id) or empty when the password is not set yet
  std::string locale = "nl";    // "nl" | "en"
  bool disabled = false;
  TimePoint created_at{};
};

// A login session. The cookie holds the token; only its hash is stored, so a copy
// of the database does not let anyone log in.
struct Session {
  std::string token_hash;   // primary key
  std::string user_id;
  std::string csrf_token;   // per-session CSRF secret
  TimePoint created_at{};
  TimePoint last_seen_at{};
  TimePoint expires_at{};   // a session at or after this instant is gone
  std::string remote;       // personal data: client address at login
};

// A personal API token ("Authorization: Bearer …"); stored hashed, shown once.
struct ApiToken {
  std::string id;           // application-generated, opaque
  std::string user_id;
  std::string name;         // the user's label for it ("export script")
  std::string token_hash;   // unique
  TimePoint created_at{};
  std::optional<TimePoint> last_used_at;
  bool revoked = false;
};

// Failed-login bookkeeping for one key (e.g. "email:<lowercased address>" or
// "ip:<address>"; the key is chosen by service and may be a hash).
struct LoginThrottle {
  std::string key;
  std::int64_t failures = 0;             // consecutive failures in the current window
  std::optional<TimePoint> last_failure_at;
  std::optional<TimePoint> locked_until;  // logins refused before this instant
};

}  // namespace bd::storage
