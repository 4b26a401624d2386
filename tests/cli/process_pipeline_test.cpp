// Many tiny groups through worker processes, where each worker holds a pipeline of queued
// tasks: the outputs equal the sequential run's, and a crash or a hang in one group in the
// middle of a pipeline fails that group alone — the groups queued behind it are trained.
#include <gtest/gtest.h>

#include "cli/expect_group_status.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

constexpr std::size_t kGroups = 2000;  // and the missing group; enough to pipeline

class ProcessPipeline : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("pipeline");
    ASSERT_TRUE(generate_csv(dir_, 40000, static_cast<int>(kGroups), 8, 0));
    ASSERT_EQ(train("sequential", "seq", {}).status, 0);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  static ProgramResult train(const std::string& executor, const std::string& out,
                             std::vector<std::string> extra) {
    std::vector<std::string> args = {"train",      (dir_ / "data.csv").string(),
                                     "--group",    "Region",
                                     "--target",   "IBD",
                                     "--out",      (dir_ / out).string(),
                                     "--param",    "iterations=5",
                                     "--min-rows", "5",
                                     "--executor", executor,
                                     "--workers",  "2",
                                     "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_groupfit(args, dir_);
  }

  // Runs the processes executor with GROUPFIT_TEST_FAULT=<fault>:Region-1000.
  static std::map<std::string, std::string> run_with_fault(const std::string& fault,
                                                           std::vector<std::string> extra,
                                                           ProgramResult& r) {
    ::setenv("GROUPFIT_TEST_FAULT", (fault + ":Region-1000").c_str(), 1);
    r = train("processes", fault, std::move(extra));
    ::unsetenv("GROUPFIT_TEST_FAULT");
    return status_by_group(dir_ / fault / "metrics.csv");
  }

  static inline std::filesystem::path dir_;
};

TEST_F(ProcessPipeline, OutputsEqualTheSequentialRun) {
  const ProgramResult r = train("processes", "proc", {});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(metrics_without_timing(dir_ / "proc" / "metrics.csv"),
            metrics_without_timing(dir_ / "seq" / "metrics.csv"));
  EXPECT_EQ(read_file(dir_ / "proc" / "predictions.csv"),
            read_file(dir_ / "seq" / "predictions.csv"));
}

TEST_F(ProcessPipeline, CrashFailsOnlyItsGroupNotTheOnesQueuedBehindIt) {
  ProgramResult r;
  const auto status = run_with_fault("crash", {}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  expect_only_group_failed(status, kGroups + 1, "Region-1000", "killed by SIGSEGV (twice)");
}

TEST_F(ProcessPipeline, HangFailsOnlyItsGroupNotTheOnesQueuedBehindIt) {
  ProgramResult r;
  const auto status = run_with_fault("hang", {"--group-timeout", "3"}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  expect_only_group_failed(status, kGroups + 1, "Region-1000", "timed out after 3 s");
}

}  // namespace
}  // namespace groupfit
