// Actor: who performs a use case. Every service method takes the Actor as its first
// argument; tenant isolation and role checks are decided from it, in service/ only.
//
// An Actor is built by AuthService (from a session or an API token) or, for the CLI
// run by the machine's operator, by system_actor(). Plain data, freely copyable;
// the helpers below are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bd::service {

// The four roles of an organisation.
//   admin           manages users of its organisation, and everything an officer may do
//   privacy_officer reads and edits every breach of its organisation, exports the register
//   reporter        reports suspected breaches and sees only the ones it reported
//   auditor         reads every breach of its organisation, changes nothing
enum class Role { kAdmin, kPrivacyOfficer, kReporter, kAuditor };

// Stable lower_snake tokens used in the database, the CLI and forms:
// "admin", "privacy_officer", "reporter", "auditor".
std::string_view to_token(Role role);
std::optional<Role> role_from_token(std::string_view token);

struct Actor {
  std::string user_id;          // empty for the system actor (CLI operator)
  std::string organisation_id;  // the tenant the actor acts in
  Role role = Role::kReporter;
  std::string email;
  std::string display_name;
  std::string locale = "nl";    // "nl" or "en"
  bool global_admin = false;    // admin of the first organisation: may manage organisations
};

// The operator at the command line: an admin of `organisation_id` who may also manage
// organisations. Never produced from a web request.
Actor system_actor(std::string organisation_id = {});

inline bool can_admin(const Actor& a) { return a.role == Role::kAdmin; }
// May change breaches (other than filing a report of its own).
inline bool can_edit(const Actor& a) { return a.role == Role::kAdmin || a.role == Role::kPrivacyOfficer; }
// Sees every breach of its organisation (reporters see only their own).
inline bool can_read_all(const Actor& a) { return a.role != Role::kReporter; }
// May report a suspected breach (everyone but the read-only auditor).
inline bool can_report(const Actor& a) { return a.role != Role::kAuditor; }
// May export the register.
inline bool can_export(const Actor& a) { return can_read_all(a); }

}  // namespace bd::service
