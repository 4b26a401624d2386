// simulate_cluster: see cluster_simulation.hpp.
#include "plan/cluster_simulation.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>

namespace groupfit {

ClusterRun simulate_cluster(const std::vector<ClusterTask>& tasks, const ClusterShape& shape,
                            const ThreadScaling& scaling) {
  const unsigned nodes = std::max(shape.nodes, 1u);
  const unsigned per_node = std::max(shape.cores_per_node, 1u);
  // A model never spans nodes: no speed-up is counted past a node's cores.
  ThreadScaling capped = scaling;
  capped.speedup.resize(
      std::min<std::size_t>(std::max<std::size_t>(capped.speedup.size(), 1), per_node),
      capped.speedup.empty() ? 1.0 : capped.speedup.back());
  std::vector<double> costs;
  for (const ClusterTask& t : tasks) costs.push_back(t.seconds);
  const Schedule plan = make_schedule(costs, nodes * per_node, capped);

  ClusterRun run;
  run.lower_bound_seconds = plan.lower_bound;
  std::vector<int> free(nodes, static_cast<int>(per_node));
  // Running tasks as (end, node, cores), earliest end first.
  using Running = std::tuple<double, unsigned, int>;
  std::priority_queue<Running, std::vector<Running>, std::greater<>> running;
  double now = 0, link_free = 0;
  std::vector<double> ends;
  for (const ScheduledTask& item : plan.order) {
    const int need = std::min(item.threads, static_cast<int>(per_node));
    for (;;) {
      const auto node =
          static_cast<unsigned>(std::max_element(free.begin(), free.end()) - free.begin());
      if (free[node] >= need) {
        const double start = std::max(now, link_free);
        const double transfer = tasks[item.task].bytes / shape.bytes_per_second;
        link_free = start + transfer;
        run.link_busy_seconds += transfer;
        const double duration = costs[item.task] / capped.at(need);
        run.longest_task_seconds = std::max(run.longest_task_seconds, duration);
        const double end = start + shape.latency_seconds + transfer + duration;
        running.emplace(end, node, need);
        free[node] -= need;
        ends.push_back(end);
        break;
      }
      const auto [end, done_node, cores] = running.top();
      running.pop();
      now = std::max(now, end);
      free[done_node] += cores;
    }
  }
  // The coordinator handles results in the order they arrive, one at a time.
  std::sort(ends.begin(), ends.end());
  double coordinator_free = 0;
  for (double end : ends) coordinator_free = std::max(coordinator_free, end) + shape.result_seconds;
  run.coordinator_busy_seconds = shape.result_seconds * static_cast<double>(ends.size());
  run.makespan_seconds = coordinator_free;
  return run;
}

}  // namespace groupfit
