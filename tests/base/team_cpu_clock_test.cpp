// team_cpu_seconds counts the CPU time of every thread of the OpenMP team a training runs on,
// not just the calling thread's (which undercounted models with several threads).
#include "base/team_cpu_clock.hpp"

#include <gtest/gtest.h>

#include "base/run_clock.hpp"
#include "exec/team_spin.hpp"

namespace groupfit {
namespace {

TEST(TeamCpuClock, CountsEveryThreadOfTheTeam) {
  const double team_before = team_cpu_seconds(2);
  const double self_before = thread_cpu_seconds();
  spin_team(2, 0.2);
  const double team = team_cpu_seconds(2) - team_before;
  const double self = thread_cpu_seconds() - self_before;
  EXPECT_GE(team, 0.39) << "two threads spun 0.2 s of CPU each";
  EXPECT_LT(self, 0.3) << "the calling thread alone spun 0.2 s";
}

TEST(TeamCpuClock, OneThreadIsTheCallingThread) {
  const double before = team_cpu_seconds(1);
  spin_team(1, 0.1);
  EXPECT_GE(team_cpu_seconds(1) - before, 0.099);
}

}  // namespace
}  // namespace groupfit
