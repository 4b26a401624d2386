// Runs the groups in W worker processes (process_transport.hpp), which read the matrix from one
// shared memory file and receive tasks and send results as wire frames. The parent alone writes
// outputs. A worker that dies costs only its group: the group is retried once on a fresh
// worker, then reported failed with the signal's name; a worker stuck on one group past
// --group-timeout is killed and its group reported failed (not retried: a hang usually repeats).
// Those rules are the dispatcher's (dispatcher.hpp), shared with every executor.
#pragma once

#include <cstdint>
#include <string>

#include "exec/executor.hpp"
#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"

namespace groupfit {

struct ProcessOptions {
  unsigned workers = 1;
  int default_threads = 1;  // threads of a task whose `threads` is 0
  int cores = 0;            // at most this many model threads at once; 0: workers x default
  double group_timeout_seconds = 0;      // 0: none
  std::uint64_t memory_limit_bytes = 0;  // per worker, beyond the shared matrix; 0: none
  bool passive_wait = false;             // OMP_WAIT_POLICY=PASSIVE (when W x T > cores)
  std::string executable = "/proc/self/exe";
};

class ProcessExecutor : public Executor {
 public:
  // `matrix` and `params` must outlive the executor.
  ProcessExecutor(const FeatureMatrix& matrix, std::vector<FeatureSpec> features,
                  const ModelParams& params, ProcessOptions options)
      : matrix_(matrix),
        features_(std::move(features)),
        params_(params),
        options_(std::move(options)) {}
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override;

 private:
  const FeatureMatrix& matrix_;
  std::vector<FeatureSpec> features_;
  const ModelParams& params_;
  ProcessOptions options_;
};

}  // namespace groupfit
