// One run per --out: while a run trains, a second `train` (with or without --resume) on the same
// folder exits 2 at once, naming the folder and the first run's pid, and leaves the first run's
// checkpoint alone; once the first run has ended, the folder is free again.
#include <gtest/gtest.h>

#include <csignal>

#include "cli/out_dir_helpers.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

TEST(OutLock, SecondRunOnTheSameOutExitsTwoAtOnce) {
  const auto dir = fresh_dir("out-lock");
  ASSERT_TRUE(generate_csv(dir, 3000, 4, 5));
  const fs::path out = dir / "out";
  // The first run hangs in Region-02 (no --group-timeout) until it is interrupted, after its
  // three other groups are in the checkpoint.
  BackgroundRun first(train_args(dir, out), dir, {"GROUPFIT_TEST_FAULT=hang:Region-02"});
  ASSERT_GT(first.pid(), 0);
  while (checkpointed(out / "checkpoint.gfc") < 3) {
    ASSERT_TRUE(first.running()) << first.err();
    pause_briefly();
  }

  for (const bool resume : {false, true}) {
    std::vector<std::string> args = train_args(dir, out);
    if (resume) args.push_back("--resume");
    const ProgramResult second = run_groupfit(args, dir);
    EXPECT_EQ(second.status, 2) << second.err;
    EXPECT_NE(second.err.find("'" + out.string() + "' is in use by another groupfit run (pid " +
                              std::to_string(first.pid()) + ")"),
              std::string::npos)
        << second.err;
    EXPECT_EQ(std::count(second.err.begin(), second.err.end(), '\n'), 1) << second.err;
  }
  EXPECT_EQ(checkpointed(out / "checkpoint.gfc"), 3u) << "the second run touched the checkpoint";
  EXPECT_TRUE(first.running());

  first.signal(SIGINT);
  EXPECT_EQ(first.wait(), 130) << first.err();
  // The folder is free again, and the first run's checkpoint resumes whole.
  std::vector<std::string> args = train_args(dir, out);
  args.pop_back();  // --workers 2
  args.pop_back();
  args.push_back("--resume");
  args.erase(std::find(args.begin(), args.end(), "--quiet"));
  const ProgramResult resumed = run_groupfit(args, dir);
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("3 groups taken from the checkpoint"), std::string::npos)
      << resumed.out;
  EXPECT_FALSE(fs::exists(out / ".lock")) << "the lock file outlived its run";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
