// make_schedule, simulate_makespan, makespan_lower_bound: see planner.hpp.
#include "plan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>

namespace groupfit {

double ThreadScaling::at(int threads) const {
  if (threads <= 0 || speedup.empty()) return 1.0;
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(threads), speedup.size()) - 1;
  return std::max(speedup[i], 1e-9);
}

double simulate_makespan(const std::vector<ScheduledTask>& order,
                         const std::vector<double>& durations, unsigned cores, double overhead) {
  // Running tasks as (end time, cores held), earliest end first.
  using Running = std::pair<double, int>;
  std::priority_queue<Running, std::vector<Running>, std::greater<>> running;
  double now = 0, makespan = 0;
  int free = static_cast<int>(cores);
  for (const ScheduledTask& item : order) {
    const int need = std::min(item.threads, static_cast<int>(cores));
    while (free < need) {
      now = std::max(now, running.top().first);
      free += running.top().second;
      running.pop();
    }
    const double end = now + durations[item.task] + overhead;
    running.emplace(end, need);
    free -= need;
    makespan = std::max(makespan, end);
  }
  return makespan;
}

double makespan_lower_bound(const std::vector<double>& costs, unsigned cores,
                            const ThreadScaling& scaling) {
  const double total = std::accumulate(costs.begin(), costs.end(), 0.0);
  double longest = 0;
  for (double c : costs) {
    double best = c;
    for (unsigned t = 1; t <= cores; ++t)
      best = std::min(best, c / scaling.at(static_cast<int>(t)));
    longest = std::max(longest, best);
  }
  return std::max(total / cores, longest);
}

namespace {

std::vector<double> durations_of(const std::vector<double>& costs, const std::vector<int>& threads,
                                 const ThreadScaling& scaling) {
  std::vector<double> d(costs.size());
  for (std::size_t i = 0; i < costs.size(); ++i) d[i] = costs[i] / scaling.at(threads[i]);
  return d;
}

// Largest duration first (ties by index), the order that keeps a long task from starting last.
std::vector<ScheduledTask> longest_first(const std::vector<double>& durations,
                                         const std::vector<int>& threads) {
  std::vector<ScheduledTask> order(durations.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = {i, threads[i]};
  std::stable_sort(order.begin(), order.end(), [&](const ScheduledTask& a, const ScheduledTask& b) {
    return durations[a.task] > durations[b.task];
  });
  return order;
}

}  // namespace

Schedule make_schedule(const std::vector<double>& costs, unsigned cores,
                       const ThreadScaling& scaling) {
  cores = std::max(cores, 1u);
  Schedule plan;
  plan.cores = cores;
  std::vector<int> threads(costs.size(), 1);
  auto evaluate = [&](const std::vector<int>& t) {
    const auto d = durations_of(costs, t, scaling);
    return simulate_makespan(longest_first(d, t), d, cores);
  };
  // Try target makespans M from the lower bound up: each group gets the fewest threads that
  // finish it within M (one thread when it already does), and the simulated makespan decides.
  const double bound = makespan_lower_bound(costs, cores, scaling);
  double best = evaluate(threads);
  std::vector<int> last_trial;
  for (int k = 0; k <= 120; ++k) {
    const double target = bound * (1.0 + 0.025 * k);
    std::vector<int> trial(costs.size(), 1);
    for (std::size_t g = 0; g < costs.size(); ++g) {
      int pick = 1;
      double fastest = costs[g];
      for (int t = 1; t <= static_cast<int>(cores); ++t) {
        const double d = costs[g] / scaling.at(t);
        if (d < fastest * 0.999) {
          fastest = d;
          pick = t;
        }
        if (d <= target) {
          pick = t;
          break;
        }
      }
      trial[g] = pick;
    }
    if (trial == last_trial) continue;  // a nearby target often gives the same threads
    last_trial = trial;
    const double m = evaluate(trial);
    if (m < best * 0.999) {
      best = m;
      threads = trial;
    }
  }
  std::size_t widened = 0;
  for (int t : threads) widened += t > 1 ? 1 : 0;
  const auto d = durations_of(costs, threads, scaling);
  plan.order = longest_first(d, threads);
  plan.makespan = best;
  plan.lower_bound = makespan_lower_bound(costs, cores, scaling);
  const double share = std::accumulate(costs.begin(), costs.end(), 0.0) / cores;
  const double largest = costs.empty() ? 0 : *std::max_element(costs.begin(), costs.end());
  if (widened > 0) {
    plan.reason = fmt::format(
        "{} cores, one thread per model except the {} largest group(s), "
        "too long for their share of the work",
        cores, widened);
  } else if (largest > share) {
    plan.reason = fmt::format(
        "{} cores, one thread per model: the largest group is longer than "
        "its share of the work, but more threads do not make it finish "
        "sooner on this machine",
        cores);
  } else {
    plan.reason = fmt::format(
        "{} cores, one thread per model: no group is longer than its share "
        "of the work",
        cores);
  }
  return plan;
}

}  // namespace groupfit
