// A crash, an abort, a hang (with --group-timeout) and a runaway allocation (with
// --worker-memory-limit) in one group's worker each fail exactly that group; every other group
// is ok, the outputs are written, and the exit status is 3.
#include <gtest/gtest.h>

#include <map>

#include "cli/expect_group_status.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;

class ProcessFaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("faults");
    ASSERT_EQ(run_groupfit({"gen", "--rows", "3000", "--groups", "4", "--seed", "5", "--out",
                            (dir_ / "data.csv").string()},
                           dir_)
                  .status,
              0);
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  // Runs with GROUPFIT_TEST_FAULT=<fault>:Region-02 and returns group -> "status,message".
  static std::map<std::string, std::string> run_with_fault(const std::string& fault,
                                                           std::vector<std::string> extra,
                                                           ProgramResult& r) {
    const std::string out = (dir_ / fault).string();
    std::vector<std::string> args = {"train",      (dir_ / "data.csv").string(),
                                     "--group",    "Region",
                                     "--target",   "IBD",
                                     "--out",      out,
                                     "--param",    "iterations=20",
                                     "--min-rows", "5",
                                     "--executor", "processes",
                                     "--workers",  "2",
                                     "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    ::setenv("GROUPFIT_TEST_FAULT", (fault + ":Region-02").c_str(), 1);
    r = run_groupfit(args, dir_);
    ::unsetenv("GROUPFIT_TEST_FAULT");
    return status_by_group(out + "/metrics.csv");
  }

  static inline std::filesystem::path dir_;
};

TEST_F(ProcessFaults, CrashFailsOnlyItsGroupAfterARetry) {
  ProgramResult r;
  const auto status = run_with_fault("crash", {}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  expect_only_group_failed(status, 5u, "Region-02", "killed by SIGSEGV (twice)");
}

TEST_F(ProcessFaults, AbortFailsOnlyItsGroup) {
  ProgramResult r;
  const auto status = run_with_fault("abort", {}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  expect_only_group_failed(status, 5u, "Region-02", "killed by SIGABRT");
}

TEST_F(ProcessFaults, HangIsKilledByGroupTimeout) {
  ProgramResult r;
  const auto status = run_with_fault("hang", {"--group-timeout", "3"}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  expect_only_group_failed(status, 5u, "Region-02", "timed out after 3 s");
}

TEST_F(ProcessFaults, RunawayAllocationStopsAtMemoryLimit) {
  ProgramResult r;
  const auto status = run_with_fault("alloc", {"--worker-memory-limit", "1G"}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  expect_only_group_failed(status, 5u, "Region-02", "out of memory");
}

// A limit far too small for XGBoost makes it abort inside a worker ("terminate called without
// an active exception" on the worker's stderr): the groups fail, and the user's stderr stays
// free of it (here empty, with --quiet).
TEST_F(ProcessFaults, TinyMemoryLimitFailsGroupsQuietly) {
  ::unsetenv("GROUPFIT_WORKER_STDERR");  // the default: sanitizer runs set it
  ProgramResult r;
  const auto status = run_with_fault("none", {"--worker-memory-limit", "1"}, r);
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_EQ(r.err, "");
  std::size_t failed = 0;
  for (const auto& [group, s] : status) failed += s.substr(0, 7) == "failed," ? 1 : 0;
  EXPECT_GE(failed, 1u);
}

TEST_F(ProcessFaults, NoFaultMeansExitZero) {
  ProgramResult r;
  const auto status = run_with_fault("none", {}, r);
  EXPECT_EQ(r.status, 0) << r.err;
  for (const auto& [group, s] : status) EXPECT_NE(s.substr(0, 7), "failed,") << group;
}

}  // namespace
}  // namespace groupfit
