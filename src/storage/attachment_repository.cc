// The supporting documents of breaches.
#include "storage/attachment_repository.h"

#include <sodium.h>
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
    "id, organisation_id, breach_id, name, content_type, size_bytes, sha256, uploaded_by, uploaded_by_email, "
    "uploaded_at";

constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kBase64), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    kBase64);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

Result<std::string> from_base64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, kBase64) != 0) {
    return Error::internal("stored attachment content is not base64");
  }
  out.resize(length);
  return out;
}

// One row as SOCI reads it.
struct Row {
  std::string id, org, breach, name, type, sha256, by, email;
  long long size = 0, at = 0;
};

soci::details::prepare_temp_type& into_row(soci::details::prepare_temp_type& p, Row& r) {
  return (p, soci::into(r.id), soci::into(r.org), soci::into(r.breach), soci::into(r.name), soci::into(r.type),
          soci::into(r.size), soci::into(r.sha256), soci::into(r.by), soci::into(r.email), soci::into(r.at));
}

Result<AttachmentRecord> to_record(const Row& r, const FieldCipher& cipher) {
  AttachmentRecord out;
  out.id = r.id;
  out.organisation_id = r.org;
  out.breach_id = r.breach;
  BD_ASSIGN_OR_RETURN(out.name, cipher.open(PersonalField::kOther, r.name));
  out.content_type = r.type;
  out.size_bytes = r.size;
  out.sha256 = r.sha256;
  out.uploaded_by = r.by;
  BD_ASSIGN_OR_RETURN(out.uploaded_by_email, cipher.open(PersonalField::kOther, r.email));
  out.uploaded_at = from_column(r.at);
  return out;
}

void insert_row(soci::session& s, const FieldCipher& cipher, const AttachmentRecord& r) {
  const std::string name = cipher.seal(PersonalField::kOther, r.name);
  const std::string email = cipher.seal(PersonalField::kOther, r.uploaded_by_email);
  const std::string content = cipher.seal(PersonalField::kOther, to_base64(r.content));
  long long size = r.size_bytes, at = to_column(r.uploaded_at);
  s << "INSERT INTO attachments (" << kColumns
    << ", content) VALUES (:id, :o, :b, :n, :t, :s, :h, :u, :e, :at, :c)",
      soci::use(r.id), soci::use(r.organisation_id), soci::use(r.breach_id), soci::use(name),
      soci::use(r.content_type), soci::use(size), soci::use(r.sha256), soci::use(r.uploaded_by), soci::use(email),
      soci::use(at), soci::use(content);
}

}  // namespace

Result<AttachmentRecord> AttachmentRepository::create(AttachmentRecord record) {
  if (record.organisation_id.empty() || record.breach_id.empty()) {
    return Error::invalid("attachment", "a document needs an organisation and a breach");
  }
  if (record.id.empty()) record.id = detail::new_id();
  record.size_bytes = static_cast<std::int64_t>(record.content.size());
  Status done = db_.transaction([&]() -> Status {
    BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
    return guarded("store attachment", [&]() -> Status {
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
  record.content.clear();
  return record;
}

Result<std::vector<AttachmentRecord>> AttachmentRepository::list(std::string_view organisation_id,
                                                                 std::string_view breach_id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("list attachments", [&]() -> Result<std::vector<AttachmentRecord>> {
    std::string org(organisation_id), breach(breach_id);
    Row r;
    auto prep = lease.session().prepare << std::string("SELECT ") + kColumns +
                                               " FROM attachments WHERE organisation_id = :o AND breach_id = :b "
                                               "ORDER BY uploaded_at, id";
    soci::statement st = (into_row(prep, r), soci::use(org), soci::use(breach));
    st.execute();
    std::vector<AttachmentRecord> out;
    while (st.fetch()) {
      BD_ASSIGN_OR_RETURN(auto record, to_record(r, db_.cipher()));
      out.push_back(std::move(record));
    }
    return out;
  });
}

Result<AttachmentRecord> AttachmentRepository::get(std::string_view organisation_id, std::string_view breach_id,
                                                   std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("get attachment", [&]() -> Result<AttachmentRecord> {
    std::string org(organisation_id), breach(breach_id), key(id), content;
    Row r;
    auto prep = lease.session().prepare << std::string("SELECT ") + kColumns +
                                               ", content FROM attachments WHERE id = :id "
                                               "AND organisation_id = :o AND breach_id = :b";
    soci::statement st = (into_row(prep, r), soci::into(content), soci::use(key), soci::use(org), soci::use(breach));
    st.execute();
    if (!st.fetch()) return Error::not_found("attachment not found");
    BD_ASSIGN_OR_RETURN(auto record, to_record(r, db_.cipher()));
    BD_ASSIGN_OR_RETURN(std::string encoded, db_.cipher().open(PersonalField::kOther, content));
    BD_ASSIGN_OR_RETURN(record.content, from_base64(encoded));
    return record;
  });
}

Status AttachmentRepository::remove(std::string_view organisation_id, std::string_view breach_id,
                                    std::string_view id) {
  BD_ASSIGN_OR_RETURN(ConnectionLease lease, db_.lease());
  return guarded("delete attachment", [&]() -> Status {
    std::string org(organisation_id), breach(breach_id), key(id);
    soci::statement st = (lease.session().prepare << "DELETE FROM attachments WHERE id = :id "
                                                     "AND organisation_id = :o AND breach_id = :b",
                          soci::use(key), soci::use(org), soci::use(breach));
    st.execute(true);
    if (st.get_affected_rows() == 0) return Error::not_found("attachment not found");
    return {};
  });
}

}  // namespace bd::storage
