// SequentialExecutor: see sequential_executor.hpp.
#include "exec/sequential_executor.hpp"

#include "base/run_clock.hpp"

namespace groupfit {

void SequentialExecutor::run(const std::vector<GroupTask>& tasks,
                             const std::vector<std::size_t>& order, const ResultSink& on_result,
                             const std::atomic<bool>& stop) {
  RunClock clock;
  for (std::size_t i : order) {
    if (stop) return;
    const double cpu_start = process_cpu_seconds();
    GroupResult result = train_and_time(train_, tasks[i], clock, 0, stop);
    if (result.interrupted) return;
    result.cpu_seconds = process_cpu_seconds() - cpu_start;
    on_result(std::move(result));
  }
}

}  // namespace groupfit
