// The contract every way of running the groups honours: given the tasks in the order to start
// them, train each trainable one exactly once and hand each result to `on_result` on the
// caller's thread, as it finishes. Executors differ only in where training happens (this
// thread, worker threads, worker processes, MPI ranks: their transports), never in what a result
// holds or in how tasks are handed out (dispatcher.hpp, shared by all).
#pragma once

#include <atomic>
#include <functional>
#include <vector>

#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

using ResultSink = std::function<void(GroupResult&&)>;
// Trains one task; must not throw (train_group returns failures as values).
// `stop` is passed on so a long training can end early when the run is interrupted.
using TrainFunction = std::function<GroupResult(const GroupTask&, const std::atomic<bool>& stop)>;

class Executor {
 public:
  virtual ~Executor() = default;
  // `order` lists indices into `tasks`, all trainable, in the order to start them. When `stop`
  // becomes true the executor starts no more tasks, abandons those in flight (they get no
  // result) and returns soon.
  virtual void run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
                   const ResultSink& on_result, const std::atomic<bool>& stop) = 0;
};

// Trains one task on the calling thread with `threads` model threads and measures its CPU
// seconds (base/team_cpu_clock.hpp). An exception escaping `train` becomes a failed result, so
// no executor ever loses a group.
GroupResult train_measured(const TrainFunction& train, const GroupTask& task, int threads,
                           const std::atomic<bool>& stop);

}  // namespace groupfit
