#include "service/bootstrap.h"

#include <utility>

#include "service/actor.h"

namespace bd::service {

Result<std::optional<FirstAdmin>> ensure_first_admin(Services& services, std::string organisation_name,
                                                     std::string email) {
  BD_ASSIGN_OR_RETURN(bool empty, services.users().no_users_yet());
  if (!empty) return std::optional<FirstAdmin>{};
  if (organisation_name.empty()) organisation_name = "Mijn organisatie";
  if (email.empty()) email = "admin@breachdesk.local";

  Actor system = system_actor();
  BD_ASSIGN_OR_RETURN(auto orgs, services.organisations().list(system));
  Organisation org;
  if (orgs.empty()) {
    BD_ASSIGN_OR_RETURN(org, services.organisations().create(system, organisation_name));
  } else {
    org = orgs.front();  // users were removed by hand: reuse the existing tenant
  }
  system.organisation_id = org.id;
  NewUser admin;
  admin.organisation_id = org.id;
  admin.email = email;
  admin.display_name = "Beheerder";
  admin.role = Role::kAdmin;
  BD_ASSIGN_OR_RETURN(auto created, services.users().add(system, std::move(admin)));
  return std::optional<FirstAdmin>{FirstAdmin{org.name, created.user.email, created.generated_password}};
}

}  // namespace bd::service
