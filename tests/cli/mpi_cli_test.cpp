// `groupfit train --executor mpi` under `mpirun -n 3` on this machine (one coordinator, two
// training ranks): the same bytes as the threads executor, a rank's death ends the job with
// the finished groups kept for --resume under mpirun, a coordinator that fails before
// dispatching releases the ranks instead of leaving them waiting, and outside mpirun the
// executor is refused with the launch line to use. Skipped where OpenMPI was not found at build
// time (GROUPFIT_MPIRUN empty).
#include <gtest/gtest.h>

#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

// `timeout` so that a regression that leaves ranks waiting fails the test instead of hanging it.
std::string mpirun(const std::string& env = "") {
  return "timeout 300 " + std::string(GROUPFIT_MPIRUN) + " -n 3 " + env + " ";
}

std::vector<std::string> train_args(const std::filesystem::path& dir, const std::string& executor,
                                    const std::string& out) {
  return {"train",      (dir / "data.csv").string(),
          "--group",    "Region",
          "--target",   "IBD",
          "--id",       "SamplingOperations_code",
          "--param",    "iterations=40",
          "--min-rows", "10",
          "--executor", executor,
          "--out",      (dir / out).string(),
          "--quiet"};
}

void expect_same_outputs(const std::filesystem::path& a, const std::filesystem::path& b) {
  EXPECT_EQ(metrics_without_timing(a / "metrics.csv"), metrics_without_timing(b / "metrics.csv"));
  EXPECT_EQ(read_file(a / "predictions.csv"), read_file(b / "predictions.csv"));
  EXPECT_EQ(folder_files(a / "models"), folder_files(b / "models"));
}

class MpiCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string(GROUPFIT_MPIRUN).empty()) GTEST_SKIP() << "built without OpenMPI";
    dir_ = fresh_dir("mpi-cli");
    // Skewed sizes, a group with a missing name, text categories and unlabeled rows.
    ASSERT_TRUE(generate_csv(dir_, 12000, 14, 5));
    const ProgramResult r = run_groupfit(train_args(dir_, "threads", "threads"), dir_);
    ASSERT_EQ(r.status, 0) << r.err;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(MpiCli, SameBytesAsTheThreadsExecutor) {
  const ProgramResult r =
      run_shell(mpirun() + groupfit_command(train_args(dir_, "mpi", "mpi")), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs(dir_ / "mpi", dir_ / "threads");
  EXPECT_NE(read_file(dir_ / "mpi" / "run.json").find("\"executor\": \"mpi\""), std::string::npos);
}

// Tuning runs two executor runs on the same ranks (the folds, then the groups): the ranks take
// the second setup, and the bytes are the threads executor's.
TEST_F(MpiCli, TuningGivesTheSameBytes) {
  const std::vector<std::string> search = {"--search", "max_depth=3,5", "--cv", "2"};
  auto threads = train_args(dir_, "threads", "tuned-threads");
  threads.insert(threads.end(), search.begin(), search.end());
  ASSERT_EQ(run_groupfit(threads, dir_).status, 0);
  auto mpi = train_args(dir_, "mpi", "tuned-mpi");
  mpi.insert(mpi.end(), search.begin(), search.end());
  const ProgramResult r = run_shell(mpirun() + groupfit_command(mpi), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs(dir_ / "tuned-mpi", dir_ / "tuned-threads");
  EXPECT_EQ(read_file(dir_ / "tuned-mpi" / "tuning.csv"),
            read_file(dir_ / "tuned-threads" / "tuning.csv"));
}

// --mpi-ranks-read: each rank builds the matrix from the file itself and gets row numbers only.
TEST_F(MpiCli, RanksReadingTheInputThemselvesGiveTheSameBytes) {
  auto args = train_args(dir_, "mpi", "mpi-read");
  args.push_back("--mpi-ranks-read");
  const ProgramResult r = run_shell(mpirun() + groupfit_command(args), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs(dir_ / "mpi-read", dir_ / "threads");
}

TEST_F(MpiCli, RanksReadingNeedsTheMpiExecutorAndAFile) {
  auto args = train_args(dir_, "threads", "threads-read");
  args.push_back("--mpi-ranks-read");
  ProgramResult r = run_groupfit(args, dir_);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--mpi-ranks-read needs --executor mpi"), std::string::npos) << r.err;
  args = train_args(dir_, "mpi", "stdin-read");
  args[1] = "-";
  args.push_back("--mpi-ranks-read");
  r = run_shell(
      mpirun() + groupfit_command(args) + " < " + shell_quote((dir_ / "data.csv").string()), dir_);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not standard input"), std::string::npos) << r.err;
}

TEST_F(MpiCli, RankDeathEndsTheJobAndResumeFinishesIt) {
  // The rank that reaches Region-04 crashes: mpirun ends the whole job.
  const std::string crash = "-x GROUPFIT_TEST_FAULT=crash:Region-04";
  ProgramResult r =
      run_shell(mpirun(crash) + groupfit_command(train_args(dir_, "mpi", "mpi")), dir_);
  ASSERT_NE(r.status, 0) << "the job survived a dead rank";
  ASSERT_TRUE(std::filesystem::exists(dir_ / "mpi" / "checkpoint.gfc"))
      << "the finished groups were not kept: " << r.err;
  auto args = train_args(dir_, "mpi", "mpi");
  args.push_back("--resume");
  r = run_shell(mpirun() + groupfit_command(args), dir_);
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs(dir_ / "mpi", dir_ / "threads");
}

TEST_F(MpiCli, CoordinatorFailureReleasesTheRanks) {
  auto args = train_args(dir_, "mpi", "mpi");
  args[1] = (dir_ / "no-such-file.csv").string();
  const ProgramResult r = run_shell(mpirun() + groupfit_command(args), dir_);
  EXPECT_EQ(r.status, 2) << r.err;  // not timeout's 124: no rank was left waiting
  EXPECT_NE(r.err.find("no-such-file.csv"), std::string::npos) << r.err;
}

TEST_F(MpiCli, RefusedOutsideAnMpiLauncher) {
  const ProgramResult r = run_groupfit(train_args(dir_, "mpi", "mpi"), dir_);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("mpirun -n N"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "mpi" / "metrics.csv"));
}

}  // namespace
}  // namespace groupfit
