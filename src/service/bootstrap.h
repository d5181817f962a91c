// First start: when the database holds no user at all, create the first organisation
// and its administrator (the global admin) with a generated one-time password.
// The caller (the `serve` command) prints the credentials once to the terminal, never
// to the log. Idempotent: does nothing when any user exists.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "service/services.h"

namespace bd::service {

struct FirstAdmin {
  std::string organisation_name;
  std::string email;
  std::string password;  // plaintext, shown once
};

// Creates "Mijn organisatie" (or `organisation_name`) with admin@breachdesk.local (or `email`)
// when no user exists yet; std::nullopt when users already exist.
Result<std::optional<FirstAdmin>> ensure_first_admin(Services& services, std::string organisation_name = {},
                                                     std::string email = {});

}  // namespace bd::service
