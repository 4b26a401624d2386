// plan_execution: see execution_plan.hpp.
//
// The choice between threads and processes under `auto` follows what was measured
// (README "Executors, measured"): on the same work, threads and processes finish within noise
// of each other, threads use less memory and start nothing, so auto picks threads — unless the
// run asks for what only processes give: --group-timeout (a hung group can only be stopped by
// killing its process) or --worker-memory-limit (a per-process limit).
#include "run/execution_plan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "plan/planner.hpp"

namespace groupfit {

Schedule schedule_tasks(std::vector<GroupTask>& tasks, const std::vector<std::size_t>& indices,
                        const std::vector<double>& costs, unsigned cores,
                        const ThreadScaling& scaling) {
  Schedule schedule = make_schedule(costs, cores, scaling);
  for (const ScheduledTask& item : schedule.order) {
    GroupTask& task = tasks[indices[item.task]];
    task.threads = item.threads;
    task.cost = costs[item.task] / scaling.at(item.threads);
  }
  return schedule;
}

ExecutionPlan plan_execution(const TrainConfig& config, std::vector<GroupTask>& tasks,
                             const MatrixView& data, unsigned cores) {
  ExecutionPlan plan;
  if (config.exec.executor != ExecutorKind::Auto) {
    plan.executor = config.exec.executor;
    plan.workers = config.exec.executor == ExecutorKind::Sequential ? 1
                   : config.exec.workers > 0                        ? config.exec.workers
                                                                    : cores;
    plan.default_threads = config.model.threads_per_model;
    plan.order = largest_first(tasks);
    plan.record = {{"executor", to_string(plan.executor)},
                   {"workers", plan.workers},
                   {"threads_per_model", plan.default_threads},
                   {"reason", plan.executor == ExecutorKind::Mpi
                                  ? "as requested; workers are the training ranks, each with "
                                    "the threads per model its node allows"
                                  : "as requested"}};
    return plan;
  }
  const bool needs_isolation =
      config.exec.group_timeout_seconds > 0 || config.exec.worker_memory_limit > 0;
  plan.executor = needs_isolation ? ExecutorKind::Processes : ExecutorKind::Threads;
  plan.workers = cores;
  plan.default_threads = 1;
  plan.cores = static_cast<int>(cores);

  std::vector<std::size_t> trainable;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].trainable()) trainable.push_back(i);
  }
  const Calibration calibration = calibrate(tasks, data, config.model, cores);
  const std::vector<double> costs = task_costs(tasks, trainable, config.model, calibration);
  const Schedule chosen = schedule_tasks(tasks, trainable, costs, cores, calibration.scaling);
  plan.once_seconds.assign(tasks.size(), 0);
  plan.round_seconds.assign(tasks.size(), 0);
  for (std::size_t i : trainable) {
    const double rows =
        static_cast<double>(tasks[i].train_rows.size() + tasks[i].valid_rows.size());
    plan.once_seconds[i] = calibration.once(rows);
    plan.round_seconds[i] = calibration.per_round(rows);
  }
  plan.scaling = calibration.scaling;
  plan.calibration = calibration;
  nlohmann::json groups = nlohmann::json::array();
  for (const ScheduledTask& item : chosen.order) {
    // The calibrated seconds replaced rows x rounds as the task's expected work.
    const GroupTask& task = tasks[trainable[item.task]];
    plan.order.push_back(trainable[item.task]);
    groups.push_back({{"group", task.key.display()},
                      {"threads", item.threads},
                      {"expected_seconds", task.cost}});
  }
  plan.record = {
      {"executor", to_string(plan.executor)},
      {"workers", plan.workers},
      {"reason", fmt::format("{}; {}", chosen.reason,
                             needs_isolation
                                 ? "processes, because --group-timeout or "
                                   "--worker-memory-limit needs a process per worker"
                                 : "threads: as fast as processes here, less memory, no start-up")},
      {"calibration",
       {{"seconds", calibration.seconds_spent},
        {"sample_rows", calibration.sample_rows},
        {"sample_rows_at", calibration.rows_at},
        {"seconds_per_round_at", calibration.round_seconds},
        {"seconds_once_at", calibration.once_seconds},
        {"speedup_by_threads", calibration.scaling.speedup},
        {"threads_timed", calibration.threads_timed}}},
      {"expected_makespan_seconds", chosen.makespan},
      {"lower_bound_seconds", chosen.lower_bound},
      {"order", groups}};
  return plan;
}

std::optional<double> makespan_for_rounds_trained(const ExecutionPlan& plan,
                                                  const std::vector<GroupTask>& tasks,
                                                  const std::vector<GroupResult>& results,
                                                  const ModelParams& params) {
  if (plan.round_seconds.empty()) return std::nullopt;
  std::vector<double> durations(results.size(), 0);
  std::vector<ScheduledTask> order;
  for (std::size_t i : plan.order) {
    const int rounds = rounds_trained(results[i], params.rounds, params.early_stopping_rounds);
    const int threads = tasks[i].threads > 0 ? tasks[i].threads : plan.default_threads;
    order.push_back({i, threads});
    durations[i] =
        (plan.once_seconds[i] + rounds * plan.round_seconds[i]) / plan.scaling.at(threads);
  }
  return simulate_makespan(order, durations, static_cast<unsigned>(std::max(plan.cores, 1)));
}

}  // namespace groupfit
