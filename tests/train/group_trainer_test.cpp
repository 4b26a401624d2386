// Training one group: early stopping, predictions for unlabeled rows, failures as values, and
// the same bytes whatever the thread count.
#include "train/group_trainer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <thread>

#include "base/split_mix.hpp"

namespace groupfit {
namespace {

// y = 3*x0 + (category == 1 ? 5 : 0) + small noise; x1 categorical with 3 values.
struct SmallData {
  FeatureMatrix matrix;
  std::vector<FeatureSpec> features = {{"x0", false, {}}, {"kind", true, {"a", "b", "c"}}};
  GroupTask task;

  explicit SmallData(std::uint32_t n) {
    SplitMix64 rng(3);
    matrix.rows = n;
    matrix.cols = 2;
    for (std::uint32_t r = 0; r < n; ++r) {
      const float x0 = static_cast<float>(rng.next() % 1000) / 100.0f;
      const float kind = static_cast<float>(rng.next() % 3);
      matrix.values.push_back(x0);
      matrix.values.push_back(kind);
      const float noise = static_cast<float>(rng.next() % 100) / 1000.0f;
      matrix.labels.push_back(r % 10 == 0 ? std::nanf("") : 3 * x0 + (kind == 1 ? 5 : 0) + noise);
      if (r % 10 == 0) {
        task.unlabeled_rows.push_back(r);
      } else if (r % 5 == 1) {
        task.valid_rows.push_back(r);
      } else {
        task.train_rows.push_back(r);
      }
    }
    task.key = {false, "g"};
    task.rows = n;
  }
  MatrixView view() const { return view_of(matrix, features); }
};

ModelParams fast_params() {
  ModelParams p;
  p.rounds = 200;
  p.early_stopping_rounds = 10;
  p.booster["eta"] = "0.3";
  p.booster["min_child_weight"] = "1";
  return p;
}

TEST(GroupTrainer, TrainsAndPredictsUnlabeledRows) {
  const SmallData d(600);
  const GroupResult r = train_group(d.task, d.view(), fast_params());
  ASSERT_EQ(r.status, GroupStatus::Ok) << r.message;
  EXPECT_EQ(r.predictions.size(), d.task.unlabeled_rows.size());
  EXPECT_GT(r.scores.at(2), 0.95);  // r2
  EXPECT_LT(r.scores.at(0), 1.0);   // rmse
  EXPECT_GE(r.best_iteration, 0);
  EXPECT_NE(r.model_json.find("\"learner\""), std::string::npos);
  // The unlabeled rows' truth follows the same formula: predictions must be close to it.
  for (std::size_t k = 0; k < d.task.unlabeled_rows.size(); ++k) {
    const std::uint32_t row = d.task.unlabeled_rows[k];
    const float x0 = d.matrix.values[row * 2], kind = d.matrix.values[row * 2 + 1];
    EXPECT_NEAR(r.predictions[k], 3 * x0 + (kind == 1 ? 5 : 0), 1.5);
  }
}

TEST(GroupTrainer, EarlyStoppingKeepsBestIteration) {
  const SmallData d(300);
  ModelParams p = fast_params();
  p.rounds = 2000;
  p.booster["eta"] = "0.5";
  const GroupResult r = train_group(d.task, d.view(), p);
  ASSERT_EQ(r.status, GroupStatus::Ok) << r.message;
  EXPECT_LT(r.best_iteration, 1990);  // stopped early
  // The saved model holds exactly best_iteration + 1 trees.
  const std::string needle = "\"num_trees\":\"" + std::to_string(r.best_iteration + 1) + "\"";
  EXPECT_NE(r.model_json.find(needle), std::string::npos) << needle;
}

TEST(GroupTrainer, TimingCountsTheRoundsItRanAndTheWorkAfterThem) {
  const SmallData d(300);
  ModelParams p = fast_params();
  p.rounds = 2000;
  p.booster["eta"] = "0.5";
  TrainTiming timing;
  const GroupResult r = train_group(d.task, d.view(), p, nullptr, &timing);
  ASSERT_EQ(r.status, GroupStatus::Ok) << r.message;
  // Early stopping ends the training early_stopping_rounds after its best round.
  const int ran = rounds_trained(r, p.rounds, p.early_stopping_rounds);
  EXPECT_EQ(ran, r.best_iteration + p.early_stopping_rounds + 1);
  EXPECT_EQ(timing.round_seconds.size(), static_cast<std::size_t>(ran));
  EXPECT_GT(timing.after_rounds_seconds, 0);
  const double rounds_sum =
      std::accumulate(timing.round_seconds.begin(), timing.round_seconds.end(), 0.0);
  EXPECT_LE(rounds_sum + timing.after_rounds_seconds, r.train_seconds);
  // A training that ran out of rounds before early stopping trained all of them.
  p.rounds = 3;
  EXPECT_EQ(rounds_trained(train_group(d.task, d.view(), p), p.rounds, p.early_stopping_rounds), 3);
  GroupResult failed;
  EXPECT_EQ(rounds_trained(failed, p.rounds, p.early_stopping_rounds), 0);
}

TEST(GroupTrainer, SameBytesForOneOrTwoThreads) {
  const SmallData d(2000);
  ModelParams one = fast_params(), two = fast_params();
  one.threads_per_model = 1;
  two.threads_per_model = 2;
  const GroupResult a = train_group(d.task, d.view(), one);
  const GroupResult b = train_group(d.task, d.view(), two);
  ASSERT_EQ(a.status, GroupStatus::Ok);
  EXPECT_EQ(a.model_json, b.model_json);
  EXPECT_EQ(a.predictions, b.predictions);
  EXPECT_EQ(a.scores, b.scores);
}

TEST(GroupTrainer, SkippedTaskIsNotTrained) {
  SmallData d(50);
  d.task.skip_reason = "too small";
  const GroupResult r = train_group(d.task, d.view(), fast_params());
  EXPECT_EQ(r.status, GroupStatus::Skipped);
  EXPECT_EQ(r.message, "too small");
  EXPECT_TRUE(r.model_json.empty());
}

TEST(GroupTrainer, LibraryErrorBecomesFailedResult) {
  const SmallData d(100);
  ModelParams p = fast_params();
  p.booster["max_depth"] = "-3";
  const GroupResult r = train_group(d.task, d.view(), p);
  EXPECT_EQ(r.status, GroupStatus::Failed);
  EXPECT_FALSE(r.message.empty());
  // One line without XGBoost's timestamp, source path or stack trace, so identical runs write
  // identical metrics.csv files.
  EXPECT_EQ(r.message.find('\n'), std::string::npos) << r.message;
  EXPECT_EQ(r.message.find("Stack trace"), std::string::npos) << r.message;
  EXPECT_EQ(r.message.find(".cc:"), std::string::npos) << r.message;
  EXPECT_EQ(r.message.substr(0, 9), "XGBoost: ") << r.message;
  EXPECT_EQ(train_group(d.task, d.view(), p).message, r.message);
}

TEST(GroupTrainer, StartsFromTheGroupsConstantAndWarnsWhenItCannotSplit) {
  SmallData d(200);
  ModelParams p = fast_params();
  // Every feature the same: no split is possible, and the model is the training mean.
  for (float& v : d.matrix.values) v = 1.0f;
  const GroupResult r = train_group(d.task, d.view(), p);
  ASSERT_EQ(r.status, GroupStatus::Ok) << r.message;
  EXPECT_EQ(r.warning, kConstantModelWarning);
  double mean = 0;
  for (std::uint32_t row : d.task.train_rows) mean += d.matrix.labels[row];
  mean /= static_cast<double>(d.task.train_rows.size());
  ASSERT_FALSE(r.predictions.empty());
  for (float prediction : r.predictions) EXPECT_NEAR(prediction, mean, 1e-3 * mean);
}

TEST(GroupTrainer, UserBaseScoreIsKept) {
  SmallData d(200);
  for (float& v : d.matrix.values) v = 1.0f;
  ModelParams p = fast_params();
  p.booster["base_score"] = "0.5";
  p.rounds = 1;  // one round at eta 0.3 from 0.5 stays far from the mean
  const GroupResult r = train_group(d.task, d.view(), p);
  ASSERT_EQ(r.status, GroupStatus::Ok) << r.message;
  EXPECT_LT(r.predictions.at(0), 10.0f);
  EXPECT_NE(r.model_json.find("\"base_score\":\"5E-1\""), std::string::npos);
}

// XGBoost 1.7 names tweedie-nloglik@rho in a shared static string: models evaluating at once on
// threads corrupted the heap (train/metric_name_guard.hpp). Four threads, 400 evaluations each.
TEST(GroupTrainer, ParameterizedMetricOnManyThreadsAtOnce) {
  SmallData d(300);
  for (float& y : d.matrix.labels) y = std::isnan(y) ? y : std::fabs(y) + 1;
  ModelParams p = fast_params();
  p.rounds = 400;
  p.early_stopping_rounds = 400;
  p.booster["objective"] = "reg:tweedie";
  p.booster["eval_metric"] = "tweedie-nloglik@1.3";
  std::vector<GroupResult> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&] { r = train_group(d.task, d.view(), p); });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.status, GroupStatus::Ok) << r.message;
    EXPECT_EQ(r.model_json, results[0].model_json);
  }
}

}  // namespace
}  // namespace groupfit
