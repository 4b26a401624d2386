// team_cpu_seconds: see team_cpu_clock.hpp.
//
// The team is reached through libgomp's own entry point, GOMP_parallel (what GCC compiles
// `#pragma omp parallel` into), rather than through the pragma: the threads to reach are
// libgomp's, the runtime XGBoost is built with, and a pragma compiled by clang (the fuzzing
// build) would start a team of its own runtime, libomp, and measure the wrong threads.
#include "base/team_cpu_clock.hpp"

#include <atomic>

#include "base/run_clock.hpp"

// NOLINTNEXTLINE(readability-identifier-naming): libgomp's own name, part of its ABI.
extern "C" void GOMP_parallel(void (*fn)(void*), void* data, unsigned num_threads, unsigned flags);

namespace groupfit {

double team_cpu_seconds(int threads) {
  if (threads <= 1) return thread_cpu_seconds();
  std::atomic<double> total{0};
  GOMP_parallel(
      [](void* sum) { static_cast<std::atomic<double>*>(sum)->fetch_add(thread_cpu_seconds()); },
      &total, static_cast<unsigned>(threads), 0);
  return total.load();
}

}  // namespace groupfit
