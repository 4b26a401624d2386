// Runs the groups one after another on the calling thread: the baseline every other executor
// must match byte for byte, and the simplest to debug.
#pragma once

#include <algorithm>

#include "exec/executor.hpp"

namespace groupfit {

class SequentialExecutor : public Executor {
 public:
  explicit SequentialExecutor(TrainFunction train, int default_threads = 1)
      : train_(std::move(train)), default_threads_(std::max(default_threads, 1)) {}
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override;

 private:
  TrainFunction train_;
  int default_threads_;
};

}  // namespace groupfit
