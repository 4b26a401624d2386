// Runs the groups on the ranks of an MPI job, from rank 0: the dispatcher (dispatcher.hpp) over
// an MpiTransport. Every task carries its rows, so the training ranks need no input file;
// each trains one group at a time (plus the small ones pipelined behind it) with the threads
// per model it planned for its own node (mpi_worker.hpp).
#pragma once

#include <vector>

#include "exec/executor.hpp"
#include "groupfit/model_params.hpp"
#include "plan/feature_matrix.hpp"

namespace groupfit {

class MpiExecutor : public Executor {
 public:
  // `data` and `params` must outlive the executor.
  MpiExecutor(const MatrixView& data, const ModelParams& params) : data_(data), params_(params) {}
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override;

 private:
  const MatrixView& data_;
  const ModelParams& params_;
};

}  // namespace groupfit
