#include <gtest/gtest.h>

#include <algorithm>

#include "storage/database.h"

namespace bd::storage {
namespace {

TEST(OpenDatabase, RefusesUnknownSchemes) {
  for (const char* url : {"mysql://x", "sqlite:", "", "file:/tmp/x.db"}) {
    auto db = open_database(url);
    ASSERT_FALSE(db.ok()) << url;
    EXPECT_EQ(db.error().kind, ErrorKind::kInvalidInput) << url;
  }
}

TEST(OpenDatabase, UnreachablePostgresIsUnavailableWithoutLeakingThePassword) {
  auto db = open_database("postgresql://bd:s3cret-pw@127.0.0.1:1/breachdesk?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(db.error().message.find("s3cret"), std::string::npos);
  EXPECT_EQ(db.error().detail.find("s3cret"), std::string::npos);
}

TEST(OpenDatabase, MalformedPostgresUrlIsInvalid) {
  auto db = open_database("postgresql://[::1");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().kind, ErrorKind::kInvalidInput);
}

TEST(Migrations, AreEmbeddedInOrder) {
  auto known = Database::known_migrations();
  ASSERT_GE(known.size(), 4u);
  EXPECT_EQ(known.front(), "0001_core");
  EXPECT_TRUE(std::is_sorted(known.begin(), known.end()));
}

}  // namespace
}  // namespace bd::storage
