// The planner behind `--executor auto`: from per-group cost estimates, the cores available and
// how one model's speed grows with its threads, choose how many threads each group trains with
// and in what order, aiming at the lowest makespan. A pure function, so it is tested on made-up
// cost lists (tests/plan/planner_test.cpp) and reused by the simulator of `groupfit bench`.
//
// The rule: every core busy with one single-threaded model at a time (many small models scale
// far better than one model with many threads), largest expected cost first, dynamically handed
// out; a group too big to finish within its share of the total work (total / cores) gets more
// threads, as many as lower the simulated makespan, because otherwise it alone decides when the
// run ends. Never more threads in flight than cores.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace groupfit {

// Speed of one model with T threads relative to 1 thread: speedup[T - 1]. Beyond the last
// entry the speed stays flat (more threads than measured never helps).
struct ThreadScaling {
  std::vector<double> speedup = {1.0};
  double at(int threads) const;
};

struct ScheduledTask {
  std::size_t task = 0;  // index into the cost list
  int threads = 1;
};

struct Schedule {
  std::vector<ScheduledTask> order;  // start order
  unsigned cores = 1;
  double makespan = 0;     // simulated, in the costs' unit
  double lower_bound = 0;  // max(total work / cores, longest group at its best thread count)
  std::string reason;      // one line for run.json and the user
};

// `costs[i]`: group i's expected time with one thread. `cores` >= 1.
Schedule make_schedule(const std::vector<double>& costs, unsigned cores,
                       const ThreadScaling& scaling);

// The makespan of running `order` on `cores` cores with dynamic hand-out in that order: a task
// starts as soon as the cores it needs are free and every task before it has started.
// `durations[i]` is task i's time at its planned thread count. `overhead` is added per task.
double simulate_makespan(const std::vector<ScheduledTask>& order,
                         const std::vector<double>& durations, unsigned cores, double overhead = 0);

// max(total single-thread work / cores, longest group at its best thread count).
double makespan_lower_bound(const std::vector<double>& costs, unsigned cores,
                            const ThreadScaling& scaling);

}  // namespace groupfit
