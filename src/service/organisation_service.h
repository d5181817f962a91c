// OrganisationService: the tenants. Creating and listing all organisations is for the
// global admin (admin of the first organisation) and the CLI's system actor; anyone
// may read its own organisation. Another organisation is kNotFound, never kForbidden.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "service/actor.h"
#include "storage/records.h"

namespace bd::storage {
class Database;
}  // namespace bd::storage

namespace bd::service {

// id, name, kvk, kind (controller / processor), created_at.
using Organisation = storage::Organisation;

class OrganisationService {
 public:
  OrganisationService(storage::Database& db, const Clock& clock);

  // kInvalidInput for an empty or over-long name; kConflict when the name exists.
  Result<Organisation> create(const Actor& actor, std::string_view name,
                              storage::OrganisationKind kind = storage::OrganisationKind::kController,
                              std::string_view kvk = {});
  Result<std::vector<Organisation>> list(const Actor& actor);
  Result<Organisation> get(const Actor& actor, std::string_view id);
  // Looks up by exact name or id (for the CLI's --org). System actor / global admin only.
  Result<Organisation> find(const Actor& actor, std::string_view name_or_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace bd::service
