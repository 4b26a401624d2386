// ProcessExecutor: see process_executor.hpp. The shared matrix and the workers' setup are made
// here; everything else is the dispatcher over a ProcessTransport.
#include "exec/process_executor.hpp"

#include "exec/dispatcher.hpp"
#include "exec/process_transport.hpp"
#include "exec/shared_matrix.hpp"
#include "exec/wire_format.hpp"

namespace groupfit {

void ProcessExecutor::run(const std::vector<GroupTask>& tasks,
                          const std::vector<std::size_t>& order, const ResultSink& on_result,
                          const std::atomic<bool>& stop) {
  if (order.empty()) return;
  UniqueFd matrix = create_shared_matrix(matrix_);
  WorkerSetup setup{kWorkerMatrixFd,          matrix_.rows, matrix_.cols,
                    !matrix_.weights.empty(), features_,    params_};
  WorkerLaunch launch;
  launch.executable = options_.executable;
  launch.memory_limit_bytes = options_.memory_limit_bytes;
  if (options_.passive_wait) launch.extra_env.push_back("OMP_WAIT_POLICY=PASSIVE");
  ProcessTransport transport(options_.workers, std::move(launch), std::move(matrix),
                             encode_setup(setup));
  dispatch(transport,
           {.default_threads = options_.default_threads,
            .cores = options_.cores,
            .group_timeout_seconds = options_.group_timeout_seconds},
           tasks, order, on_result, stop);
}

}  // namespace groupfit
