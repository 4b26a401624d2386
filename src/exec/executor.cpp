// train_and_time: see executor.hpp.
#include "exec/executor.hpp"

namespace groupfit {

GroupResult train_and_time(const TrainFunction& train, const GroupTask& task, const RunClock& clock,
                           int worker, const std::atomic<bool>& stop) {
  const double start = clock.seconds();
  const double cpu_start = thread_cpu_seconds();
  GroupResult result;
  try {
    result = train(task, stop);
  } catch (...) {
    result = failure_of_current_exception(task.index);
  }
  result.worker = worker;
  result.start_seconds = start;
  result.end_seconds = clock.seconds();
  result.cpu_seconds = thread_cpu_seconds() - cpu_start;
  return result;
}

}  // namespace groupfit
