// ThreadExecutor: see thread_executor.hpp.
#include "exec/thread_executor.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "base/run_clock.hpp"
#include "exec/core_budget.hpp"

namespace groupfit {

void ThreadExecutor::run(const std::vector<GroupTask>& tasks, const std::vector<std::size_t>& order,
                         const ResultSink& on_result, const std::atomic<bool>& stop) {
  RunClock clock;
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<GroupResult> finished;
  unsigned exited = 0;
  const int budget_cores = cores_ > 0 ? cores_ : static_cast<int>(workers_) * default_threads_;
  CoreBudget budget(budget_cores);

  std::atomic<bool> sink_failed{false};  // no new group starts once results cannot be kept

  auto work = [&](int worker) {
    for (std::size_t k = next++; k < order.size() && !stop && !sink_failed; k = next++) {
      const GroupTask& task = tasks[order[k]];
      const int need = task.threads > 0 ? task.threads : default_threads_;
      budget.acquire(need);
      GroupResult result = train_and_time(train_, task, clock, worker, stop);
      budget.release(need);
      {
        std::lock_guard lock(mutex);
        finished.push_back(std::move(result));
      }
      ready.notify_one();
    }
    {
      std::lock_guard lock(mutex);
      ++exited;
    }
    ready.notify_one();
  };

  const unsigned n = std::min<std::size_t>(workers_, std::max<std::size_t>(order.size(), 1));
  std::vector<std::jthread> threads;
  for (unsigned w = 0; w < n; ++w) threads.emplace_back(work, static_cast<int>(w));
  // Deliver results until every worker has exited and the queue is drained.
  for (;;) {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return !finished.empty() || exited == n; });
    if (finished.empty()) break;
    GroupResult result = std::move(finished.front());
    finished.pop_front();
    lock.unlock();
    if (result.interrupted) continue;
    try {
      on_result(std::move(result));
    } catch (...) {
      sink_failed = true;  // the workers finish the group in hand, then the threads join
      throw;
    }
  }
}

}  // namespace groupfit
