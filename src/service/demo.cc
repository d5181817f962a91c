#include "service/demo.h"

#include <spdlog/spdlog.h>

#include <utility>

#include "service/demo_seeds.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/workflow_repositories.h"

namespace bd::service {
namespace {

Result<DemoCredential> create_organisation(Services& services, const demo::DemoOrganisation& seed) {
  Actor system = system_actor();
  BD_ASSIGN_OR_RETURN(auto org, services.organisations().create(system, seed.name, seed.kind));
  system.organisation_id = org.id;
  NewUser officer;
  officer.organisation_id = org.id;
  officer.email = seed.officer_email;
  officer.display_name = seed.officer_name;
  officer.role = Role::kPrivacyOfficer;
  BD_ASSIGN_OR_RETURN(auto created, services.users().add(system, std::move(officer)));

  BD_ASSIGN_OR_RETURN(Actor actor, services.auth().actor_by_email(system_actor(), created.user.email));
  for (const auto& b : seed.breaches) {
    BD_ASSIGN_OR_RETURN(auto breach, services.breaches().create(actor, b.title, b.answers));
    if (b.status != breach.status) {
      // Historic records: the status the document reports is recorded as it stands
      // (with a revision and one step in the status history), without replaying
      // decisions the document does not contain.
      const std::string reason = "Status volgens het brondocument";
      const model::StatusChange step{breach.id, breach.status, b.status, actor.user_id, services.clock().now(),
                                     reason, std::nullopt};
      breach.status = b.status;
      storage::ChangeAuthor author{actor.user_id, actor.email, step.at, reason};
      BD_TRY(services.database().breaches().update(breach, breach.version, author));
      BD_TRY(services.database().lifecycle().record(org.id, step));
    }
  }
  return DemoCredential{org.name, created.user.email, created.generated_password};
}

}  // namespace

Result<DemoResult> load_demo_data(Services& services) {
  DemoResult result;
  auto seeds = demo::seed_organisations();
  // Idempotent: the demo is there when its first organisation is.
  auto existing = services.organisations().find(system_actor(), seeds.front().name);
  if (existing.ok()) return result;
  if (existing.error().kind != ErrorKind::kNotFound) return std::move(existing).error();

  auto& db = services.database();
  auto status = db.transaction([&]() -> Status {
    for (const auto& seed : seeds) {
      BD_ASSIGN_OR_RETURN(auto credential, create_organisation(services, seed));
      result.credentials.push_back(std::move(credential));
    }
    return {};
  });
  if (!status.ok()) {
    result.credentials.clear();
    return std::move(status).error();
  }
  result.created = true;
  spdlog::info("demo data loaded: {} organisations", seeds.size());
  return result;
}

}  // namespace bd::service
