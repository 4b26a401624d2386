// Runs the groups one after another on the calling thread: the baseline every other executor
// must match byte for byte, and the simplest to debug.
#pragma once

#include "exec/executor.hpp"

namespace groupfit {

class SequentialExecutor : public Executor {
 public:
  explicit SequentialExecutor(TrainFunction train) : train_(std::move(train)) {}
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override;

 private:
  TrainFunction train_;
};

}  // namespace groupfit
