// The search space: parsed from flags and a file, turned into candidates in grid order, names
// mapped as --param maps them, bad values refused before anything trains.
#include "plan/search_space.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "groupfit/error.hpp"

namespace groupfit {
namespace {

TuningOptions search_of(std::vector<std::string> search) {
  TuningOptions t;
  t.search = std::move(search);
  return t;
}

TEST(SearchSpace, GridInOrderWithTheFirstDimensionSlowest) {
  const auto space = parse_search_space(search_of({"max_depth=4,6,8", "learning_rate=0.03,0.1"}));
  ASSERT_EQ(space.size(), 2u);
  const auto candidates = search_candidates(space, ModelParams(), 0, 0);
  ASSERT_EQ(candidates.size(), 6u);
  EXPECT_EQ(candidates[0].values, (std::vector<std::string>{"4", "0.03"}));
  EXPECT_EQ(candidates[1].values, (std::vector<std::string>{"4", "0.1"}));
  EXPECT_EQ(candidates[5].values, (std::vector<std::string>{"8", "0.1"}));
  // CatBoost's learning_rate is XGBoost's eta; the run's own values are not repeated.
  EXPECT_EQ(candidates[1].booster.at("eta"), "0.1");
  EXPECT_EQ(candidates[1].booster.at("max_depth"), "4");
  EXPECT_EQ(candidates[0].booster.count("eta"), 0u);  // 0.03 is the run's default
}

TEST(SearchSpace, CatBoostNamesAreMapped) {
  const auto candidates =
      search_candidates(parse_search_space(search_of({"l2_leaf_reg=1,3"})), ModelParams(), 0, 0);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].booster.at("lambda"), "1");
  EXPECT_EQ(candidates[1].booster.at("lambda"), "3");
}

TEST(SearchSpace, TrialsAreADeterministicSubsetInGridOrder) {
  const auto space = parse_search_space(search_of({"max_depth=2,3,4,5,6", "eta=0.1,0.2,0.3"}));
  const auto a = search_candidates(space, ModelParams(), 4, 7);
  const auto b = search_candidates(space, ModelParams(), 4, 7);
  const auto c = search_candidates(space, ModelParams(), 4, 8);
  ASSERT_EQ(a.size(), 4u);
  std::vector<std::vector<std::string>> va, vb, vc;
  for (const auto& x : a) va.push_back(x.values);
  for (const auto& x : b) vb.push_back(x.values);
  for (const auto& x : c) vc.push_back(x.values);
  EXPECT_EQ(va, vb);
  EXPECT_NE(va, vc);  // another seed, another draw
  EXPECT_EQ(std::set(va.begin(), va.end()).size(), 4u);
  EXPECT_TRUE(std::is_sorted(va.begin(), va.end(), [](const auto& x, const auto& y) {
    return std::stoi(x[0]) * 10 + static_cast<int>(std::stod(x[1]) * 10) <
           std::stoi(y[0]) * 10 + static_cast<int>(std::stod(y[1]) * 10);
  }));
  // More trials than the grid has: the whole grid.
  EXPECT_EQ(search_candidates(space, ModelParams(), 100, 7).size(), 15u);
}

TEST(SearchSpace, FileDimensionsFollowTheFlags) {
  const std::string path = ::testing::TempDir() + "space.json";
  std::ofstream(path) << R"({"max_depth": [3, 5], "subsample": [0.5, 1]})";
  TuningOptions t = search_of({"eta=0.1"});
  t.search_file = path;
  const auto space = parse_search_space(t);
  ASSERT_EQ(space.size(), 3u);
  EXPECT_EQ(space[0].name, "eta");
  EXPECT_EQ(space[1].name, "max_depth");
  EXPECT_EQ(space[1].values, (std::vector<std::string>{"3", "5"}));
  EXPECT_EQ(search_candidates(space, ModelParams(), 0, 0).size(), 4u);
}

TEST(SearchSpace, RefusesWhatCannotBeSearched) {
  const auto refused = [](std::vector<std::string> search) {
    try {
      search_candidates(parse_search_space(search_of(std::move(search))), ModelParams(), 0, 0);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(refused({"max_depth"}).find("name=value"), std::string::npos);
  EXPECT_NE(refused({"max_depth=4,,6"}).find("empty"), std::string::npos);
  EXPECT_NE(refused({"max_depth=4,4"}).find("repeated"), std::string::npos);
  EXPECT_NE(refused({"max_depth=4", "max_depth=6"}).find("twice"), std::string::npos);
  EXPECT_NE(refused({"iterations=100,200"}).find("early stopping"), std::string::npos);
  EXPECT_NE(refused({"max_depth=4,deep"}).find("max_depth"), std::string::npos);
  EXPECT_NE(refused({"no_such_param=1,2"}).find("no_such_param"), std::string::npos);
  EXPECT_EQ(refused({"max_depth=4,6"}), "");
}

}  // namespace
}  // namespace groupfit
