// Fills a breachdesk database with synthetic breaches for the first organisation
// (created beforehand with `breachdesk org add`), through storage's bulk seeder.
// Usage: http_bench_seed DB_URL COUNT
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/clock.h"
#include "storage/account_repositories.h"
#include "storage/bulk_seed.h"
#include "storage/database.h"

namespace {

int fail(const bd::Error& e) {
  std::fprintf(stderr, "seed failed: %s (%s)\n", e.message.c_str(), e.detail.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB_URL COUNT\n", argv[0]);
    return 2;
  }
  auto db = bd::storage::open_database(argv[1]);
  if (!db.ok()) return fail(db.error());
  if (auto migrated = (*db)->migrate(); !migrated.ok()) return fail(migrated.error());
  auto orgs = (*db)->organisations().list();
  if (!orgs.ok()) return fail(orgs.error());
  if (orgs->empty()) return fail(bd::Error::invalid("", "no organisation: run `breachdesk org add` first"));
  const auto& org = orgs->front();
  auto users = (*db)->users().list_by_organisation(org.id);
  if (!users.ok()) return fail(users.error());
  bd::storage::BulkSeedOptions options;
  options.organisation_id = org.id;
  options.reported_by = users->empty() ? std::string() : users->front().id;
  options.count = std::atoll(argv[2]);
  options.now = bd::SystemClock().now();
  auto seeded = bd::storage::seed_breaches(**db, options);
  if (!seeded.ok()) return fail(seeded.error());
  std::printf("%lld\n", static_cast<long long>(*seeded));
  return 0;
}
