// A run stopped half-way and resumed gives the same outputs as a run never interrupted, and
// trains none of the groups that had finished. Driven through the public API: the progress
// callback raises the stop flag after a few groups, as a SIGINT handler would.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/run_program.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "groupfit/tools.hpp"

namespace groupfit {
namespace {

using testing_support::fresh_dir;
using testing_support::read_file;

class Resume : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = fresh_dir("resume-" + GetParam());
    std::ofstream data(dir_ / "data.csv");
    GeneratorOptions gen;
    gen.rows = 6000;
    gen.groups = 8;
    gen.seed = 9;
    generate_table(data, gen);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  TrainConfig config(const std::string& out) const {
    TrainConfig c;
    c.read.input = (dir_ / "data.csv").string();
    c.columns.group_column = "Region";
    c.columns.target_column = "IBD";
    c.columns.id_column = "SamplingOperations_code";
    c.output.out_dir = (dir_ / out).string();
    c.split.min_rows = 10;
    c.model.rounds = 30;
    c.model.booster["eta"] = "0.3";
    c.exec.executor = *executor_kind_named(GetParam());
    c.exec.workers = 2;
    c.exec.worker_executable = GROUPFIT_BINARY;
    return c;
  }

  std::filesystem::path dir_;
};

TEST_P(Resume, InterruptedThenResumedEqualsUninterrupted) {
  const auto ignore = [](const std::string&) {};
  const TrainReport full = train(config("full"), ignore);
  ASSERT_FALSE(full.interrupted);
  const std::size_t trainable = full.ok + full.failed;
  ASSERT_GE(trainable, 6u);

  std::atomic<bool> stop{false};
  TrainConfig first = config("resumed");
  first.stop = &stop;
  const TrainReport partial = train(first, ignore, [&](const Progress& p) {
    if (p.done >= 3) stop = true;
  });
  EXPECT_TRUE(partial.interrupted);
  EXPECT_GE(partial.ok, 3u);
  EXPECT_LT(partial.ok, trainable);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "resumed" / "checkpoint.gfc"));

  TrainConfig second = config("resumed");
  second.output.resume = true;
  std::size_t trained_again = 0;
  const TrainReport rest =
      train(second, ignore, [&](const Progress& p) { trained_again = p.total; });
  EXPECT_FALSE(rest.interrupted);
  EXPECT_EQ(rest.resumed, partial.ok);
  EXPECT_EQ(trained_again, trainable - partial.ok) << "finished groups were trained again";
  EXPECT_FALSE(std::filesystem::exists(dir_ / "resumed" / "checkpoint.gfc"));

  EXPECT_EQ(testing_support::metrics_without_timing(dir_ / "resumed" / "metrics.csv"),
            testing_support::metrics_without_timing(dir_ / "full" / "metrics.csv"));
  EXPECT_EQ(read_file(dir_ / "resumed" / "predictions.csv"),
            read_file(dir_ / "full" / "predictions.csv"));
  for (const auto& e : std::filesystem::directory_iterator(dir_ / "full" / "models")) {
    EXPECT_EQ(read_file(dir_ / "resumed" / "models" / e.path().filename()), read_file(e.path()))
        << e.path().filename();
  }
}

// A crash or a full disk can leave a torn frame at the checkpoint's end; a resumed run must cut
// it off before appending, or everything it appends would be unreadable by the next --resume.
TEST_P(Resume, TornTailIsCutOffBeforeAppending) {
  const auto ignore = [](const std::string&) {};
  auto stop_after = [](std::atomic<bool>& stop, std::size_t n) {
    return [&stop, n](const Progress& p) {
      if (p.done >= n) stop = true;
    };
  };
  std::atomic<bool> stop1{false};
  TrainConfig first = config("torn");
  first.stop = &stop1;
  // Stop after one group each time, so that groups are left for both later runs however many
  // were in flight when the stop came.
  const TrainReport r1 = train(first, ignore, stop_after(stop1, 1));
  ASSERT_TRUE(r1.interrupted);
  std::ofstream(dir_ / "torn" / "checkpoint.gfc", std::ios::app | std::ios::binary) << "GFW1tor";

  std::atomic<bool> stop2{false};
  TrainConfig second = config("torn");
  second.output.resume = true;
  second.stop = &stop2;
  const TrainReport r2 = train(second, ignore, stop_after(stop2, 1));
  ASSERT_TRUE(r2.interrupted);
  ASSERT_GE(r2.ok, r1.ok + 1);

  TrainConfig third = config("torn");
  third.output.resume = true;
  const TrainReport r3 = train(third, ignore);
  EXPECT_FALSE(r3.interrupted);
  EXPECT_EQ(r3.resumed, r2.ok) << "the second run's checkpoint frames were lost";
}

// A tuned run stopped among its folds keeps the folds it finished: --resume trains only the
// rest, and the outputs (tuning.csv too) are the uninterrupted run's.
TEST_P(Resume, TuningResumesFromTheFoldsFinished) {
  const auto ignore = [](const std::string&) {};
  const auto tuned = [&](const std::string& out) {
    TrainConfig c = config(out);
    c.tuning.search = {"max_depth=2,3"};
    return c;
  };
  std::size_t all_folds = 0;
  const TrainReport full = train(tuned("full"), ignore, [&](const Progress& p) {
    if (p.tuning) all_folds = p.total;
  });
  ASSERT_FALSE(full.interrupted);
  ASSERT_GE(all_folds, 12u);

  std::atomic<bool> stop{false};
  TrainConfig first = tuned("resumed");
  first.stop = &stop;
  std::size_t folds_done = 0;
  const TrainReport partial = train(first, ignore, [&](const Progress& p) {
    if (p.tuning) folds_done = p.done;
    if (p.tuning && p.done >= 5) stop = true;
  });
  ASSERT_TRUE(partial.interrupted);
  EXPECT_EQ(partial.ok, 0u) << "groups trained after the stop";
  ASSERT_LT(folds_done, all_folds);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "resumed" / "checkpoint-folds.gfc"));

  TrainConfig second = tuned("resumed");
  second.output.resume = true;
  std::size_t folds_again = 0;
  const TrainReport rest = train(second, ignore, [&](const Progress& p) {
    if (p.tuning) folds_again = p.total;
  });
  EXPECT_FALSE(rest.interrupted);
  EXPECT_EQ(folds_again, all_folds - folds_done) << "finished folds were trained again";
  EXPECT_FALSE(std::filesystem::exists(dir_ / "resumed" / "checkpoint-folds.gfc"));
  EXPECT_EQ(read_file(dir_ / "resumed" / "tuning.csv"), read_file(dir_ / "full" / "tuning.csv"));
  EXPECT_EQ(testing_support::metrics_without_timing(dir_ / "resumed" / "metrics.csv"),
            testing_support::metrics_without_timing(dir_ / "full" / "metrics.csv"));
  EXPECT_EQ(read_file(dir_ / "resumed" / "predictions.csv"),
            read_file(dir_ / "full" / "predictions.csv"));
}

TEST_P(Resume, DifferentConfigurationIsRefused) {
  std::atomic<bool> stop{false};
  TrainConfig first = config("changed");
  first.stop = &stop;
  train(
      first, [](const std::string&) {}, [&](const Progress&) { stop = true; });
  TrainConfig second = config("changed");
  second.output.resume = true;
  second.model.rounds = 31;
  try {
    train(second, [](const std::string&) {});
    FAIL() << "resumed with another configuration";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot resume"), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Executors, Resume, ::testing::Values("sequential", "threads", "processes"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace groupfit
