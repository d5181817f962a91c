// Internal to the demo data: the organisations, officers and breaches read from the two
// seed documents (/work/shared/seeds: 000 the care organisation's public notice, 002 the
// processor's pre-filled AP answers). Pure data; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/breach.h"
#include "model/value.h"
#include "storage/records.h"

namespace bd::service::demo {

struct DemoBreach {
  std::string title;
  model::BreachStatus status = model::BreachStatus::kSuspected;
  model::Answers answers;
};

struct DemoOrganisation {
  std::string name;
  storage::OrganisationKind kind = storage::OrganisationKind::kController;
  std::string officer_email;
  std::string officer_name;
  std::vector<DemoBreach> breaches;
};

// STMG (seed 000), Nostradamus ICT BV (seed 002, the processor) and its customer.
std::vector<DemoOrganisation> seed_organisations();

}  // namespace bd::service::demo
