// The planner on made-up cost lists: its simulated makespan stays within 10% of the lower bound
// max(total work / cores, longest group at its best thread count).
#include "plan/planner.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "base/split_mix.hpp"

namespace groupfit {
namespace {

// Sub-linear scaling, as measured for one hist model: speed ~ T^0.9.
ThreadScaling power_scaling(double exponent, int max_threads) {
  ThreadScaling s;
  s.speedup.clear();
  for (int t = 1; t <= max_threads; ++t) s.speedup.push_back(std::pow(t, exponent));
  return s;
}

void expect_near_lower_bound(const std::vector<double>& costs, unsigned cores) {
  const ThreadScaling scaling = power_scaling(0.9, 64);
  const Schedule plan = make_schedule(costs, cores, scaling);
  ASSERT_EQ(plan.order.size(), costs.size());
  EXPECT_GE(plan.makespan, plan.lower_bound * 0.999);
  EXPECT_LE(plan.makespan, plan.lower_bound * 1.10)
      << "cores " << cores << ": makespan " << plan.makespan << " vs bound " << plan.lower_bound;
  int in_flight_max = 0;
  for (const auto& item : plan.order) in_flight_max = std::max(in_flight_max, item.threads);
  EXPECT_LE(in_flight_max, static_cast<int>(cores));
}

TEST(Planner, UniformGroups) {
  for (unsigned cores : {8u, 16u, 64u})
    expect_near_lower_bound(std::vector<double>(1000, 1.0), cores);
}

TEST(Planner, SkewedGroups) {
  std::vector<double> costs;
  for (int k = 1; k <= 2000; ++k) costs.push_back(1000.0 / std::pow(k, 1.1));
  for (unsigned cores : {8u, 16u, 64u}) expect_near_lower_bound(costs, cores);
}

TEST(Planner, OneGiantGroupGetsMoreThreads) {
  std::vector<double> costs(100, 1.0);
  costs.push_back(50.0);
  const Schedule plan = make_schedule(costs, 8, power_scaling(0.9, 8));
  EXPECT_EQ(plan.order.front().task, 100u) << "the giant starts first";
  EXPECT_GT(plan.order.front().threads, 1);
  EXPECT_LE(plan.makespan, plan.lower_bound * 1.10);
}

TEST(Planner, TenThousandTinyGroups) {
  SplitMix64 rng(4);
  std::vector<double> costs;
  for (int i = 0; i < 10000; ++i)
    costs.push_back(0.005 + static_cast<double>(rng.next() % 1000) * 1e-5);
  for (unsigned cores : {8u, 64u, 256u}) expect_near_lower_bound(costs, cores);
}

TEST(Planner, NoScalingMeansOneThreadEach) {
  ThreadScaling flat;  // {1.0}: more threads never help
  std::vector<double> costs = {100, 1, 1, 1};
  const Schedule plan = make_schedule(costs, 2, flat);
  for (const auto& item : plan.order) EXPECT_EQ(item.threads, 1);
  EXPECT_DOUBLE_EQ(plan.makespan, 100);
  EXPECT_DOUBLE_EQ(plan.lower_bound, 100);
}

TEST(Simulator, ListSchedulingByHand) {
  // 2 cores; tasks 4, 3, 2, 1 in that order: core A runs 4, core B runs 3 then 2 (ends at 5),
  // task 1 starts at 4 on core A and ends at 5.
  const std::vector<double> durations = {4, 3, 2, 1};
  const std::vector<ScheduledTask> order = {{0, 1}, {1, 1}, {2, 1}, {3, 1}};
  EXPECT_DOUBLE_EQ(simulate_makespan(order, durations, 2), 5.0);
  // A two-thread task waits for both cores.
  const std::vector<ScheduledTask> wide = {{0, 1}, {1, 2}};
  EXPECT_DOUBLE_EQ(simulate_makespan(wide, {4, 3}, 2), 7.0);
  // Overhead per task.
  EXPECT_DOUBLE_EQ(simulate_makespan(order, durations, 2, 0.5), 6.0);
}

TEST(Simulator, LowerBound) {
  EXPECT_DOUBLE_EQ(makespan_lower_bound({4, 4, 4, 4}, 2, power_scaling(1.0, 2)), 8.0);
  EXPECT_DOUBLE_EQ(makespan_lower_bound({10, 1}, 2, power_scaling(1.0, 2)), 5.5);
  EXPECT_DOUBLE_EQ(makespan_lower_bound({10, 1}, 2, ThreadScaling{}), 10.0);
}

}  // namespace
}  // namespace groupfit
