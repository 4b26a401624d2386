// The cluster simulator (plan/cluster_simulation.hpp) against cases whose answer is known: with
// a free network it is the planner's own simulation; each of its bounds — the coordinator's work
// per result, its link, the largest group, a model never spanning nodes — shows when it should.
#include "plan/cluster_simulation.hpp"

#include <gtest/gtest.h>

namespace groupfit {
namespace {

ClusterShape free_network(unsigned nodes, unsigned cores) {
  ClusterShape s;
  s.nodes = nodes;
  s.cores_per_node = cores;
  s.latency_seconds = 0;
  s.result_seconds = 0;
  s.bytes_per_second = 1e300;
  return s;
}

TEST(ClusterSimulation, FreeNetworkOnOneNodeIsThePlannersMakespan) {
  const std::vector<double> costs = {9, 7, 5, 3, 3, 2, 1, 1};
  std::vector<ClusterTask> tasks;
  for (double c : costs) tasks.push_back({c, 0});
  const ThreadScaling flat;
  const ClusterRun run = simulate_cluster(tasks, free_network(1, 3), flat);
  EXPECT_DOUBLE_EQ(run.makespan_seconds, make_schedule(costs, 3, flat).makespan);
}

TEST(ClusterSimulation, CoordinatorWorkPerResultBoundsManyTinyGroups) {
  std::vector<ClusterTask> tasks(1000, ClusterTask{0.001, 0});
  ClusterShape s = free_network(64, 32);
  s.result_seconds = 0.001;
  const ClusterRun run = simulate_cluster(tasks, s, ThreadScaling{});
  EXPECT_GE(run.makespan_seconds, 1.0);  // 1,000 results handled one at a time
  EXPECT_LT(run.lower_bound_seconds, 0.01);
}

TEST(ClusterSimulation, TheLinkBoundsGroupsWithHeavyRows) {
  std::vector<ClusterTask> tasks(100, ClusterTask{0.001, 1e6});
  ClusterShape s = free_network(16, 8);
  s.bytes_per_second = 1e7;  // 0.1 s per task's rows, sent one after another
  const ClusterRun run = simulate_cluster(tasks, s, ThreadScaling{});
  EXPECT_NEAR(run.link_busy_seconds, 10.0, 1e-9);
  EXPECT_GE(run.makespan_seconds, 10.0);
}

TEST(ClusterSimulation, AModelNeverSpansNodes) {
  // One huge group and perfect scaling to 64 threads: on nodes of 8 cores it gets 8.
  ThreadScaling perfect;
  perfect.speedup.clear();
  for (int t = 1; t <= 64; ++t) perfect.speedup.push_back(t);
  const ClusterRun run = simulate_cluster({{800, 0}}, free_network(8, 8), perfect);
  EXPECT_DOUBLE_EQ(run.longest_task_seconds, 100.0);
  EXPECT_DOUBLE_EQ(run.makespan_seconds, 100.0);
}

}  // namespace
}  // namespace groupfit
