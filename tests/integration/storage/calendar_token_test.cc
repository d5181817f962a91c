#include <gtest/gtest.h>

#include "storage/account_repositories.h"
#include "storage/calendar_tokens.h"
#include "test_db.h"

namespace bd::storage::testing {
namespace {

class CalendarTokenTest : public StorageTest {};

TEST_P(CalendarTokenTest, OneReplaceableTokenPerUser) {
  auto org = db().organisations().create({"", "Org", "", OrganisationKind::kController, at(1)}).value();
  auto user = db().users().create({"", org.id, "cal@example.nl", "Cal", "privacy_officer", "", "nl", false, at(1)});
  ASSERT_TRUE(user.ok());
  CalendarTokenRepository tokens(db());
  ASSERT_TRUE(tokens.put({user->id, "hash-1", at(10)}).ok());
  EXPECT_EQ(tokens.find_by_hash("hash-1").value().user_id, user->id);
  ASSERT_TRUE(tokens.put({user->id, "hash-2", at(20)}).ok());  // rotate
  EXPECT_EQ(tokens.find_by_hash("hash-1").error().kind, ErrorKind::kNotFound);
  auto current = tokens.find_by_user(user->id);
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->token_hash, "hash-2");
  EXPECT_EQ(current->created_at, at(20));
  EXPECT_EQ(tokens.put({"no-such-user", "hash-3", at(30)}).error().kind, ErrorKind::kConflict);
  ASSERT_TRUE(tokens.remove(user->id).ok());
  ASSERT_TRUE(tokens.remove(user->id).ok());
  EXPECT_EQ(tokens.find_by_user(user->id).error().kind, ErrorKind::kNotFound);
}

BD_STORAGE_SUITE(CalendarTokenTest);

}  // namespace
}  // namespace bd::storage::testing
