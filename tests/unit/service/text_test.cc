#include "service/text.h"

#include <gtest/gtest.h>

namespace bd::service {
namespace {

TEST(Text, LowerCasesAsciiOnly) {
  EXPECT_EQ(to_lower_ascii("Fg@STMG.example"), "fg@stmg.example");
  EXPECT_EQ(to_lower_ascii("\xC3\x89"), "\xC3\x89");  // É unchanged
}

TEST(Text, Trims) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim(" \n "), "");
}

TEST(Text, RecognisesPlausibleEmailAddresses) {
  EXPECT_TRUE(looks_like_email("fg@stmg.example"));
  EXPECT_TRUE(looks_like_email("a.b+c@sub.example.nl"));
  EXPECT_FALSE(looks_like_email("fg@stmg"));
  EXPECT_FALSE(looks_like_email("@stmg.example"));
  EXPECT_FALSE(looks_like_email("a@b@c.nl"));
  EXPECT_FALSE(looks_like_email("a b@c.nl"));
  EXPECT_FALSE(looks_like_email("a@c.nl\r\nBcc: x@y.nl"));
  EXPECT_FALSE(looks_like_email("a@c."));
  EXPECT_FALSE(looks_like_email(std::string(250, 'a') + "@c.nl"));
}

TEST(Text, CountsCodePoints) {
  EXPECT_EQ(utf8_length("cliënt"), 6u);
  EXPECT_EQ(utf8_length(""), 0u);
}

TEST(Text, CleanTextIsValidUtf8WithoutControls) {
  EXPECT_TRUE(is_clean_text("Cliënten € ✓", false));
  EXPECT_FALSE(is_clean_text("regel\nregel", false));
  EXPECT_TRUE(is_clean_text("regel\nregel\ttab", true));
  EXPECT_FALSE(is_clean_text(std::string("nul\0byte", 8), true));
  EXPECT_FALSE(is_clean_text("\xC3", true));          // truncated sequence
  EXPECT_FALSE(is_clean_text("\xC0\xAF", true));      // overlong
  EXPECT_FALSE(is_clean_text("\xF5\x80\x80\x80", true));
  EXPECT_FALSE(is_clean_text("\x7F", true));
}

}  // namespace
}  // namespace bd::service
