// Where tasks run, seen from the dispatcher (dispatcher.hpp): a fixed set of worker slots, each
// a thread, a local process or an MPI rank, that accept tasks and give back one event per task.
// A transport moves tasks and results and reports deaths; it decides nothing. What to start,
// where, when and how often (start order, core budget, pipelining, retries, timeouts, clock and
// CPU stamps) is the dispatcher's, written once for every executor.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

struct TransportEvent {
  std::size_t slot = 0;
  // False: the slot's worker is gone (its stream ended, it sent garbage); every task sent to it
  // and not answered is lost, and `why` says how it ended ("worker killed by SIGSEGV").
  bool alive = true;
  GroupResult result;  // when alive: the answer to the oldest unanswered task sent to the slot
  std::string why;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual std::size_t slots() const = 0;
  // Starts the slot's worker, or a fresh one after its death.
  virtual void start(std::size_t slot) = 0;
  // Queues `task` on the slot's worker, which trains its tasks in the order sent. A send to a
  // dead worker is not an error: the death arrives as an event.
  virtual void send(std::size_t slot, const GroupTask& task) = 0;
  // Waits at most `seconds` for events and returns those that arrived, perhaps none.
  virtual std::vector<TransportEvent> wait(double seconds) = 0;
  // Whether kill() can end a worker in the middle of a task (a process can, a thread cannot).
  virtual bool can_kill() const = 0;
  // Ends the slot's worker at once and says how it ended; its unanswered tasks are lost.
  virtual std::string kill(std::size_t slot) = 0;
  // Ends this run's use of the workers. Threads and processes are told to finish and waited
  // for, their unanswered tasks abandoned; MPI ranks stay until the run releases them, and
  // what they still owe is collected and dropped (mpi_transport.hpp). Safe to call twice.
  virtual void close() = 0;
};

}  // namespace groupfit
