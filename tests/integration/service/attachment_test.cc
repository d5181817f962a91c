// AttachmentService on SQLite and PostgreSQL: a document and the breach's answer
// breach.attachments change together as one revision; a stale version, a refused file
// or a full breach write nothing; reporters read only their own breaches' documents
// and change none; nobody sets the answer by hand.
#include <algorithm>

#include "service_fixture.h"

namespace bd::service::testing {
namespace {

using Strings = std::vector<std::string>;

const std::string kPdf = "%PDF-1.7\n% tijdlijn van het incident\n";

class AttachmentTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    officer_ = add_user(org_, "officer@eerste.example", Role::kPrivacyOfficer);
    reporter_ = add_user(org_, "melder@eerste.example", Role::kReporter);
    auditor_ = add_user(org_, "auditor@eerste.example", Role::kAuditor);
    auto b = svc().breaches().intake(reporter_, {"Laptop kwijt", "Laptop in de trein laten liggen", {}, "", "", ""});
    ASSERT_TRUE(b.ok()) << b.error().message;
    breach_ = *b;
  }

  Result<AddedAttachment> add(const std::string& name, const std::string& bytes, std::int64_t version) {
    return svc().attachments().add(officer_, breach_.id, {version, name, bytes});
  }

  std::int64_t version() { return svc().breaches().get(officer_, breach_.id)->version; }

  Strings answer() {
    const auto b = svc().breaches().get(officer_, breach_.id).value();
    auto it = b.answers.find("breach.attachments");
    return it == b.answers.end() ? Strings{} : std::get<Strings>(it->second);
  }

  std::size_t stored() { return svc().attachments().list(officer_, breach_.id)->size(); }

  Actor officer_, reporter_, auditor_;
  model::Breach breach_;
};

TEST_P(AttachmentTest, AddingIsARevisionWithTheDocumentName) {
  auto added = add("C:\\incident\\Tijdlijn.pdf", kPdf, 1);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->attachment.name, "Tijdlijn.pdf");
  EXPECT_EQ(added->attachment.content_type, "application/pdf");
  EXPECT_EQ(added->attachment.size_bytes, static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(added->attachment.sha256.size(), 64u);
  EXPECT_EQ(added->breach.version, 2);
  EXPECT_EQ(answer(), Strings{"Tijdlijn.pdf"});
  ASSERT_TRUE(add("notulen.txt", "Overleg crisisteam 10:00\n", 2).ok());
  EXPECT_EQ(answer(), (Strings{"Tijdlijn.pdf", "notulen.txt"}));

  const auto history = svc().breaches().revisions(officer_, breach_.id).value();
  ASSERT_EQ(history.size(), 3u);
  const model::Revision& last = history.back();
  EXPECT_EQ(last.version, 3);
  EXPECT_EQ(last.user_email, "officer@eerste.example");
  EXPECT_EQ(last.note, "Document toegevoegd: notulen.txt");
  ASSERT_EQ(last.changes.size(), 1u);
  EXPECT_EQ(last.changes[0].id, "breach.attachments");
  EXPECT_EQ(last.changes[0].old_value, model::Value(Strings{"Tijdlijn.pdf"}));
  EXPECT_EQ(last.changes[0].new_value, model::Value(Strings{"Tijdlijn.pdf", "notulen.txt"}));

  auto got = svc().attachments().get(officer_, breach_.id, added->attachment.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->content, kPdf);
}

TEST_P(AttachmentTest, RemovingIsARevisionAndTheLastOneClearsTheAnswer) {
  auto first = add("a.pdf", kPdf, 1);
  auto second = add("b.pdf", kPdf, 2);
  ASSERT_TRUE(first.ok() && second.ok());
  auto removed = svc().attachments().remove(officer_, breach_.id, first->attachment.id, 3);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(removed->version, 4);
  EXPECT_EQ(answer(), Strings{"b.pdf"});
  EXPECT_EQ(svc().attachments().get(officer_, breach_.id, first->attachment.id).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(svc().attachments().remove(officer_, breach_.id, second->attachment.id, 4).ok());
  EXPECT_TRUE(answer().empty());
  const auto history = svc().breaches().revisions(officer_, breach_.id).value();
  EXPECT_EQ(history.back().note, "Document verwijderd: b.pdf");
  EXPECT_EQ(history.back().changes[0].new_value, model::Value{});
  EXPECT_EQ(svc().attachments().remove(officer_, breach_.id, second->attachment.id, 5).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AttachmentTest, AStaleVersionWritesNothing) {
  ASSERT_TRUE(add("a.pdf", kPdf, 1).ok());
  auto stale = add("b.pdf", kPdf, 1);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(stored(), 1u);
  EXPECT_EQ(version(), 2);
  const auto id = svc().attachments().list(officer_, breach_.id)->front().id;
  EXPECT_EQ(svc().attachments().remove(officer_, breach_.id, id, 1).error().kind, ErrorKind::kConflict);
  EXPECT_EQ(stored(), 1u);
  EXPECT_EQ(answer(), Strings{"a.pdf"});
}

TEST_P(AttachmentTest, RefusedFilesAndAFullBreachWriteNothing) {
  EXPECT_EQ(add("leeg.pdf", "", 1).error().field, "file");
  EXPECT_EQ(add("virus.pdf", std::string("MZ\x90\0", 4), 1).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(add("groot.pdf", "%PDF-" + std::string(model::kMaxAttachmentBytes, 'x'), 1).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(stored(), 0u);
  EXPECT_EQ(version(), 1);

  ASSERT_TRUE(add("verslag.pdf", kPdf, 1).ok());
  auto twin = add("verslag.pdf", kPdf + "v2", 2);
  ASSERT_FALSE(twin.ok());
  EXPECT_NE(twin.error().message.find("al een document met de naam"), std::string::npos);
  EXPECT_EQ(version(), 2);

  const std::string nine_mib = "%PDF-" + std::string(9 * 1024 * 1024, 'x');
  std::int64_t v = 2;
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(add("deel" + std::to_string(i) + ".pdf", nine_mib, v++).ok());
  auto over = add("deel5.pdf", nine_mib, v);  // 45 MiB stored, 9 more would pass 50 MiB
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.error().message.find("50 MiB"), std::string::npos);
  EXPECT_EQ(stored(), 6u);
  EXPECT_EQ(version(), v);
}

TEST_P(AttachmentTest, ABreachHoldsAtMostTwentyDocuments) {
  std::int64_t v = 1;
  for (std::size_t i = 0; i < kMaxAttachmentsPerBreach; ++i) {
    ASSERT_TRUE(add("d" + std::to_string(i) + ".txt", "notitie", v++).ok());
  }
  auto more = add("een-te-veel.txt", "notitie", v);
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(stored(), kMaxAttachmentsPerBreach);
}

TEST_P(AttachmentTest, ReportersReadTheirOwnAndAuditorsReadButNeitherChanges) {
  auto added = add("verslag.pdf", kPdf, 1);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(svc().attachments().get(reporter_, breach_.id, added->attachment.id)->content, kPdf);
  EXPECT_EQ(svc().attachments().list(auditor_, breach_.id)->size(), 1u);
  EXPECT_EQ(svc().attachments().add(reporter_, breach_.id, {2, "x.pdf", kPdf}).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(svc().attachments().add(auditor_, breach_.id, {2, "x.pdf", kPdf}).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(svc().attachments().remove(auditor_, breach_.id, added->attachment.id, 2).error().kind,
            ErrorKind::kForbidden);

  const Actor other_reporter = add_user(org_, "collega@eerste.example", Role::kReporter);
  EXPECT_EQ(svc().attachments().get(other_reporter, breach_.id, added->attachment.id).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(svc().attachments().list(other_reporter, breach_.id).error().kind, ErrorKind::kNotFound);
  const Actor stranger = add_user(add_org("Tweede organisatie"), "fg@tweede.example", Role::kPrivacyOfficer);
  EXPECT_EQ(svc().attachments().get(stranger, breach_.id, added->attachment.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(svc().attachments().add(stranger, breach_.id, {2, "x.pdf", kPdf}).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(stored(), 1u);
}

TEST_P(AttachmentTest, NobodySetsTheAnswerByHand) {
  BreachUpdate update;
  update.expected_version = 1;
  update.changes["breach.attachments"] = Strings{"verzonnen.pdf"};
  auto edited = svc().breaches().update(officer_, breach_.id, update);
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().field, "breach.attachments");
  model::Answers answers;
  answers["breach.attachments"] = Strings{"verzonnen.pdf"};
  EXPECT_EQ(svc().breaches().create(officer_, "Nieuw", answers).error().field, "breach.attachments");
  EXPECT_EQ(version(), 1);
}

BD_SERVICE_SUITE(AttachmentTest);

}  // namespace
}  // namespace bd::service::testing
