// AttachmentRepository on SQLite and PostgreSQL: every byte back as stored, listed in
// upload order without content, scoped by organisation and breach, deleted once, and
// the name and content passed through the FieldCipher.
#include <gtest/gtest.h>

#include <memory>

#include "storage/account_repositories.h"
#include "storage/attachment_repository.h"
#include "storage/breach_repository.h"
#include "storage/field_cipher.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

constexpr long long kNow = 1772452800;  // 2026-03-02T12:00:00Z

// Every byte value, and a NUL in the middle: binary content must survive both drivers.
std::string all_bytes() {
  std::string out;
  for (int round = 0; round < 3; ++round) {
    for (int b = 0; b < 256; ++b) out.push_back(static_cast<char>(b));
  }
  return out;
}

// Marks what it seals, so a test can see which columns went through the hook.
class MarkingCipher final : public FieldCipher {
 public:
  std::string seal(PersonalField, std::string_view plain) const override { return "sealed:" + std::string(plain); }
  Result<std::string> open(PersonalField, std::string_view stored) const override {
    if (!stored.starts_with("sealed:")) return Error::internal("not sealed");
    return std::string(stored.substr(7));
  }
  std::string blind_index(PersonalField, std::string_view normalised) const override {
    return std::string(normalised);
  }
};

class AttachmentStoreTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    org_ = db().organisations().create({"", "Zorggroep Oost", "", OrganisationKind::kController, at(kNow)}).value();
    other_ = db().organisations().create({"", "Ander", "", OrganisationKind::kController, at(kNow)}).value();
    model::Breach b;
    b.organisation_id = org_.id;
    b.title = "Gestolen laptop";
    breach_ = db().breaches().create(b, {"u1", "u1@example.nl", at(kNow), ""}).value();
  }

  AttachmentRecord record(const std::string& name, long long when, std::string content = all_bytes()) const {
    AttachmentRecord r;
    r.organisation_id = org_.id;
    r.breach_id = breach_.id;
    r.name = name;
    r.content_type = "application/pdf";
    r.sha256 = "ab12";
    r.uploaded_by = "u1";
    r.uploaded_by_email = "u1@example.nl";
    r.uploaded_at = at(when);
    r.content = std::move(content);
    return r;
  }

  Organisation org_;
  Organisation other_;
  model::Breach breach_;
};

TEST_P(AttachmentStoreTest, GivesBackEveryByteAndTheMetadata) {
  AttachmentRepository documents(db());
  auto created = documents.create(record("Logboek 'firewall' é.pdf", kNow + 10));
  ASSERT_TRUE(created.ok()) << created.error().detail;
  EXPECT_EQ(created->id.size(), 32u);
  EXPECT_TRUE(created->content.empty());
  EXPECT_EQ(created->size_bytes, 768);
  auto got = documents.get(org_.id, breach_.id, created->id);
  ASSERT_TRUE(got.ok()) << got.error().detail;
  EXPECT_EQ(got->content, all_bytes());
  EXPECT_EQ(got->name, "Logboek 'firewall' é.pdf");
  EXPECT_EQ(got->content_type, "application/pdf");
  EXPECT_EQ(got->size_bytes, 768);
  EXPECT_EQ(got->sha256, "ab12");
  EXPECT_EQ(got->uploaded_by, "u1");
  EXPECT_EQ(got->uploaded_by_email, "u1@example.nl");
  EXPECT_EQ(got->uploaded_at, at(kNow + 10));

  auto empty = documents.create(record("leeg.txt", kNow + 11, ""));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(documents.get(org_.id, breach_.id, empty->id)->content, "");
}

TEST_P(AttachmentStoreTest, ListsInUploadOrderWithoutContent) {
  AttachmentRepository documents(db());
  ASSERT_TRUE(documents.create(record("tweede.pdf", kNow + 20)).ok());
  ASSERT_TRUE(documents.create(record("eerste.pdf", kNow + 10)).ok());
  auto list = documents.list(org_.id, breach_.id);
  ASSERT_TRUE(list.ok()) << list.error().detail;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "eerste.pdf");
  EXPECT_EQ((*list)[1].name, "tweede.pdf");
  EXPECT_TRUE((*list)[0].content.empty());
  EXPECT_EQ((*list)[0].size_bytes, 768);
}

TEST_P(AttachmentStoreTest, AnotherOrganisationSeesNothingAndCannotAddOrDelete) {
  AttachmentRepository documents(db());
  auto created = documents.create(record("verslag.pdf", kNow));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(documents.get(other_.id, breach_.id, created->id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(documents.list(other_.id, breach_.id).value().empty());
  EXPECT_EQ(documents.get(org_.id, "other-breach", created->id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(documents.remove(other_.id, breach_.id, created->id).error().kind, ErrorKind::kNotFound);

  AttachmentRecord foreign = record("vreemd.pdf", kNow);
  foreign.organisation_id = other_.id;
  EXPECT_EQ(documents.create(foreign).error().kind, ErrorKind::kNotFound);
  AttachmentRecord missing = record("weg.pdf", kNow);
  missing.breach_id = "no-such-breach";
  EXPECT_EQ(documents.create(missing).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(documents.list(org_.id, breach_.id)->size(), 1u);
}

TEST_P(AttachmentStoreTest, DeletesOnce) {
  AttachmentRepository documents(db());
  auto created = documents.create(record("verslag.pdf", kNow));
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(documents.remove(org_.id, breach_.id, created->id).ok());
  EXPECT_EQ(documents.remove(org_.id, breach_.id, created->id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(documents.get(org_.id, breach_.id, created->id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(documents.list(org_.id, breach_.id)->empty());
}

TEST_P(AttachmentStoreTest, NameContentAndUploaderPassTheFieldCipher) {
  db().set_cipher(std::make_unique<MarkingCipher>());
  AttachmentRepository documents(db());
  auto created = documents.create(record("verslag.pdf", kNow, "%PDF-1.7 inhoud"));
  ASSERT_TRUE(created.ok()) << created.error().detail;
  auto got = documents.get(org_.id, breach_.id, created->id);
  ASSERT_TRUE(got.ok()) << got.error().detail;
  EXPECT_EQ(got->name, "verslag.pdf");
  EXPECT_EQ(got->content, "%PDF-1.7 inhoud");
  EXPECT_EQ(got->uploaded_by_email, "u1@example.nl");
  // What is stored is what the cipher sealed: a reader without it sees no clear text.
  db().set_cipher(std::make_unique<IdentityCipher>());
  auto raw = documents.get(org_.id, breach_.id, created->id);
  EXPECT_FALSE(raw.ok());  // "sealed:…" is not base64
  EXPECT_EQ(documents.list(org_.id, breach_.id).value()[0].name, "sealed:verslag.pdf");
}

BD_STORAGE_SUITE(AttachmentStoreTest);

}  // namespace
}  // namespace bd::storage::testing
