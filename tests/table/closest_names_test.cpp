// closest_names: the suggestions an error gives for a mistyped name.
#include "table/closest_names.hpp"

#include <gtest/gtest.h>

namespace groupfit {
namespace {

using Names = std::vector<std::string>;

TEST(ClosestNames, TypoFindsTheNearNames) {
  EXPECT_EQ(closest_names("Regoin", {"Region", "IBD", "Regions"}), (Names{"Region", "Regions"}));
}

TEST(ClosestNames, CaseIsIgnored) {
  EXPECT_EQ(closest_names("region", {"Regions", "REGION"}), (Names{"REGION", "Regions"}));
}

TEST(ClosestNames, ClosestFirstTiesInCandidateOrder) {
  // abcd 0, abcx 1, then abxy and abdc 2 each (a swap is two edits).
  EXPECT_EQ(closest_names("abcd", {"abxy", "abcx", "abdc", "abcd"}),
            (Names{"abcd", "abcx", "abxy"}));
}

TEST(ClosestNames, AtMostMaxCount) {
  const Names candidates = {"col1", "col2", "col3", "col4", "col5"};
  EXPECT_EQ(closest_names("col", candidates).size(), 3u);
  EXPECT_EQ(closest_names("col", candidates, 1), (Names{"col1"}));
}

TEST(ClosestNames, FarNamesAreLeftOut) {
  EXPECT_TRUE(closest_names("temperature", {"Region", "IBD"}).empty());
  EXPECT_TRUE(closest_names("x", {}).empty());
  // Two edits are allowed even for a short name; three are not.
  EXPECT_EQ(closest_names("ab", {"xy", "abc", "xyz"}), (Names{"abc", "xy"}));
}

}  // namespace
}  // namespace groupfit
