#include "base/result.h"

#include <gtest/gtest.h>

namespace bd {
namespace {

Result<int> parse_positive(int x) {
  if (x <= 0) return Error::invalid("x", "must be positive");
  return x;
}

Result<int> doubled(int x) {
  BD_ASSIGN_OR_RETURN(int v, parse_positive(x));
  return v * 2;
}

Status check(int x) {
  BD_TRY(parse_positive(x));
  return {};
}

TEST(Result, CarriesValueOrError) {
  auto ok = doubled(21);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 42);
  auto bad = doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(bad.error().field, "x");
}

TEST(Result, StatusPropagatesErrors) {
  EXPECT_TRUE(check(1).ok());
  EXPECT_EQ(check(0).error().message, "must be positive");
  EXPECT_EQ(to_string(ErrorKind::kConflict), "conflict");
}

}  // namespace
}  // namespace bd
