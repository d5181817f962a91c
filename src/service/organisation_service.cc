#include "service/organisation_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "service/text.h"
#include "storage/account_repositories.h"
#include "storage/database.h"

namespace bd::service {
namespace {

constexpr std::size_t kMaxNameChars = 200;

Error org_not_found() { return Error::not_found("Organisatie niet gevonden."); }

bool may_manage_all(const Actor& actor) { return actor.global_admin && actor.role == Role::kAdmin; }

bool valid_kvk(std::string_view kvk) {
  if (kvk.empty()) return true;
  if (kvk.size() != 8) return false;
  for (char c : kvk) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

OrganisationService::OrganisationService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<Organisation> OrganisationService::create(const Actor& actor, std::string_view name,
                                                 storage::OrganisationKind kind, std::string_view kvk) {
  if (!may_manage_all(actor)) return Error::forbidden("Alleen de hoofdbeheerder mag organisaties toevoegen.");
  auto clean = trim(name);
  if (clean.empty() || utf8_length(clean) > kMaxNameChars || !is_clean_text(clean, false)) {
    return Error::invalid("name", "Geef een naam van 1 tot 200 tekens.");
  }
  if (!valid_kvk(kvk)) return Error::invalid("kvk", "Een KvK-nummer heeft 8 cijfers.");
  BD_ASSIGN_OR_RETURN(auto existing, db_.organisations().list());
  // Creation instants strictly increase, so "the first organisation" (whose admins are
  // the global admins) is unambiguous even when several are made in the same second.
  TimePoint created = clock_.now();
  for (const auto& org : existing) {
    if (to_lower_ascii(org.name) == to_lower_ascii(clean)) {
      return Error::conflict("Er bestaat al een organisatie met deze naam.");
    }
    created = std::max(created, org.created_at + std::chrono::seconds(1));
  }
  Organisation org;
  org.name = clean;
  org.kind = kind;
  org.kvk = std::string(kvk);
  org.created_at = created;
  BD_ASSIGN_OR_RETURN(auto stored, db_.organisations().create(std::move(org)));
  spdlog::info("organisation {} created by {}", stored.id, actor.user_id.empty() ? "cli" : actor.user_id);
  return stored;
}

Result<std::vector<Organisation>> OrganisationService::list(const Actor& actor) {
  if (may_manage_all(actor)) return db_.organisations().list();
  BD_ASSIGN_OR_RETURN(auto own, get(actor, actor.organisation_id));
  return std::vector<Organisation>{std::move(own)};
}

Result<Organisation> OrganisationService::get(const Actor& actor, std::string_view id) {
  if (!may_manage_all(actor) && id != actor.organisation_id) return org_not_found();
  auto org = db_.organisations().get(id);
  if (!org.ok() && org.error().kind == ErrorKind::kNotFound) return org_not_found();
  return org;
}

Result<Organisation> OrganisationService::find(const Actor& actor, std::string_view name_or_id) {
  if (!may_manage_all(actor)) return Error::forbidden("Alleen de hoofdbeheerder mag organisaties zoeken.");
  BD_ASSIGN_OR_RETURN(auto all, db_.organisations().list());
  for (const auto& org : all) {
    if (org.id == name_or_id) return org;
  }
  auto wanted = to_lower_ascii(trim(name_or_id));
  for (const auto& org : all) {
    if (to_lower_ascii(org.name) == wanted) return org;
  }
  return org_not_found();
}

}  // namespace bd::service
