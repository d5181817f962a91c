#include "service/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace bd::service {
namespace {

TEST(Password, HashesWithArgon2idAndVerifies) {
  auto hash = hash_password("correct horse battery", crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
}

TEST(Password, NeedsRehashWhenTheCostChanges) {
  auto hash = hash_password("correct horse battery", crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(needs_rehash(*hash, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN));
  EXPECT_TRUE(needs_rehash(*hash, crypto_pwhash_OPSLIMIT_MIN + 1, crypto_pwhash_MEMLIMIT_MIN));
  EXPECT_TRUE(needs_rehash("", crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN));
}

TEST(Password, SamePasswordHashesDifferently) {
  auto a = hash_password("correct horse battery", crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  auto b = hash_password("correct horse battery", crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // salted
}

TEST(Password, RulesRequireTwelveCharacters) {
  EXPECT_FALSE(check_password_rules("short").ok());
  EXPECT_EQ(check_password_rules("elevenchars").error().field, "password");
  EXPECT_TRUE(check_password_rules("twelve chars").ok());
  // Code points, not bytes: eleven "é" are 22 bytes but only 11 characters.
  std::string accents;
  for (int i = 0; i < 11; ++i) accents += "\xC3\xA9";
  EXPECT_FALSE(check_password_rules(accents).ok());
  EXPECT_FALSE(check_password_rules(std::string(1025, 'a')).ok());
  EXPECT_FALSE(check_password_rules("Officer@Example.nl", "officer@example.nl").ok());
}

TEST(Password, GeneratedPasswordsPassTheRulesAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto p = generate_password();
    EXPECT_TRUE(check_password_rules(p).ok()) << p;
    EXPECT_EQ(p.find_first_of("0O1lI"), std::string::npos);
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(Tokens, AreBase64UrlOf32BytesAndHashStably) {
  auto t = random_token();
  EXPECT_EQ(t.size(), 43u);
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(t, random_token());
  EXPECT_EQ(token_hash(t), token_hash(t));
  EXPECT_EQ(token_hash(t).size(), 64u);
  EXPECT_NE(token_hash(t), token_hash(random_token()));
  EXPECT_EQ(token_hash("").size(), 64u);
}

TEST(Tokens, SecureEqualsComparesContent) {
  EXPECT_TRUE(secure_equals("abc", "abc"));
  EXPECT_FALSE(secure_equals("abc", "abd"));
  EXPECT_FALSE(secure_equals("abc", "abcd"));
  EXPECT_TRUE(secure_equals("", ""));
}

}  // namespace
}  // namespace bd::service
