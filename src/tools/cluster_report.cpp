// simulate_clusters (groupfit/tools.hpp): the README's table of the auto plan on clusters of N
// nodes, from plan/cluster_simulation.hpp over a workload shaped like `groupfit gen`'s.
#include <fmt/format.h>

#include <cmath>

#include "groupfit/tools.hpp"
#include "plan/cluster_simulation.hpp"

namespace groupfit {
namespace {

// What bounds the run, read off the simulated times.
std::string limit_of(const ClusterRun& run, const ClusterShape& shape) {
  const double m = run.makespan_seconds;
  if (run.coordinator_busy_seconds > 0.5 * m) return "the coordinator's work per result";
  if (run.link_busy_seconds > 0.5 * m) return "the coordinator's link";
  if (run.longest_task_seconds > 0.9 * m) {
    return fmt::format("the largest group ({:.0f} s even on {} threads)", run.longest_task_seconds,
                       shape.cores_per_node);
  }
  return "the work itself (cores busy)";
}

}  // namespace

std::string simulate_clusters(const ClusterSimulationConfig& c) {
  std::vector<ClusterTask> tasks;
  double largest_rows = 0;
  for (double share : group_shares(c.groups, c.skew)) {
    const double rows = std::round(share * static_cast<double>(c.rows));
    if (rows < 1) continue;  // as in a generated table: a group with no row is no task
    largest_rows = std::max(largest_rows, rows);
    tasks.push_back({c.once_seconds + c.rounds * (c.round_seconds + rows * c.row_seconds),
                     rows * c.bytes_per_row});
  }
  ThreadScaling scaling;
  scaling.speedup.clear();
  for (unsigned t = 1; t <= c.cores_per_node; ++t) {
    scaling.speedup.push_back(std::pow(c.speedup_2_threads, std::log2(static_cast<double>(t))));
  }
  std::string md = fmt::format(
      "{} rows in {} groups with rows (skew {}), the largest {:.0f} rows; {} rounds; nodes of {} "
      "cores\n\n| nodes | cores | makespan s | lower bound s | efficiency | link busy | "
      "coordinator busy | bounded by |\n|---|---|---|---|---|---|---|---|\n",
      c.rows, tasks.size(), c.skew, largest_rows, c.rounds, c.cores_per_node);
  for (unsigned nodes : c.nodes) {
    ClusterShape shape;
    shape.nodes = nodes;
    shape.cores_per_node = c.cores_per_node;
    shape.latency_seconds = c.latency_seconds;
    shape.bytes_per_second = c.bytes_per_second;
    shape.result_seconds = c.result_seconds;
    const ClusterRun run = simulate_cluster(tasks, shape, scaling);
    md += fmt::format("| {} | {} | {:.1f} | {:.1f} | {:.0f}% | {:.1f} s | {:.1f} s | {} |\n", nodes,
                      nodes * c.cores_per_node, run.makespan_seconds, run.lower_bound_seconds,
                      100 * run.lower_bound_seconds / run.makespan_seconds, run.link_busy_seconds,
                      run.coordinator_busy_seconds, limit_of(run, shape));
  }
  return md;
}

}  // namespace groupfit
