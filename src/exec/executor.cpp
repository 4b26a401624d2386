// train_measured: see executor.hpp.
#include "exec/executor.hpp"

#include "base/team_cpu_clock.hpp"

namespace groupfit {

GroupResult train_measured(const TrainFunction& train, const GroupTask& task, int threads,
                           const std::atomic<bool>& stop) {
  const int team = task.threads > 0 ? task.threads : threads;
  const double cpu_start = team_cpu_seconds(team);
  GroupResult result;
  try {
    result = train(task, stop);
  } catch (...) {
    result = failure_of_current_exception(task.index);
  }
  result.cpu_seconds = team_cpu_seconds(team) - cpu_start;
  return result;
}

}  // namespace groupfit
