// Internal: reading and writing one row of the breaches table. Callers hold a
// connection (and, for writes, a transaction) and catch SOCI exceptions.
#pragma once

#include <soci/soci.h>
#include <string>

#include "base/result.h"
#include "model/breach.h"
#include "storage/field_cipher.h"

namespace bd::storage::detail {

// Inserts `b` with its derived register columns. Throws on database errors.
void insert_breach_row(soci::session& s, const FieldCipher& cipher, const model::Breach& b);

// Overwrites the row of b.id if its version is still `expected_version`; kConflict
// when it is not (someone else saved first). Throws on database errors.
Status update_breach_row(soci::session& s, const FieldCipher& cipher, const model::Breach& b,
                         std::int64_t expected_version);

// The breach `id` of `organisation_id`, or kNotFound. Throws on database errors.
Result<model::Breach> select_breach(soci::session& s, const FieldCipher& cipher, const std::string& organisation_id,
                                    const std::string& id);

// True when breach `id` exists and belongs to `organisation_id`. Throws on database errors.
bool breach_in_organisation(soci::session& s, const std::string& organisation_id, const std::string& id);

}  // namespace bd::storage::detail
