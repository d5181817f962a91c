#include <gtest/gtest.h>

#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>

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

TEST(OpenDatabase, CreatesTheSqliteFileForItsOwnerOnly) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "bd-open-XXXXXX").string();
  std::string dir = mkdtemp(tmpl.data());
  std::string path = dir + "/nested/db.sqlite";
  {
    auto db = open_database("sqlite:" + path, DatabaseOptions{2, std::chrono::milliseconds(1000)});
    ASSERT_TRUE(db.ok()) << db.error().detail;
    ASSERT_TRUE(db.value()->migrate().ok());
    EXPECT_EQ(db.value()->dialect(), Dialect::kSqlite);
  }
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::filesystem::remove_all(dir);
}

TEST(Migrations, AreEmbeddedInOrder) {
  auto known = Database::known_migrations();
  ASSERT_GE(known.size(), 4u);
  EXPECT_EQ(known.front(), "0001_core");
  EXPECT_TRUE(std::is_sorted(known.begin(), known.end()));
}

}  // namespace
}  // namespace bd::storage
