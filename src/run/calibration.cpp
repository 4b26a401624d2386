// calibrate and task_costs: see calibration.hpp.
#include "run/calibration.hpp"

#include <algorithm>
#include <cmath>

#include "base/run_clock.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

constexpr std::size_t kSampleTrainRows = 4000;
constexpr std::size_t kSampleValidRows = 500;
constexpr int kRounds = 10;

double time_rounds(const GroupTask& sample, const MatrixView& data, ModelParams params,
                   int threads) {
  params.rounds = kRounds;
  params.early_stopping_rounds = kRounds + 1;
  params.threads_per_model = threads;
  RunClock clock;
  train_group(sample, data, params);
  return clock.seconds();
}

}  // namespace

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
  GroupTask sample = *largest;
  sample.threads = 0;
  sample.unlabeled_rows.clear();
  sample.train_rows.resize(std::min(sample.train_rows.size(), kSampleTrainRows));
  sample.valid_rows.resize(std::min(sample.valid_rows.size(), kSampleValidRows));
  c.sample_rows = sample.train_rows.size();
  // The first training pays one-off start-up costs; the best of two single-thread runs does not.
  const double one =
      std::min(time_rounds(sample, data, params, 1), time_rounds(sample, data, params, 1));
  double speedup2 = 1.0;
  if (cores >= 2) speedup2 = one / std::max(time_rounds(sample, data, params, 2), 1e-9);
  speedup2 = std::clamp(speedup2, 1.0, 2.0);
  // Beyond 2 threads, assume the same gain for every doubling, as measured for the first one.
  c.scaling.speedup.clear();
  for (unsigned t = 1; t <= cores; ++t) {
    c.scaling.speedup.push_back(std::pow(speedup2, std::log2(static_cast<double>(t))));
  }
  c.seconds_per_row_round =
      one / (static_cast<double>(std::max<std::size_t>(c.sample_rows, 1)) * kRounds);
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
    costs.push_back(rows * params.rounds * calibration.seconds_per_row_round);
  }
  return costs;
}

}  // namespace groupfit
