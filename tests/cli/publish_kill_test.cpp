// A run killed at any step of publishing its result leaves --out holding exactly the previous
// result or the new one — never a mix (new models beside old metrics) and never nothing. The
// test-only GROUPFIT_TEST_PUBLISH_KILL=N (src/report/output_stage.hpp) makes the run SIGKILL
// itself after the N-th change to --out; N goes up from 1 until the run completes. After each
// kill, the next run in the folder still ends with only the documented files.
#include <gtest/gtest.h>

#include "cli/out_folder.hpp"
#include "cli/run_program.hpp"

namespace groupfit {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

class PublishKill : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("publish-kill");
    ASSERT_TRUE(generate_csv(dir_, 2000, 4, 3));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static ProgramResult train(const fs::path& out, const std::string& iterations) {
    return run_groupfit({"train", (dir_ / "data.csv").string(), "--group", "Region", "--target",
                         "IBD", "--out", out.string(), "--param", "iterations=" + iterations,
                         "--executor", "sequential", "--quiet"},
                        dir_);
  }

  // Publishes a 7-round result into `out` (which holds `before`, or nothing) with a kill after
  // step 1, 2, ... and checks every time that --out shows `before` or the new result.
  static void kill_at_every_step(const fs::path& template_dir, const ResultView& before) {
    ASSERT_EQ(train(dir_ / "reference", "7").status, 0);
    const ResultView after = view_result(dir_ / "reference");
    ASSERT_NE(after, before);
    ASSERT_FALSE(after.models.empty());
    const fs::path out = dir_ / "out";
    int killed_before_swap = 0, killed_after_swap = 0;
    bool completed = false;
    for (int step = 1; step <= 40 && !completed; ++step) {
      fs::remove_all(out);
      if (fs::exists(template_dir)) {
        fs::copy(template_dir, out, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
      }
      ::setenv("GROUPFIT_TEST_PUBLISH_KILL", std::to_string(step).c_str(), 1);
      const ProgramResult r = train(out, "7");
      ::unsetenv("GROUPFIT_TEST_PUBLISH_KILL");
      const ResultView seen = view_result(out);
      if (r.status == 0) {
        completed = true;
        EXPECT_EQ(seen, after) << "completed at step " << step;
        expect_only_documented_files(out, false);
        break;
      }
      // The shell reports a child killed by SIGKILL as 128 + 9, or is replaced by it.
      ASSERT_TRUE(r.status == -1 || r.status == 137) << "step " << step << ": " << r.err;
      if (seen == before) {
        ++killed_before_swap;
      } else {
        EXPECT_EQ(seen, after) << "killed after step " << step << ": neither result";
        ++killed_after_swap;
      }
      // A later run removes what the killed one left and publishes normally.
      ASSERT_EQ(train(out, "7").status, 0) << "after a kill at step " << step;
      EXPECT_EQ(view_result(out), after);
      expect_only_documented_files(out, false);
    }
    EXPECT_TRUE(completed);
    EXPECT_GE(killed_before_swap, 1);
    EXPECT_GE(killed_after_swap, 1) << "no step between the swap and the end";
  }

  static inline fs::path dir_;
};

TEST_F(PublishKill, OverAPreviousResult) {
  ASSERT_EQ(train(dir_ / "previous", "3").status, 0);
  const ResultView before = view_result(dir_ / "previous");
  ASSERT_FALSE(before.models.empty());
  kill_at_every_step(dir_ / "previous", before);
}

TEST_F(PublishKill, IntoAnEmptyFolder) {
  kill_at_every_step(dir_ / "none", ResultView{});
}

}  // namespace
}  // namespace groupfit
