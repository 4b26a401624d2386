// A workaround for a data race in XGBoost 1.7: a metric with a parameter (tweedie-nloglik@1.5,
// error@0.7) builds its name in a function-local `static std::string` that every booster
// rewrites whenever it names the metric — when it is configured and on every evaluation (later
// XGBoost versions made it thread_local). Two models evaluating at once on threads of one
// process corrupt the heap: with the threads executor and reg:tweedie, 2 runs in 40 aborted with
// "malloc(): unaligned tcache chunk detected". The guard serializes the calls that name metrics,
// only for such metrics; training itself (the update of every round but the first) still runs
// in parallel, and worker processes are unaffected.
#pragma once

#include <mutex>
#include <string_view>

namespace groupfit {

class MetricNameGuard {
 public:
  explicit MetricNameGuard(std::string_view eval_metric)
      : racy_(eval_metric.find('@') != std::string_view::npos) {}
  // Held while XGBoost may name the metric; an empty lock when the metric is safe.
  std::unique_lock<std::mutex> lock() const {
    return racy_ ? std::unique_lock<std::mutex>(mutex()) : std::unique_lock<std::mutex>();
  }

 private:
  // One for the process: the static it protects is XGBoost's, shared by every booster.
  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
  bool racy_;
};

}  // namespace groupfit
