// StringPool: codes in order of first appearance, stable across index growth and drop_index.
#include "table/string_pool.hpp"

#include <gtest/gtest.h>

namespace groupfit {
namespace {

TEST(StringPool, CodesInOrderOfFirstAppearance) {
  StringPool pool;
  EXPECT_EQ(pool.intern("b"), 0u);
  EXPECT_EQ(pool.intern("a"), 1u);
  EXPECT_EQ(pool.intern("b"), 0u);
  EXPECT_EQ(pool.intern(""), 2u);
  EXPECT_EQ(pool.size(), 3u);
  EXPECT_EQ(pool[1], "a");
  EXPECT_EQ(pool.to_vector(), (std::vector<std::string>{"b", "a", ""}));
}

TEST(StringPool, ManyStringsSurviveGrowthAndDroppedIndex) {
  StringPool pool;
  for (int i = 0; i < 100000; ++i)
    ASSERT_EQ(pool.intern("v" + std::to_string(i)), static_cast<std::uint32_t>(i));
  pool.drop_index();
  EXPECT_EQ(pool.intern("v99999"), 99999u);
  EXPECT_EQ(pool.intern("new"), 100000u);
  EXPECT_EQ(pool[12345], "v12345");
}

TEST(StringPool, ReserveKeepsCodes) {
  StringPool pool;
  pool.intern("x");
  pool.reserve(1000);
  EXPECT_EQ(pool.intern("x"), 0u);
  EXPECT_EQ(pool.intern("y"), 1u);
}

}  // namespace
}  // namespace groupfit
