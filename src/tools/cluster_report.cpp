// simulate_clusters (groupfit/tools.hpp): the README's table of the auto plan on clusters of N
// nodes, from plan/cluster_simulation.hpp over a workload shaped like `groupfit gen`'s. With
// --cv, the tuning stage runs first, as in a tuned run (run/tuning_run.hpp): every (group,
// candidate, fold) a task of the group's training rows, the folds as plan/cv_plan.hpp makes them;
// then the groups. The two stages follow each other, so their times add up.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "groupfit/tools.hpp"
#include "plan/cluster_simulation.hpp"
#include "plan/cv_plan.hpp"

namespace groupfit {
namespace {

// What bounds the run, read off the simulated times.
std::string limit_of(const ClusterRun& run, const ClusterShape& shape) {
  const double m = run.makespan_seconds;
  if (run.coordinator_busy_seconds > 0.5 * m) return "the coordinator's work per result";
  if (run.link_busy_seconds > 0.5 * m) return "the coordinator's link";
  if (run.longest_task_seconds > 0.9 * m) {
    return fmt::format("the largest tasks ({:.0f} s even on {} threads)", run.longest_task_seconds,
                       shape.cores_per_node);
  }
  return "the work itself (cores busy)";
}

// One stage after the other: their times add, and so do their longest tasks (what bounds them).
ClusterRun one_after_the_other(const ClusterRun& a, const ClusterRun& b) {
  return {a.makespan_seconds + b.makespan_seconds, a.lower_bound_seconds + b.lower_bound_seconds,
          a.link_busy_seconds + b.link_busy_seconds,
          a.coordinator_busy_seconds + b.coordinator_busy_seconds,
          a.longest_task_seconds + b.longest_task_seconds};
}

struct Workload {
  std::vector<ClusterTask> groups;
  std::vector<ClusterTask> folds;
  double largest_rows = 0;
};

Workload workload(const ClusterSimulationConfig& c) {
  Workload w;
  const auto training = [&](double rows) {
    return c.once_seconds + c.rounds * (c.round_seconds + rows * c.row_seconds);
  };
  for (double share : group_shares(c.groups, c.skew)) {
    const double rows = std::round(share * static_cast<double>(c.rows));
    if (rows < 1) continue;  // as in a generated table: a group with no row is no task
    w.largest_rows = std::max(w.largest_rows, rows);
    w.groups.push_back({training(rows), rows * c.bytes_per_row});
    // Each fold trains on the group's training rows but one fold, and scores that fold.
    const double train_rows = std::floor(rows * (1 - c.valid_fraction));
    const int k = std::min(c.cv, static_cast<int>(train_rows / kMinFoldRows));
    if (k < 2) continue;
    for (int i = 0; i < c.candidates * k; ++i) {
      w.folds.push_back({training(train_rows), train_rows * c.bytes_per_row});
    }
  }
  return w;
}

}  // namespace

std::string simulate_clusters(const ClusterSimulationConfig& c) {
  const Workload w = workload(c);
  ThreadScaling scaling;
  scaling.speedup.clear();
  for (unsigned t = 1; t <= c.cores_per_node; ++t) {
    scaling.speedup.push_back(std::pow(c.speedup_2_threads, std::log2(static_cast<double>(t))));
  }
  const bool tuned = c.cv > 0;
  std::string md = fmt::format(
      "{} rows in {} groups with rows (skew {}), the largest {:.0f} rows; {} rounds; nodes of {} "
      "cores{}\n\n| nodes | cores | makespan s |{} lower bound s | efficiency | link busy | "
      "coordinator busy | bounded by |\n|---|---|---|{}---|---|---|---|---|\n",
      c.rows, w.groups.size(), c.skew, w.largest_rows, c.rounds, c.cores_per_node,
      tuned ? fmt::format("; tuned: {} candidates x {} folds = {} fold tasks first", c.candidates,
                          c.cv, w.folds.size())
            : "",
      tuned ? " of it tuning s |" : "", tuned ? "---|" : "");
  for (unsigned nodes : c.nodes) {
    ClusterShape shape;
    shape.nodes = nodes;
    shape.cores_per_node = c.cores_per_node;
    shape.latency_seconds = c.latency_seconds;
    shape.bytes_per_second = c.bytes_per_second;
    shape.result_seconds = c.result_seconds;
    const ClusterRun groups = simulate_cluster(w.groups, shape, scaling);
    const ClusterRun folds =
        tuned && !w.folds.empty() ? simulate_cluster(w.folds, shape, scaling) : ClusterRun{};
    const ClusterRun run = one_after_the_other(folds, groups);
    md += fmt::format("| {} | {} | {:.1f} |{} {:.1f} | {:.0f}% | {:.1f} s | {:.1f} s | {} |\n",
                      nodes, nodes * c.cores_per_node, run.makespan_seconds,
                      tuned ? fmt::format(" {:.1f} |", folds.makespan_seconds) : "",
                      run.lower_bound_seconds, 100 * run.lower_bound_seconds / run.makespan_seconds,
                      run.link_busy_seconds, run.coordinator_busy_seconds, limit_of(run, shape));
  }
  return md;
}

}  // namespace groupfit
