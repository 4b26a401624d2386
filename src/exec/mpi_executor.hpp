// Runs the groups on the ranks of an MPI job, from rank 0: the dispatcher (dispatcher.hpp) over
// an MpiTransport. By default every task carries its rows, so the training ranks need no input
// file (with --mpi-ranks-read they read it themselves and get row numbers);
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
  // `send_rows` false: the ranks built the same matrix from the input themselves and are sent
  // row numbers only (--mpi-ranks-read).
  MpiExecutor(const MatrixView& data, const ModelParams& params, bool send_rows = true)
      : data_(data), params_(params), send_rows_(send_rows) {}
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override;

 private:
  const MatrixView& data_;
  const ModelParams& params_;
  bool send_rows_;
};

}  // namespace groupfit
