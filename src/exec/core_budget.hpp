// Counts the cores that models in flight may use, so that a group planned with several threads
// starts only when that many cores are free: the planner's "never more threads in flight than
// cores", enforced. Thread-safe; used by the threads executor. (The processes executor keeps the
// same count inside its one poll loop, free_cores_; one dispatcher shared by every executor is
// issue 16's work.)
#pragma once

#include <condition_variable>
#include <mutex>

namespace groupfit {

class CoreBudget {
 public:
  explicit CoreBudget(int cores) : free_(cores), total_(cores) {}

  // Blocks until `n` cores are free (a request above the total waits for all of them).
  void acquire(int n) {
    n = std::min(n, total_);
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return free_ >= n; });
    free_ -= n;
  }
  bool try_acquire(int n) {
    n = std::min(n, total_);
    std::lock_guard lock(mutex_);
    if (free_ < n) return false;
    free_ -= n;
    return true;
  }
  void release(int n) {
    n = std::min(n, total_);
    {
      std::lock_guard lock(mutex_);
      free_ += n;
    }
    freed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
  int total_;
};

}  // namespace groupfit
