// calibrate and task_costs: see calibration.hpp.
#include "run/calibration.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/run_clock.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

// Training rows of the samples timed: a round's cost against rows is a curve, not a line (below).
constexpr std::array<std::size_t, 4> kSampleTrainRows = {100, 1000, 8000, 32000};
// Each sample is timed for two round counts: the difference is what rounds cost, the rest what
// one training costs once (matrices, quantile sketch, predictions, the model's JSON).
constexpr int kShortRounds = 2;
constexpr int kLongRounds = 6;

GroupTask sample_of(const GroupTask& group, std::size_t train_rows) {
  GroupTask sample = group;
  sample.threads = 0;
  sample.unlabeled_rows.clear();
  sample.train_rows.resize(std::min(sample.train_rows.size(), train_rows));
  sample.valid_rows.resize(std::min(sample.valid_rows.size(), train_rows / 4 + 1));
  return sample;
}

double rows_of(const GroupTask& t) {
  return static_cast<double>(t.train_rows.size() + t.valid_rows.size());
}

double time_rounds(const GroupTask& sample, const MatrixView& data, ModelParams params, int rounds,
                   int threads) {
  params.rounds = rounds;
  params.early_stopping_rounds = rounds + 1;
  params.threads_per_model = threads;
  RunClock clock;
  train_group(sample, data, params);
  return clock.seconds();
}

// y at x on the curve through (xs, ys): below the first point its y, between points linear in
// log-log, past the last point linear along the last two points' slope (kept >= 0) — once the
// trees and the features' bins have filled up, only the work per row still grows, in proportion.
double cost_curve(const std::vector<double>& xs, const std::vector<double>& ys, double x) {
  if (xs.empty()) return 0;
  if (xs.size() == 1) return ys[0] * std::max(x, 1.0) / std::max(xs[0], 1.0);
  if (x <= xs.front()) return ys.front();
  if (x >= xs.back()) {
    const std::size_t n = xs.size();
    const double slope = std::max((ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2]), 0.0);
    return ys[n - 1] + slope * (x - xs[n - 1]);
  }
  std::size_t k = 1;
  while (k + 1 < xs.size() && x > xs[k]) ++k;
  const auto log_of = [](double v) { return std::log(std::max(v, 1e-12)); };
  const double slope = std::clamp(
      (log_of(ys[k]) - log_of(ys[k - 1])) / std::max(log_of(xs[k]) - log_of(xs[k - 1]), 1e-9), 0.0,
      1.0);
  return ys[k - 1] * std::exp(slope * (log_of(x) - log_of(xs[k - 1])));
}

}  // namespace

double Calibration::seconds(double rows, int rounds) const {
  return cost_curve(rows_at, once_seconds, rows) +
         rounds * cost_curve(rows_at, round_seconds, rows);
}

Calibration calibrate(const std::vector<GroupTask>& tasks, const MatrixView& data,
                      const ModelParams& params, unsigned cores) {
  Calibration c;
  const GroupTask* largest = nullptr;
  for (const auto& t : tasks) {
    if (t.trainable() && (!largest || t.train_rows.size() > largest->train_rows.size())) {
      largest = &t;
    }
  }
  if (!largest) return c;
  RunClock clock;
  // The first training pays one-off start-up costs: a throwaway run on the smallest sample.
  time_rounds(sample_of(*largest, kSampleTrainRows.front()), data, params, kShortRounds, 1);
  GroupTask sample;
  double one = 0;
  for (std::size_t train_rows : kSampleTrainRows) {
    sample = sample_of(*largest, train_rows);
    if (!c.rows_at.empty() && rows_of(sample) <= c.rows_at.back()) break;  // the group is smaller
    const double short_run = time_rounds(sample, data, params, kShortRounds, 1);
    one = time_rounds(sample, data, params, kLongRounds, 1);
    const double per_round = std::max(one - short_run, 1e-9) / (kLongRounds - kShortRounds);
    c.rows_at.push_back(rows_of(sample));
    c.round_seconds.push_back(per_round);
    c.once_seconds.push_back(std::max(short_run - kShortRounds * per_round, 1e-9));
  }
  c.sample_rows = sample.train_rows.size();
  double speedup2 = 1.0;
  if (cores >= 2) {
    speedup2 = one / std::max(time_rounds(sample, data, params, kLongRounds, 2), 1e-9);
  }
  speedup2 = std::clamp(speedup2, 1.0, 2.0);
  // Beyond 2 threads, assume the same gain for every doubling, as measured for the first one.
  c.scaling.speedup.clear();
  for (unsigned t = 1; t <= cores; ++t) {
    c.scaling.speedup.push_back(std::pow(speedup2, std::log2(static_cast<double>(t))));
  }
  c.seconds_spent = clock.seconds();
  return c;
}

std::vector<double> task_costs(const std::vector<GroupTask>& tasks,
                               const std::vector<std::size_t>& trainable, const ModelParams& params,
                               const Calibration& calibration) {
  std::vector<double> costs;
  for (std::size_t i : trainable) {
    const double rows =
        static_cast<double>(tasks[i].train_rows.size() + tasks[i].valid_rows.size());
    costs.push_back(calibration.seconds(rows, params.rounds));
  }
  return costs;
}

}  // namespace groupfit
