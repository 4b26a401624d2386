// The auto plan on a cluster that is not here: N nodes of C cores, one coordinator that sends
// every task its rows over one link and handles every result in turn (checkpoint frame, model
// file), as --executor mpi does. Answers "how far does adding machines pay" for the README's
// table and `groupfit simulate`, from a cost model instead of a run: a pure function, tested on
// made-up workloads (tests/plan/cluster_simulation_test.cpp).
//
// What it models: the planner's order and threads (planner.hpp) with threads per model capped
// at a node's cores; a task starts on any node with enough free cores once every task before
// it has started; its rows go over the coordinator's link, which sends one task at a time
// (latency + bytes / bandwidth), and the task holds its cores from the start of the transfer
// (pessimistic: pipelining hides part of it); the coordinator handles results one at a time,
// and the run ends when the last result is handled.
#pragma once

#include <cstddef>
#include <vector>

#include "plan/planner.hpp"

namespace groupfit {

struct ClusterShape {
  unsigned nodes = 1;
  unsigned cores_per_node = 1;
  double latency_seconds = 50e-6;    // per task sent
  double bytes_per_second = 1.25e9;  // the coordinator's link (10 Gbit/s)
  double result_seconds = 0.2e-3;    // the coordinator's own work per result
};

struct ClusterTask {
  double seconds = 0;  // training time on one thread
  double bytes = 0;    // its rows, as sent
};

struct ClusterRun {
  double makespan_seconds = 0;
  double lower_bound_seconds = 0;  // max(work / all cores, the longest task at its best)
  double link_busy_seconds = 0;
  double coordinator_busy_seconds = 0;
  double longest_task_seconds = 0;  // at its planned threads
};

ClusterRun simulate_cluster(const std::vector<ClusterTask>& tasks, const ClusterShape& shape,
                            const ThreadScaling& scaling);

}  // namespace groupfit
