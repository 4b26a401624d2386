// plan_tasks and largest_first: see group_task.hpp.
#include "plan/group_task.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plan/split.hpp"

namespace groupfit {

std::vector<GroupTask> plan_tasks(const std::vector<Group>& groups, std::span<const float> labels,
                                  const TaskOptions& options) {
  std::vector<GroupTask> tasks;
  tasks.reserve(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    GroupTask task;
    task.index = static_cast<std::uint32_t>(g);
    task.key = groups[g].key;
    task.rows = groups[g].rows.size();
    std::vector<std::uint32_t> labeled;
    for (std::uint32_t r : groups[g].rows) {
      (std::isnan(labels[r]) ? task.unlabeled_rows : labeled).push_back(r);
    }
    const std::size_t min_rows = std::max<std::size_t>(options.min_rows, 2);
    if (labeled.size() < min_rows) {
      task.skip_reason = fmt::format("{} labeled rows, fewer than --min-rows {}", labeled.size(),
                                     options.min_rows);
    } else {
      Split split = split_rows(labeled, options.valid_fraction, options.seed, task.key);
      task.train_rows = std::move(split.train);
      task.valid_rows = std::move(split.valid);
      task.cost = static_cast<double>(labeled.size()) * options.rounds;
    }
    tasks.push_back(std::move(task));
  }
  return tasks;
}

std::vector<std::size_t> largest_first(const std::vector<GroupTask>& tasks) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].trainable()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return tasks[a].cost > tasks[b].cost; });
  return order;
}

}  // namespace groupfit
