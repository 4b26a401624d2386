// The one dispatcher behind every executor: it decides which task starts on which worker slot
// and when, over any transport (transport.hpp) — the calling thread, worker threads, worker
// processes or MPI ranks. Written once so that the executors cannot drift apart:
//   - start order: the tasks in the order given (the planner's: largest first);
//   - core budget: a task planned with T threads starts only when T cores are free, so the
//     model threads in flight never outnumber the cores;
//   - pipelining: a worker may hold several small queued tasks (at most kMaxInFlight, and no
//     more expected work than a small share of the run's), so it starts the next group the
//     moment it finishes one instead of idling for a round trip through the dispatcher — with
//     10,000 groups of 100 rows each trains in milliseconds. The share is small enough that
//     one worker's queue cannot unbalance the end of the run;
//   - retry: a task whose worker died is retried once on a fresh worker, then reported failed
//     with how the worker ended; the tasks queued behind it are handed out again, not counted
//     as attempts;
//   - timeouts: a task running past --group-timeout has its worker killed and is reported
//     failed, not retried (a hang usually repeats); only where the transport can kill;
//   - stamps: each result's worker (the slot), start and end on the run's clock as the
//     dispatcher saw them; its CPU seconds come from the worker (train/team_cpu_clock.hpp), the
//     same measure everywhere.
#pragma once

#include <atomic>
#include <vector>

#include "exec/executor.hpp"
#include "exec/transport.hpp"

namespace groupfit {

struct DispatchOptions {
  int default_threads = 1;           // threads of a task whose `threads` is 0
  int cores = 0;                     // model threads in flight at most; 0: slots x default
  double group_timeout_seconds = 0;  // 0: none
};

// Runs `order` (indices into `tasks`, all trainable) over `transport`, handing each result to
// `on_result` on the calling thread. A stop request starts no more tasks and abandons those in
// flight; an exception from `on_result` does the same, then propagates.
void dispatch(Transport& transport, const DispatchOptions& options,
              const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
              const ResultSink& on_result, const std::atomic<bool>& stop);

}  // namespace groupfit
