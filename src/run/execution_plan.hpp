// How a training run will execute: which executor, how many workers, how many threads each
// group gets and in what order. Either what the user asked for, or, with `--executor auto`,
// what the planner (plan/planner.hpp) chose from a calibration on this machine; in both cases
// recorded with its reason in run.json.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "plan/planner.hpp"
#include "run/calibration.hpp"
#include "train/group_result.hpp"

namespace groupfit {

struct ExecutionPlan {
  ExecutorKind executor = ExecutorKind::Sequential;  // never Auto
  unsigned workers = 1;
  int default_threads = 1;         // for tasks whose `threads` is 0
  int cores = 0;                   // at most this many model threads at once; 0: no limit
  std::vector<std::size_t> order;  // trainable task indices, in start order
  nlohmann::json record;           // for run.json
  // With auto, what each trainable task's planned cost was made of (single-thread seconds, by
  // task index) and the thread scaling, to hold the plan against the run; empty otherwise.
  std::vector<double> once_seconds;
  std::vector<double> round_seconds;
  ThreadScaling scaling;
  // With auto, the calibration itself: the tuning stage weighs its folds with it.
  std::optional<Calibration> calibration;
};

// The planner's schedule of tasks[indices[k]], whose single-thread cost is costs[k]: sets each
// task's threads and its cost (expected seconds at those threads: what the progress ETA and
// the dispatcher weigh). The schedule's order holds positions k. Groups and tuning folds alike.
Schedule schedule_tasks(std::vector<GroupTask>& tasks, const std::vector<std::size_t>& indices,
                        const std::vector<double>& costs, unsigned cores,
                        const ThreadScaling& scaling);

// Sets tasks[i].threads when auto planning chooses per-group threads.
ExecutionPlan plan_execution(const TrainConfig& config, std::vector<GroupTask>& tasks,
                             const MatrixView& data, unsigned cores);

// The plan's makespan again, with the rounds each group actually trained (early stopping) in
// place of every round: for run.json, to tell a wrong cost model apart from what no plan made
// before training can know. Nothing unless the plan was auto.
std::optional<double> makespan_for_rounds_trained(const ExecutionPlan& plan,
                                                  const std::vector<GroupTask>& tasks,
                                                  const std::vector<GroupResult>& results,
                                                  const ModelParams& params);

}  // namespace groupfit
