// Nothing stale in --out: what a run killed with SIGKILL leaves (its lock file, its staged
// result with the models trained so far, its checkpoint) and what earlier groupfit versions
// staged is removed by the next run, which then leaves only the documented files.
#include <gtest/gtest.h>

#include <csignal>

#include "cli/out_dir_helpers.hpp"
#include "cli/out_folder.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

std::size_t files_under(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

TEST(StaleStaging, KilledRunIsCleanedUpByTheNext) {
  const auto dir = fresh_dir("stale-killed");
  ASSERT_TRUE(generate_csv(dir, 3000, 4, 5));
  const fs::path out = dir / "out";
  {
    // Hangs in Region-02 once the other groups are trained; killed there.
    BackgroundRun killed(train_args(dir, out), dir, {"GROUPFIT_TEST_FAULT=hang:Region-02"});
    while (checkpointed(out / "checkpoint.gfc") < 3) {
      ASSERT_TRUE(killed.running()) << killed.err();
      pause_briefly();
    }
    killed.signal(SIGKILL);
    EXPECT_EQ(killed.wait(), -1);
  }
  // What it left: its lock file (not the lock: that died with it), its staged models and the
  // checkpoint.
  const std::multiset<std::string> left = {".lock", ".result-N", "checkpoint.gfc"};
  ASSERT_EQ(top_level(out), left);
  EXPECT_GE(files_under(out), 4u);

  std::vector<std::string> args = train_args(dir, out);
  args.push_back("--resume");
  const ProgramResult resumed = run_groupfit(args, dir);
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  expect_only_documented_files(out, false);
  EXPECT_EQ(files_under(out / "models"), 4u + 2) << "four models, index.csv, schema.json";
  fs::remove_all(dir);
}

// Staging folders of earlier versions: ".outputs.tmp-<pid>", "models.tmp-<pid>" (with model
// files) and "models.old-<pid>". A file of the user's that only looks alike stays.
TEST(StaleStaging, EarlierVersionsStagingIsRemoved) {
  const auto dir = fresh_dir("stale-earlier");
  ASSERT_TRUE(generate_csv(dir, 3000, 4, 5));
  const fs::path out = dir / "out";
  fs::create_directories(out / ".outputs.tmp-4242");
  write_text(out / ".outputs.tmp-4242" / "metrics.csv", "group\n");
  fs::create_directories(out / "models.tmp-4242");
  write_text(out / "models.tmp-4242" / "a.0123456789abcdef.json", "{}");
  fs::create_directories(out / "models.old-4242");
  write_text(out / "notes.tmp-4242", "mine");
  const ProgramResult r = run_groupfit(train_args(dir, out), dir);
  EXPECT_EQ(r.status, 0) << r.err;
  std::multiset<std::string> expected = {".current", ".result-N",      "metrics.csv",
                                         "models",   "notes.tmp-4242", "predictions.csv",
                                         "run.json"};
  EXPECT_EQ(top_level(out), expected);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace groupfit
