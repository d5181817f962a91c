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

namespace bd::storage {
class Database;
}

namespace bd::service {

struct Organisation {
  std::string id;
  std::string name;
  TimePoint created_at{};
};

class OrganisationService {
 public:
  OrganisationService(storage::Database& db, const Clock& clock);

  // kInvalidInput for an empty or over-long name; kConflict when the name exists.
  Result<Organisation> create(const Actor& actor, std::string_view name);
  Result<std::vector<Organisation>> list(const Actor& actor);
  Result<Organisation> get(const Actor& actor, std::string_view id);
  // Looks up by exact name or id (for the CLI's --org). System actor / global admin only.
  Result<Organisation> find(const Actor& actor, std::string_view name_or_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace bd::service
