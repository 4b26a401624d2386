// Runs the groups on W worker threads of this process, all reading the one in-memory matrix:
// the dispatcher (dispatcher.hpp) over a ThreadTransport. A worker takes its next task as soon
// as it is free, so a long group never holds up the short ones queued behind it; training code
// never sees the executor.
#pragma once

#include <algorithm>

#include "exec/executor.hpp"

namespace groupfit {

class ThreadExecutor : public Executor {
 public:
  // At most `cores` threads of models run at once (a task needs task.threads, or
  // `default_threads` when 0); 0 cores: no limit beyond the workers.
  ThreadExecutor(TrainFunction train, unsigned workers, int default_threads = 1, int cores = 0)
      : train_(std::move(train)),
        workers_(workers == 0 ? 1 : workers),
        default_threads_(std::max(default_threads, 1)),
        cores_(cores) {}
  void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
           const ResultSink& on_result, const std::atomic<bool>& stop) override;

 private:
  TrainFunction train_;
  unsigned workers_;
  int default_threads_;
  int cores_;
};

}  // namespace groupfit
