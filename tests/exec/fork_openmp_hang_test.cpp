// Why worker processes are exec'd fresh: a fork()ed child of a process that has already run an
// OpenMP region with several threads hangs the first time it runs one with several threads
// itself (GCC's libgomp keeps its thread pool's state across fork, but not the threads). This
// test shows it safely: the child is given a generous deadline — it would finish in
// milliseconds — and is killed after. The control shows the same child finishes with 1 thread.
// The hang is reported as an observation (a test property and a line of output), not asserted:
// the day libgomp is fixed, this test must not fail — groupfit's design (workers exec'd fresh)
// does not depend on the bug, only guards against it. What must hold is the control.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "base/split_mix.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

GroupResult train_small(int threads) {
  static FeatureMatrix matrix;
  static const std::vector<FeatureSpec> features = {{"x", false, {}}};
  if (matrix.rows == 0) {
    SplitMix64 rng(1);
    matrix.rows = 400;
    matrix.cols = 1;
    for (int r = 0; r < 400; ++r) {
      const float x = static_cast<float>(rng.next() % 1000);
      matrix.values.push_back(x);
      matrix.labels.push_back(x * 2);
    }
  }
  GroupTask task;
  task.key = {false, "g"};
  for (std::uint32_t r = 0; r < 400; ++r) (r % 5 ? task.train_rows : task.valid_rows).push_back(r);
  ModelParams params;
  params.rounds = 20;
  params.threads_per_model = threads;
  params.booster["min_child_weight"] = "1";
  return train_group(task, view_of(matrix, features), params);
}

// Forks; the child trains with `threads` and exits 0. True when the child finished in time.
bool forked_child_finishes(int threads, std::chrono::seconds deadline) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const GroupResult r = train_small(threads);
    ::_exit(r.status == GroupStatus::Ok ? 0 : 1);
  }
  const auto until = std::chrono::steady_clock::now() + deadline;
  int status = 0;
  while (std::chrono::steady_clock::now() < until) {
    if (::waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return false;
}

TEST(ForkOpenMp, ForkedChildAfterParentRanOpenMpWithTwoThreads) {
  ASSERT_EQ(train_small(2).status, GroupStatus::Ok);  // the parent runs OpenMP with 2 threads
  EXPECT_TRUE(forked_child_finishes(1, std::chrono::seconds(60)))
      << "control: a single-threaded child must finish";
  const bool finished = forked_child_finishes(2, std::chrono::seconds(20));
  RecordProperty("forked_child_with_two_threads", finished ? "finished" : "hung");
  std::printf("observation: a forked child training with 2 threads %s\n",
              finished ? "finished (libgomp no longer hangs after fork)"
                       : "hung, as libgomp's fork bug predicts (killed after 20 s)");
}

}  // namespace
}  // namespace groupfit
