// The executor and its workers x threads-per-model change only the speed: metrics.csv (all but
// the timing column), predictions.csv and every model file are byte-identical to the
// sequential run's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

class ExecutorEquivalence : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("equivalence");
    ASSERT_EQ(run_groupfit({"gen", "--rows", "8000", "--groups", "6", "--seed", "11", "--out",
                            (dir_ / "data.csv").string()},
                           dir_)
                  .status,
              0);
    const ProgramResult r = train("sequential", 1, 1, "seq");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static ProgramResult train(const std::string& executor, int workers, int threads,
                             const std::string& out) {
    return run_groupfit({"train",
                         (dir_ / "data.csv").string(),
                         "--group",
                         "Region",
                         "--target",
                         "IBD",
                         "--id",
                         "SamplingOperations_code",
                         "--out",
                         (dir_ / out).string(),
                         "--param",
                         "iterations=40",
                         "--param",
                         "learning_rate=0.3",
                         "--min-rows",
                         "10",
                         "--executor",
                         executor,
                         "--workers",
                         std::to_string(workers),
                         "--threads-per-model",
                         std::to_string(threads),
                         "--quiet"},
                        dir_);
  }

  static void expect_same_as_sequential(const std::string& out) {
    EXPECT_EQ(metrics_without_timing(dir_ / out / "metrics.csv"),
              metrics_without_timing(dir_ / "seq" / "metrics.csv"));
    EXPECT_EQ(read_file(dir_ / out / "predictions.csv"),
              read_file(dir_ / "seq" / "predictions.csv"));
    EXPECT_EQ(folder_files(dir_ / out / "models"), folder_files(dir_ / "seq" / "models"));
  }

  static inline std::filesystem::path dir_;
};

TEST_F(ExecutorEquivalence, SequentialWithTwoThreads) {
  ASSERT_EQ(train("sequential", 1, 2, "seq-t2").status, 0);
  expect_same_as_sequential("seq-t2");
}

TEST_F(ExecutorEquivalence, ThreadsEveryWorkersAndThreadsPerModel) {
  for (int w : {1, 2, 4}) {
    for (int t : {1, 2}) {
      const std::string out = "threads-" + std::to_string(w) + "x" + std::to_string(t);
      const ProgramResult r = train("threads", w, t, out);
      ASSERT_EQ(r.status, 0) << r.err;
      SCOPED_TRACE(out);
      expect_same_as_sequential(out);
    }
  }
}

TEST_F(ExecutorEquivalence, ProcessesEveryWorkersAndThreadsPerModel) {
  for (int w : {1, 2, 4}) {
    for (int t : {1, 2}) {
      const std::string out = "processes-" + std::to_string(w) + "x" + std::to_string(t);
      const ProgramResult r = train("processes", w, t, out);
      ASSERT_EQ(r.status, 0) << r.err;
      SCOPED_TRACE(out);
      expect_same_as_sequential(out);
    }
  }
}

TEST_F(ExecutorEquivalence, AutoPlansAndMatches) {
  const ProgramResult r = train("auto", 2, 1, "auto");
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_as_sequential("auto");
  const nlohmann::json run = nlohmann::json::parse(read_file(dir_ / "auto" / "run.json"));
  const nlohmann::json& plan = run.at("plan");
  EXPECT_GT(plan.at("calibration").at("seconds").get<double>(), 0);
  // The plan is held against the run: every ok group says how many rounds it trained, and the
  // makespan is redone with them.
  for (const auto& g : run.at("groups")) {
    const int rounds = g.at("rounds_trained").get<int>();
    if (g.at("status") == "ok") {
      EXPECT_GE(rounds, 1);
      EXPECT_LE(rounds, 40);  // iterations=40
    } else {
      EXPECT_EQ(rounds, 0);
    }
  }
  EXPECT_GT(plan.at("expected_makespan_for_rounds_trained_seconds").get<double>(), 0);
  EXPECT_TRUE(plan.at("calibration").contains("threads_timed"));
}

TEST_F(ExecutorEquivalence, SanityTheComparisonCanFail) {
  // A different seed changes the splits: the comparison above must notice that.
  const ProgramResult r = run_groupfit(
      {"train", (dir_ / "data.csv").string(), "--group", "Region", "--target", "IBD", "--id",
       "SamplingOperations_code", "--out", (dir_ / "seed2").string(), "--param", "iterations=40",
       "--param", "learning_rate=0.3", "--min-rows", "10", "--seed", "2", "--quiet"},
      dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(metrics_without_timing(dir_ / "seed2" / "metrics.csv"),
            metrics_without_timing(dir_ / "seq" / "metrics.csv"));
}

}  // namespace
}  // namespace groupfit
