#include "service/actor.h"

#include <array>
#include <utility>

namespace bd::service {
namespace {

struct RoleToken {
  Role role;
  std::string_view token;
};

constexpr std::array<RoleToken, 4> kRoles{{
    {Role::kAdmin, "admin"},
    {Role::kPrivacyOfficer, "privacy_officer"},
    {Role::kReporter, "reporter"},
    {Role::kAuditor, "auditor"},
}};

}  // namespace

std::string_view to_token(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.token;
  }
  return "reporter";
}

std::optional<Role> role_from_token(std::string_view token) {
  for (const auto& r : kRoles) {
    if (r.token == token) return r.role;
  }
  return std::nullopt;
}

Actor system_actor(std::string organisation_id) {
  Actor actor;
  actor.organisation_id = std::move(organisation_id);
  actor.role = Role::kAdmin;
  actor.email = "system";
  actor.display_name = "breachdesk";
  actor.global_admin = true;
  return actor;
}

}  // namespace bd::service
