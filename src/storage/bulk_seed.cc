#include "storage/bulk_seed.h"

#include <array>
#include <soci/soci.h>

#include "storage/breach_codec.h"
#include "storage/database.h"
#include "storage/database_impl.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

// splitmix64: small, fast and deterministic for a seed.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) { return items[next() % N]; }
};

constexpr std::array<std::string_view, 8> kSubjects{
    "Onbeveiligde webserver", "E-mail naar verkeerde ontvanger", "Gestolen laptop", "Phishingaanval",
    "Brief naar oud adres", "Netwerkmap te ruim gedeeld", "Ransomware op fileserver", "USB-stick verloren"};
constexpr std::array<std::string_view, 6> kPlaces{"afdeling zorg", "klantenservice", "salarisadministratie",
                                                  "locatie Utrecht", "team ICT", "backoffice"};
constexpr std::array<std::string_view, 7> kStatuses{
    "suspected", "assessing", "decided_notify", "decided_register_only", "notified", "subjects_informed", "closed"};
constexpr std::array<std::string_view, 6> kTypes{"email_wrong_recipient", "post_wrong_recipient",
                                                 "device_or_paper_lost_or_stolen", "hacking_malware_phishing",
                                                 "network_share_too_open", "published_by_mistake"};

struct SeedRow {
  std::string id, reference, status, title, answers, incident_type, search_text;
  long long discovered_at = 0, created_at = 0, updated_at = 0;
};

void make_row(Rng& rng, std::int64_t n, const BulkSeedOptions& o, const FieldCipher& cipher, SeedRow& r) {
  constexpr long long kYear = 365LL * 86400;
  long long now = detail::to_column(o.now);
  r.id = detail::new_id();
  std::string num = std::to_string(n);
  r.reference = "SEED-" + std::string(num.size() < 6 ? 6 - num.size() : 0, '0') + num;
  r.status = std::string(rng.pick(kStatuses));
  r.title = std::string(rng.pick(kSubjects)) + " " + std::string(rng.pick(kPlaces));
  r.incident_type = std::string(rng.pick(kTypes));
  r.discovered_at = now - static_cast<long long>(rng.next() % kYear);
  r.created_at = r.discovered_at + static_cast<long long>(rng.next() % 86400);
  r.updated_at = std::min(now, r.created_at + static_cast<long long>(rng.next() % (30 * 86400)));
  std::string summary = "Synthetisch incident " + num + ": " + r.title + ".";
  model::Answers answers{{"breach.incident_type", r.incident_type},
                         {"breach.summary", summary},
                         {"time.discovered", detail::format_instant_utc(detail::from_column(r.discovered_at))},
                         {"subjects.count", static_cast<std::int64_t>(rng.next() % 5000 + 1)}};
  r.answers = detail::answers_to_text(answers, cipher);
  r.search_text = detail::fold_case(r.reference + "\n" + r.title + "\n" + summary);
}

}  // namespace

Result<std::int64_t> seed_breaches(Database& db, const BulkSeedOptions& o) {
  if (o.organisation_id.empty()) return Error::invalid("organisation_id", "seeding needs an organisation");
  if (o.count < 0 || o.count > 10'000'000) return Error::invalid("count", "count must be between 0 and 10,000,000");
  Status tx_status = db.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db.lease());
    return detail::guarded("seed breaches", [&]() -> Status {
      Rng rng{o.seed};
      SeedRow r;
      long long version = 1;
      soci::statement st =
          (lease.session().prepare
               << "INSERT INTO breaches (id, organisation_id, reference, version, status, title, answers, "
                  "reported_by, incident_type, discovered_at, search_text, created_at, updated_at) "
                  "VALUES (:id, :o, :r, :v, :s, :t, :a, :rb, :it, :d, :st, :c, :u)",
           soci::use(r.id), soci::use(o.organisation_id), soci::use(r.reference), soci::use(version),
           soci::use(r.status), soci::use(r.title), soci::use(r.answers), soci::use(o.reported_by),
           soci::use(r.incident_type), soci::use(r.discovered_at), soci::use(r.search_text), soci::use(r.created_at),
           soci::use(r.updated_at));
      for (std::int64_t n = 1; n <= o.count; ++n) {
        make_row(rng, n, o, db.cipher(), r);
        st.execute(true);
      }
      return {};
    });
  });
  if (!tx_status.ok()) return std::move(tx_status).error();
  // Fresh planner statistics, so the register uses its indexes on the new volume; on
  // PostgreSQL also the visibility map that index-only counts need (VACUUM cannot run
  // inside a transaction, so only when the caller has none open).
  const bool vacuum = db.dialect() == Dialect::kPostgres && detail::bound_session(&db) == nullptr;
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db.lease());
  BD_TRY(detail::guarded("analyze breaches", [&]() -> Status {
    lease.session() << (vacuum ? "VACUUM (ANALYZE) breaches" : "ANALYZE breaches");
    return {};
  }));
  return o.count;
}

}  // namespace bd::storage
