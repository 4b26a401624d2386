// A fake training's CPU work on an OpenMP team, as XGBoost's training runs on one: each of
// `threads` libgomp threads (XGBoost's runtime, see base/team_cpu_clock.cpp) spins until it has
// used `seconds` of its own CPU time. CPU time, not wall time, so a loaded machine only makes it
// slower, never changes what it measures.
#pragma once

#include "base/run_clock.hpp"

extern "C" void GOMP_parallel(void (*fn)(void*), void* data, unsigned num_threads, unsigned flags);

namespace groupfit {

inline void spin_team(int threads, double seconds) {
  GOMP_parallel(
      [](void* limit) {
        const double until = groupfit::thread_cpu_seconds() + *static_cast<double*>(limit);
        while (groupfit::thread_cpu_seconds() < until) {
        }
      },
      &seconds, static_cast<unsigned>(threads), 0);
}

}  // namespace groupfit
