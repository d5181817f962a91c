// The scan reports attached to breaches.
#include "storage/scan_report_repository.h"

#include <soci/soci.h>

#include "storage/database.h"
#include "storage/field_cipher.h"
#include "storage/sql_util.h"

namespace bd::storage {
namespace {

using detail::from_column;
using detail::guarded;
using detail::to_column;

constexpr const char* kColumns =
    "id, organisation_id, breach_id, label, uploaded_by, uploaded_by_email, uploaded_at, report_bytes, records, "
    "records_with_personal_data, persons_distinct, records_unidentified, categories, encrypted";

std::string join_keys(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : " ") + k;
  return out;
}

std::vector<std::string> split_keys(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto space = text.find(' ', pos);
    const auto end = space == std::string::npos ? text.size() : space;
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// One row as SOCI reads it.
struct Row {
  std::string id, org, breach, label, by, email, categories;
  long long at = 0, bytes = 0, records = 0, with_pd = 0, persons = 0, unidentified = 0;
  int encrypted = 0;
};

soci::details::prepare_temp_type& into_row(soci::details::prepare_temp_type& p, Row& r) {
  return (p, soci::into(r.id), soci::into(r.org), soci::into(r.breach), soci::into(r.label), soci::into(r.by),
          soci::into(r.email), soci::into(r.at), soci::into(r.bytes), soci::into(r.records), soci::into(r.with_pd),
          soci::into(r.persons), soci::into(r.unidentified), soci::into(r.categories), soci::into(r.encrypted));
}

Result<ScanReportRecord> to_record(const Row& r, const FieldCipher& cipher) {
  ScanReportRecord out;
  out.id = r.id;
  out.organisation_id = r.org;
  out.breach_id = r.breach;
  out.label = r.label;
  out.uploaded_by = r.by;
  BD_ASSIGN_OR_RETURN(out.uploaded_by_email, cipher.open(PersonalField::kOther, r.email));
  out.uploaded_at = from_column(r.at);
  out.report_bytes = r.bytes;
  out.records = r.records;
  out.records_with_personal_data = r.with_pd;
  out.persons_distinct = r.persons;
  out.records_unidentified = r.unidentified;
  out.categories = split_keys(r.categories);
  out.encrypted = r.encrypted != 0;
  return out;
}

void insert_row(soci::session& s, const FieldCipher& cipher, const ScanReportRecord& r) {
  const std::string email = cipher.seal(PersonalField::kOther, r.uploaded_by_email);
  const std::string json = cipher.seal(PersonalField::kOther, r.report_json);
  const std::string categories = join_keys(r.categories);
  long long at = to_column(r.uploaded_at), bytes = r.report_bytes, records = r.records,
            with_pd = r.records_with_personal_data, persons = r.persons_distinct,
            unidentified = r.records_unidentified;
  int encrypted = r.encrypted ? 1 : 0;
  s << "INSERT INTO scan_reports (" << kColumns
    << ", report_json) VALUES (:id, :o, :b, :l, :u, :e, :at, :by, :r, :rp, :p, :ru, :c, :enc, :j)",
      soci::use(r.id), soci::use(r.organisation_id), soci::use(r.breach_id), soci::use(r.label),
      soci::use(r.uploaded_by), soci::use(email), soci::use(at), soci::use(bytes), soci::use(records),
      soci::use(with_pd), soci::use(persons), soci::use(unidentified), soci::use(categories),
      soci::use(encrypted), soci::use(json);
}

}  // namespace

Result<ScanReportRecord> ScanReportRepository::create(ScanReportRecord record) {
  if (record.organisation_id.empty() || record.breach_id.empty()) {
    return Error::invalid("report", "a scan report needs an organisation and a breach");
  }
  if (record.id.empty()) record.id = detail::new_id();
  record.report_bytes = static_cast<std::int64_t>(record.report_json.size());
  Status done = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("store scan report", [&]() -> Status {
      soci::session& s = lease.session();
      long long exists = 0;
      s << "SELECT COUNT(*) FROM breaches WHERE id = :b AND organisation_id = :o", soci::use(record.breach_id),
          soci::use(record.organisation_id), soci::into(exists);
      if (exists == 0) return Error::not_found("breach not found");
      insert_row(s, db_.cipher(), record);
      return {};
    });
  });
  if (!done.ok()) return std::move(done).error();
  return record;
}

Result<std::vector<ScanReportRecord>> ScanReportRepository::list(std::string_view organisation_id,
                                                                 std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list scan reports", [&]() -> Result<std::vector<ScanReportRecord>> {
    std::string org(organisation_id), breach(breach_id);
    Row r;
    auto prep = lease.session().prepare << std::string("SELECT ") + kColumns +
                                               " FROM scan_reports WHERE organisation_id = :o AND breach_id = :b "
                                               "ORDER BY uploaded_at DESC, id";
    soci::statement st = (into_row(prep, r), soci::use(org), soci::use(breach));
    st.execute();
    std::vector<ScanReportRecord> out;
    while (st.fetch()) {
      BD_ASSIGN_OR_RETURN(auto record, to_record(r, db_.cipher()));
      out.push_back(std::move(record));
    }
    return out;
  });
}

Result<ScanReportRecord> ScanReportRepository::get(std::string_view organisation_id, std::string_view breach_id,
                                                   std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("get scan report", [&]() -> Result<ScanReportRecord> {
    std::string org(organisation_id), breach(breach_id), key(id), json;
    Row r;
    auto prep = lease.session().prepare << std::string("SELECT ") + kColumns +
                                               ", report_json FROM scan_reports WHERE id = :id "
                                               "AND organisation_id = :o AND breach_id = :b";
    soci::statement st = (into_row(prep, r), soci::into(json), soci::use(key), soci::use(org), soci::use(breach));
    st.execute();
    if (!st.fetch()) return Error::not_found("scan report not found");
    BD_ASSIGN_OR_RETURN(auto record, to_record(r, db_.cipher()));
    BD_ASSIGN_OR_RETURN(record.report_json, db_.cipher().open(PersonalField::kOther, json));
    return record;
  });
}

Result<std::int64_t> ScanReportRepository::count(std::string_view organisation_id, std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("count scan reports", [&]() -> Result<std::int64_t> {
    std::string org(organisation_id), breach(breach_id);
    long long n = 0;
    lease.session() << "SELECT COUNT(*) FROM scan_reports WHERE organisation_id = :o AND breach_id = :b",
        soci::use(org), soci::use(breach), soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace bd::storage
