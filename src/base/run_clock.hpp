// Seconds since a run started, and the process's CPU seconds, for the per-group timings that
// executors record (start, end, CPU) and the trace shows.
#pragma once

#include <chrono>

namespace groupfit {

class RunClock {
 public:
  RunClock() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// CPU seconds used so far by the whole process (all its threads).
double process_cpu_seconds();
// CPU seconds used so far by the calling thread only: a group's CPU time in the threads
// executor, exact for one thread per model (XGBoost's extra OpenMP threads are not counted).
double thread_cpu_seconds();

}  // namespace groupfit
