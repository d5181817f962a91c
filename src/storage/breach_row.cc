#include "storage/breach_row.h"

#include "storage/breach_codec.h"
#include "storage/sql_util.h"

namespace bd::storage::detail {
namespace {

// The bound values of one breach row (SOCI binds by reference, so they must outlive
// the statement).
struct RowValues {
  std::string status, answers, incident_type, search_text;
  long long version = 0, discovered_at = 0, created_at = 0, updated_at = 0;
  soci::indicator discovered_ind = soci::i_null;
};

RowValues values_of(const FieldCipher& cipher, const model::Breach& b) {
  RegisterColumns cols = register_columns(b);
  RowValues v;
  v.status = std::string(model::to_token(b.status));
  v.answers = answers_to_text(b.answers, cipher);
  v.incident_type = std::move(cols.incident_type);
  v.search_text = std::move(cols.search_text);
  v.version = b.version;
  if (cols.discovered_at) {
    v.discovered_at = to_column(*cols.discovered_at);
    v.discovered_ind = soci::i_ok;
  }
  v.created_at = to_column(b.created_at);
  v.updated_at = to_column(b.updated_at);
  return v;
}

}  // namespace

void insert_breach_row(soci::session& s, const FieldCipher& cipher, const model::Breach& b) {
  RowValues v = values_of(cipher, b);
  s << "INSERT INTO breaches (id, organisation_id, reference, version, status, title, answers, reported_by, "
       "incident_type, discovered_at, search_text, created_at, updated_at) "
       "VALUES (:id, :o, :r, :v, :s, :t, :a, :rb, :it, :d, :st, :c, :u)",
      soci::use(b.id), soci::use(b.organisation_id), soci::use(b.reference), soci::use(v.version),
      soci::use(v.status), soci::use(b.title), soci::use(v.answers), soci::use(b.reported_by),
      soci::use(v.incident_type), soci::use(v.discovered_at, v.discovered_ind), soci::use(v.search_text),
      soci::use(v.created_at), soci::use(v.updated_at);
}

Status update_breach_row(soci::session& s, const FieldCipher& cipher, const model::Breach& b,
                         std::int64_t expected_version) {
  RowValues v = values_of(cipher, b);
  long long expected = expected_version;
  soci::statement st =
      (s.prepare << "UPDATE breaches SET version = :v, status = :s, title = :t, answers = :a, incident_type = :it, "
                    "discovered_at = :d, search_text = :st, updated_at = :u "
                    "WHERE id = :id AND organisation_id = :o AND version = :ev",
       soci::use(v.version), soci::use(v.status), soci::use(b.title), soci::use(v.answers),
       soci::use(v.incident_type), soci::use(v.discovered_at, v.discovered_ind), soci::use(v.search_text),
       soci::use(v.updated_at), soci::use(b.id), soci::use(b.organisation_id), soci::use(expected));
  st.execute(true);
  if (st.get_affected_rows() != 1) {
    return Error::conflict("the breach was changed by someone else; reload it and apply your change again");
  }
  return {};
}

Result<model::Breach> select_breach(soci::session& s, const FieldCipher& cipher, const std::string& organisation_id,
                                    const std::string& id) {
  model::Breach b;
  std::string status, answers;
  long long version = 0, created = 0, updated = 0;
  s << "SELECT id, organisation_id, reference, version, status, title, answers, reported_by, created_at, updated_at "
       "FROM breaches WHERE id = :id AND organisation_id = :o",
      soci::use(id), soci::use(organisation_id), soci::into(b.id), soci::into(b.organisation_id),
      soci::into(b.reference), soci::into(version), soci::into(status), soci::into(b.title), soci::into(answers),
      soci::into(b.reported_by), soci::into(created), soci::into(updated);
  if (!s.got_data()) return Error::not_found("breach not found");
  auto parsed_status = model::status_from_token(status);
  if (!parsed_status) return Error::internal("stored breach has an unknown status: " + status);
  b.status = *parsed_status;
  b.version = version;
  b.created_at = from_column(created);
  b.updated_at = from_column(updated);
  BD_ASSIGN_OR_RETURN(b.answers, answers_from_text(answers, cipher));
  return b;
}

bool breach_in_organisation(soci::session& s, const std::string& organisation_id, const std::string& id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM breaches WHERE id = :id AND organisation_id = :o", soci::use(id),
      soci::use(organisation_id), soci::into(n);
  return n > 0;
}

}  // namespace bd::storage::detail
