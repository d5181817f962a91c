// Bulk seeding of synthetic breaches, for benchmarks and load tests (bench/http calls
// it to fill a register with e.g. 100,000 breaches before measuring the register page).
//
// The data is synthetic and deterministic for a given seed: references "SEED-000001"…,
// titles and summaries from a small Dutch vocabulary, spread over every status and
// incident type and over discovery instants in the year before `now`, so register
// filters and search have realistic selectivity. No personal data of real people.
//
// Inserts happen in one transaction with one prepared statement (fast: ~100k rows in
// seconds on SQLite). Revisions are not written (these breaches have no history).
// Thread-safety: as any repository call. Failure: nothing is inserted.
#pragma once

#include <cstdint>
#include <string>

#include "base/clock.h"
#include "base/result.h"

namespace bd::storage {

class Database;

struct BulkSeedOptions {
  std::string organisation_id;      // must exist
  std::string reported_by;          // user id recorded as reporter (may be empty)
  std::int64_t count = 1000;        // breaches to insert
  std::uint64_t seed = 1;           // same seed, same data
  TimePoint now{};                  // created/updated instants lie before this
};

// Returns the number of breaches inserted (== options.count).
Result<std::int64_t> seed_breaches(Database& db, const BulkSeedOptions& options);

}  // namespace bd::storage
