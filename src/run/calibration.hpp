// Calibrates the planner at the start of an `--executor auto` run: trains 5 boosting rounds on
// samples of 16, 100, 1,000, 8,000 and 32,000 training rows (those the table has, each from the
// smallest group that has them; the two smallest also for 45 rounds), which gives what a training
// costs on this machine as a curve over rows — once per training and per round — and, only when
// some group is longer than its share of the work, how much a second thread speeds one model up
// (often little: the sample tells, not a guess).
//
// Why a curve: a round's cost is not proportional to rows. A round grows a tree, and with few
// rows the tree stays small and the features have few distinct values to bin; as rows grow the
// tree fills up to its 2^max_depth leaves and the bins to max_bin, and past that only the work
// per row (gradients, histograms, partitions) still grows. One sample of 4,000 rows divided by
// its rows gave every row a share of the full tree's cost: on a skewed 200,000-row table the
// expected makespan was 33.7 s for a run of 6.4 s. And a training of a few rounds is mostly its
// once-per-training part (matrices, quantile sketch, predictions, the model's JSON). Between
// samples the costs are interpolated in log-log; past the largest, in proportion to rows
// (extrapolating along the last two samples' slope put few-large's 250,000-row groups at 5-6 s,
// against 7.7-11 s measured: past the caches a round costs more per row, not less).
//
// Why one training per sample, timed round by round: an earlier version timed 2 and 6 rounds and
// took the difference as 4 rounds' cost. That took 0.4 s (5% of an 8 s run), and the difference
// of two noisy timings made the slope past 32,000 rows swing 3x between runs (few-large's
// expected makespan 4.6-13.3 s for runs of 14-22 s). The median of rounds 1-4 of one training is
// steadier, and the largest sample is timed beside the others on a second core.
//
// What it cannot know: how many rounds early stopping will let each group train. The expected
// costs assume every round; run.json then records the rounds each group trained.
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
  // Expected seconds of one training of `rows` rows and `rounds` rounds on one thread: what it
  // costs once, plus `rounds` times what a round costs.
  double seconds(double rows, int rounds) const;
  double once(double rows) const;
  double per_round(double rows) const;
  ThreadScaling scaling;  // {1.0} (no gain assumed) unless threads_timed
  bool threads_timed = false;
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
