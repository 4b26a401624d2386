// Worker threads of this process as a transport (transport.hpp): each slot is one thread with
// its own queue of tasks, all reading the one in-memory matrix through the training function.
// Results go back through one guarded list that the dispatcher waits on. A thread cannot be
// killed: a stop reaches a training through the stop flag it is given (it ends between
// boosting rounds), and closing lets each thread finish the task in hand.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "exec/executor.hpp"
#include "exec/transport.hpp"

namespace groupfit {

class ThreadTransport : public Transport {
 public:
  // `default_threads`: the model threads of a task whose `threads` is 0, for its CPU clock.
  ThreadTransport(TrainFunction train, unsigned workers, int default_threads,
                  const std::atomic<bool>& stop);
  ~ThreadTransport() override;

  std::size_t slots() const override { return slots_.size(); }
  void start(std::size_t slot) override;
  void send(std::size_t slot, const GroupTask& task) override;
  std::vector<TransportEvent> wait(double seconds) override;
  bool can_kill() const override { return false; }
  std::string kill(std::size_t slot) override;
  void close() override;

 private:
  struct Slot {
    std::deque<const GroupTask*> queue;
    std::condition_variable work;
    std::jthread thread;
  };
  void serve(std::size_t slot);

  TrainFunction train_;
  int default_threads_;
  const std::atomic<bool>& stop_;
  std::mutex mutex_;  // guards every slot's queue, events_ and closing_
  std::condition_variable arrived_;
  std::vector<TransportEvent> events_;
  bool closing_ = false;
  std::deque<Slot> slots_;  // a deque: a Slot's mutex-bound members never move
};

// Runs every task on the calling thread, inside wait(): the sequential executor's transport, the
// baseline every other one must match byte for byte.
class InlineTransport : public Transport {
 public:
  InlineTransport(TrainFunction train, int default_threads, const std::atomic<bool>& stop)
      : train_(std::move(train)), default_threads_(default_threads), stop_(stop) {}

  std::size_t slots() const override { return 1; }
  void start(std::size_t) override {}
  void send(std::size_t, const GroupTask& task) override { queue_.push_back(&task); }
  std::vector<TransportEvent> wait(double seconds) override;
  bool can_kill() const override { return false; }
  std::string kill(std::size_t slot) override;
  void close() override { queue_.clear(); }

 private:
  TrainFunction train_;
  int default_threads_;
  const std::atomic<bool>& stop_;
  std::deque<const GroupTask*> queue_;
};

}  // namespace groupfit
