#include "model/breach.h"

#include <gtest/gtest.h>

namespace bd::model {
namespace {

TEST(Breach, StatusTokensRoundTrip) {
  for (auto s : {BreachStatus::kSuspected, BreachStatus::kAssessing, BreachStatus::kDecidedNotify,
                 BreachStatus::kDecidedRegisterOnly, BreachStatus::kNotified, BreachStatus::kSubjectsInformed,
                 BreachStatus::kClosed}) {
    auto back = status_from_token(to_token(s));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(to_token(BreachStatus::kDecidedNotify), "decided_notify");
  EXPECT_FALSE(status_from_token("Closed").has_value());
  EXPECT_FALSE(status_from_token("").has_value());
}

TEST(Breach, DiffAnswersListsChangedAddedAndRemovedIdsInOrder) {
  Answers before{{"a.x", true}, {"b.y", std::int64_t{3}}, {"c.z", std::string("same")}, {"d.w", Value{}}};
  Answers after{{"b.y", std::int64_t{4}}, {"c.z", std::string("same")}, {"e.v", std::vector<std::string>{"t"}}};
  auto changes = diff_answers(before, after);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].id, "a.x");
  EXPECT_EQ(changes[0].old_value, Value{true});
  EXPECT_TRUE(is_unknown(changes[0].new_value));
  EXPECT_EQ(changes[1].id, "b.y");
  EXPECT_EQ(changes[1].new_value, Value{std::int64_t{4}});
  EXPECT_EQ(changes[2].id, "e.v");
  EXPECT_TRUE(is_unknown(changes[2].old_value));
}

TEST(Breach, DiffOfEqualAnswersIsEmpty) {
  Answers a{{"x", true}};
  EXPECT_TRUE(diff_answers(a, a).empty());
  EXPECT_TRUE(diff_answers({}, {{"x", Value{}}}).empty());
}

}  // namespace
}  // namespace bd::model
