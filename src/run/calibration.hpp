// Calibrates the planner at the start of an `--executor auto` run: trains a few boosting rounds
// on a sample of the largest group with 1 and 2 threads, which gives the cost of one row-round
// on this machine and how much a second thread speeds one model up (often little: the sample
// tells, not a guess). Costs well under a second, a small share of any run worth planning.
#pragma once

#include <vector>

#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "plan/planner.hpp"

namespace groupfit {

struct Calibration {
  double seconds_per_row_round = 0;  // one thread
  ThreadScaling scaling;
  double seconds_spent = 0;
  std::size_t sample_rows = 0;
};

Calibration calibrate(const std::vector<GroupTask>& tasks, const MatrixView& data,
                      const ModelParams& params, unsigned cores);

// Expected single-thread seconds of each task: labeled rows x rounds x the calibrated cost.
std::vector<double> task_costs(const std::vector<GroupTask>& tasks,
                               const std::vector<std::size_t>& trainable, const ModelParams& params,
                               const Calibration& calibration);

}  // namespace groupfit
