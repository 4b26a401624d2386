// Grouping: any column type, a missing value is its own group, groups sorted by key.
#include "plan/grouping.hpp"

#include <gtest/gtest.h>

#include "table_builder.hpp"

namespace groupfit {
namespace {

using testing_support::int_column;
using testing_support::string_column;

TEST(Grouping, MissingValueIsAGroupListedFirst) {
  const Column c = string_column("Region", {"b", std::nullopt, "a", "b", std::nullopt});
  const auto groups = group_rows(c);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_TRUE(groups[0].key.missing);
  EXPECT_EQ(groups[0].key.display(), "");
  EXPECT_EQ(groups[0].rows, (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(groups[1].key.text, "a");
  EXPECT_EQ(groups[1].rows, (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(groups[2].key.text, "b");
  EXPECT_EQ(groups[2].rows, (std::vector<std::uint32_t>{0, 3}));
}

TEST(Grouping, IntegersSortByValueNotText) {
  const Column c = int_column("store", {10, 9, std::nullopt, 100, 9});
  const auto groups = group_rows(c);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_TRUE(groups[0].key.missing);
  EXPECT_EQ(groups[1].key.text, "9");
  EXPECT_EQ(groups[1].rows, (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(groups[2].key.text, "10");
  EXPECT_EQ(groups[3].key.text, "100");
}

TEST(Grouping, KeyHashDistinguishesMissingFromText) {
  EXPECT_NE(hash_key({true, ""}), hash_key({false, ""}));
  EXPECT_NE(hash_key({false, "a"}), hash_key({false, "A"}));
  EXPECT_EQ(hash_key({false, "Region-01"}), hash_key({false, "Region-01"}));
}

}  // namespace
}  // namespace groupfit
