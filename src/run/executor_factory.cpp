// make_executor: see executor_factory.hpp.
#include "run/executor_factory.hpp"

#include "exec/mpi_executor.hpp"
#include "exec/process_executor.hpp"
#include "exec/sequential_executor.hpp"
#include "exec/thread_executor.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {

std::unique_ptr<Executor> make_executor(const TrainConfig& config, const ExecutionPlan& plan,
                                        const FeatureMatrix& matrix, const MatrixView& data,
                                        unsigned cores) {
  if (plan.executor == ExecutorKind::Mpi) {
    return std::make_unique<MpiExecutor>(data, config.model, !config.exec.mpi_ranks_read);
  }
  if (plan.executor == ExecutorKind::Processes) {
    ProcessOptions options;
    options.workers = plan.workers;
    options.default_threads = plan.default_threads;
    options.cores = plan.cores;
    options.group_timeout_seconds = config.exec.group_timeout_seconds;
    options.memory_limit_bytes = config.exec.worker_memory_limit;
    options.executable = config.exec.worker_executable;
    // libgomp cannot see other processes' threads: without this, oversubscribed worker
    // processes spin against each other (docs/design.md).
    options.passive_wait = plan.workers * static_cast<unsigned>(plan.default_threads) > cores;
    return std::make_unique<ProcessExecutor>(
        matrix, std::vector<FeatureSpec>(data.features.begin(), data.features.end()), config.model,
        options);
  }
  TrainFunction train = [&data, &params = config.model](const GroupTask& task,
                                                        const std::atomic<bool>& stop) {
    return train_group(task, data, params, &stop);
  };
  if (plan.executor == ExecutorKind::Threads) {
    return std::make_unique<ThreadExecutor>(std::move(train), plan.workers, plan.default_threads,
                                            plan.cores);
  }
  return std::make_unique<SequentialExecutor>(std::move(train), plan.default_threads);
}

}  // namespace groupfit
