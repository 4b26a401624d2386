// Calibrates the planner at the start of an `--executor auto` run: trains a few boosting rounds
// on samples of 100, 1,000, 8,000 and 32,000 training rows of the largest group (those it has),
// each for 2 and for 6 rounds, which gives what a training costs on this machine as a curve over
// rows — once per training and per round — and with 2 threads how much a second thread speeds
// one model up (often little: the sample tells, not a guess).
//
// Why a curve: a round's cost is not proportional to rows. A round grows a tree, and with few
// rows the tree stays small and the features have few distinct values to bin; as rows grow the
// tree fills up to its 2^max_depth leaves and the bins to max_bin, and past that only the work
// per row (gradients, histograms, partitions) still grows. One sample of 4,000 rows divided by
// its rows gave every row a share of the full tree's cost: on a skewed 200,000-row table the
// expected makespan was 33.7 s for a run of 6.4 s. And a training of a few rounds is mostly its
// once-per-training part (matrices, quantile sketch, predictions, the model's JSON), which a
// per-round cost taken from 10 rounds spread over every round. Between samples the costs are
// interpolated in log-log; past the largest they grow linearly along the last two samples'
// slope. Costs 0.1-0.6 s: three times the single sample's, the price of estimates within about
// 2x instead of 6x (README, "Planning"); still to be made cheaper.
#pragma once

#include <vector>

#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "plan/planner.hpp"

namespace groupfit {

struct Calibration {
  // Measured at rows_at[k] rows (train + valid), one thread: one round, and what one training
  // costs once whatever its rounds.
  std::vector<double> rows_at;
  std::vector<double> round_seconds;
  std::vector<double> once_seconds;
  // Expected seconds of one training of `rows` rows and `rounds` rounds on one thread.
  double seconds(double rows, int rounds) const;
  ThreadScaling scaling;
  double seconds_spent = 0;
  std::size_t sample_rows = 0;
};

Calibration calibrate(const std::vector<GroupTask>& tasks, const MatrixView& data,
                      const ModelParams& params, unsigned cores);

// Expected single-thread seconds of each task: calibration.seconds(its labeled rows, rounds).
std::vector<double> task_costs(const std::vector<GroupTask>& tasks,
                               const std::vector<std::size_t>& trainable, const ModelParams& params,
                               const Calibration& calibration);

}  // namespace groupfit
