// Demo data: the two real situations of the seed documents as organisations, users
// and breaches, filled in as far as the documents tell.
//
//  - the care organisation "STMG" (seed 000): an unprotected
//    web server exposed clients' name/address/city, BSN and payment data and
//    employees' name/address, date of birth and e-mail (discovered end of March 2018,
//    letters sent 13 April 2018);
//  - the workforce-management processor "Nostradamus ICT BV" (seed 002) with its own
//    record of the incident, and one customer whose breach is pre-filled from the
//    processor's AP answers (laptop hacked 16 April 2021,
//    discovered 19 April 2021), with the "fill in yourself" questions left open.
//
// One privacy officer per organisation with a generated password (returned for
// printing once). Idempotent: a second run finds the organisations and adds nothing.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "service/services.h"

namespace bd::service {

struct DemoCredential {
  std::string organisation;
  std::string email;
  std::string password;  // plaintext, shown once
};

struct DemoResult {
  bool created = false;                     // false when the demo data already existed
  std::vector<DemoCredential> credentials;  // empty when nothing was created
};

Result<DemoResult> load_demo_data(Services& services);

}  // namespace bd::service
