// calibrate and task_costs: see calibration.hpp.
#include "run/calibration.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>

#include "base/run_clock.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

// Training rows of the samples timed: a round's cost against rows is a curve, not a line (below).
constexpr std::array<std::size_t, 5> kSampleTrainRows = {16, 100, 1000, 8000, 32000};
// Rounds of each timed training. Round 0 also configures the booster, so it belongs to what a
// training costs once; rounds 1-4 give the cost of a round (their median: one slow round, the
// kernel's or another process's, does not move it).
constexpr int kRounds = 5;

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

// Samples of at most this many training rows are also timed with kLongRounds: their rounds
// cost little, so what grows with the model after the rounds (slicing, predicting, writing the
// JSON of every tree) is a large part of a round's true cost, and only a longer training shows
// it. Chem97's 500 groups of 20-60 rows ran 1.5x the estimate without it. On larger samples
// that part is small against the round itself, and a second training would double the time.
constexpr std::size_t kTwoLengthsUpTo = 100;
constexpr int kLongRounds = 45;

double median_of(std::vector<double> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

struct SampleTiming {
  double total = 0;      // the whole training: once + kRounds rounds
  double per_round = 0;  // what one more round costs
};

SampleTiming time_sample(const GroupTask& sample, const MatrixView& data, ModelParams params,
                         int threads) {
  params.rounds = kRounds;
  params.early_stopping_rounds = kLongRounds + 1;
  params.threads_per_model = threads;
  TrainTiming timing;
  SampleTiming t;
  t.total = train_group(sample, data, params, nullptr, &timing).train_seconds;
  const std::vector<double>& rounds = timing.round_seconds;
  if (sample.train_rows.size() <= kTwoLengthsUpTo) {
    // Trainings of a few milliseconds: the median of three pairs, against the machine's jitter.
    std::vector<double> totals, per_rounds;
    for (int repeat = 0; repeat < 3; ++repeat) {
      params.rounds = kRounds;
      const double shorter = train_group(sample, data, params).train_seconds;
      params.rounds = kLongRounds;
      const double longer = train_group(sample, data, params).train_seconds;
      totals.push_back(shorter);
      per_rounds.push_back(std::max(longer - shorter, 0.0) / (kLongRounds - kRounds));
    }
    t.total = median_of(totals);
    t.per_round = median_of(per_rounds);
  } else if (rounds.size() >= 2) {
    // The median of rounds 1.., plus each tree's share of the work after the rounds (its JSON
    // above all: a 1,000-round model of full trees is tens of megabytes).
    t.per_round = median_of(std::vector<double>(rounds.begin() + 1, rounds.end())) +
                  timing.after_rounds_seconds / static_cast<double>(rounds.size());
  } else {
    t.per_round = t.total / kRounds;
  }
  return t;
}

// y at x on the curve through (xs, ys): below the first point its y, between points linear in
// log-log, past the last point in proportion to x — once the trees and the features' bins have
// filled up, only the work per row still grows, and past the caches it grows at least in
// proportion (few-large: 250,000-row groups cost 5-7x a round of the 40,000-row sample).
double cost_curve(const std::vector<double>& xs, const std::vector<double>& ys, double x) {
  if (xs.empty()) return 0;
  if (x <= xs.front()) return ys.front();
  if (x >= xs.back()) return ys.back() * x / std::max(xs.back(), 1.0);
  std::size_t k = 1;
  while (k + 1 < xs.size() && x > xs[k]) ++k;
  const auto log_of = [](double v) { return std::log(std::max(v, 1e-12)); };
  const double slope = std::clamp(
      (log_of(ys[k]) - log_of(ys[k - 1])) / std::max(log_of(xs[k]) - log_of(xs[k - 1]), 1e-9), 0.0,
      1.0);
  return ys[k - 1] * std::exp(slope * (log_of(x) - log_of(xs[k - 1])));
}

}  // namespace

double Calibration::once(double rows) const {
  return cost_curve(rows_at, once_seconds, rows);
}
double Calibration::per_round(double rows) const {
  return cost_curve(rows_at, round_seconds, rows);
}
double Calibration::seconds(double rows, int rounds) const {
  return once(rows) + rounds * per_round(rows);
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
  std::vector<GroupTask> samples;
  for (std::size_t train_rows : kSampleTrainRows) {
    // Each sample comes from the smallest group that has its rows: a group of 20 rows trains
    // differently from the first 20 rows of a large one (Chem97's schools: 1.5x the rounds'
    // cost), and the largest group's rows stand for sizes only it reaches.
    const GroupTask* source = largest;
    for (const auto& t : tasks) {
      if (t.trainable() && t.train_rows.size() >= train_rows &&
          t.train_rows.size() < source->train_rows.size()) {
        source = &t;
      }
    }
    GroupTask sample = sample_of(*source, train_rows);
    if (!samples.empty() && rows_of(sample) <= rows_of(samples.back())) break;  // group smaller
    samples.push_back(std::move(sample));
  }
  // Each thread's first training pays one-off start-up costs: a throwaway run on the smallest
  // sample. With two cores the largest sample, which costs about as much as all the others
  // together, is timed beside them: the calibration's wall time halves, and two trainings side
  // by side is what the run itself will do.
  const auto time_all = [&](std::size_t from, std::size_t to) {
    std::vector<SampleTiming> timings;
    time_sample(samples.front(), data, params, 1);
    for (std::size_t k = from; k < to; ++k)
      timings.push_back(time_sample(samples[k], data, params, 1));
    return timings;
  };
  std::vector<SampleTiming> timings;
  if (cores >= 2 && samples.size() >= 2) {
    auto last = std::async(std::launch::async, time_all, samples.size() - 1, samples.size());
    timings = time_all(0, samples.size() - 1);
    timings.push_back(last.get().front());
  } else {
    timings = time_all(0, samples.size());
  }
  for (std::size_t k = 0; k < samples.size(); ++k) {
    c.rows_at.push_back(rows_of(samples[k]));
    c.round_seconds.push_back(std::max(timings[k].per_round, 1e-9));
    c.once_seconds.push_back(std::max(timings[k].total - kRounds * timings[k].per_round, 1e-9));
  }
  c.sample_rows = samples.back().train_rows.size();
  c.scaling.speedup = {1.0};
  // More threads per model only pay for a group longer than its share of the work (the
  // planner gives every other group one thread), so only then is a second thread timed.
  double total = 0, longest = 0;
  for (const auto& t : tasks) {
    if (!t.trainable()) continue;
    const double cost = c.seconds(rows_of(t), params.rounds);
    total += cost;
    longest = std::max(longest, cost);
  }
  if (cores >= 2 && longest > total / cores) {
    const double two = time_sample(samples.back(), data, params, 2).total;
    const double speedup2 = std::clamp(timings.back().total / std::max(two, 1e-9), 1.0, 2.0);
    // Beyond 2 threads, assume the same gain for every doubling, as measured for the first one.
    c.scaling.speedup.clear();
    for (unsigned t = 1; t <= cores; ++t) {
      c.scaling.speedup.push_back(std::pow(speedup2, std::log2(static_cast<double>(t))));
    }
    c.threads_timed = true;
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
