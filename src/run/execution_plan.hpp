// How a training run will execute: which executor, how many workers, how many threads each
// group gets and in what order. Either what the user asked for, or, with `--executor auto`,
// what the planner (plan/planner.hpp) chose from a calibration on this machine; in both cases
// recorded with its reason in run.json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"

namespace groupfit {

struct ExecutionPlan {
  ExecutorKind executor = ExecutorKind::Sequential;  // never Auto
  unsigned workers = 1;
  int default_threads = 1;         // for tasks whose `threads` is 0
  int cores = 0;                   // at most this many model threads at once; 0: no limit
  std::vector<std::size_t> order;  // trainable task indices, in start order
  nlohmann::json record;           // for run.json
};

// Sets tasks[i].threads when auto planning chooses per-group threads.
ExecutionPlan plan_execution(const TrainConfig& config, std::vector<GroupTask>& tasks,
                             const MatrixView& data, unsigned cores);

}  // namespace groupfit
