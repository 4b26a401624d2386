// groupfit::train: the whole training run, in the one direction data flows —
// read the table, plan the groups (features, splits, tasks), execute (train every group),
// write the outputs. The run holds --out's lock from start to end (report/out_lock.hpp), so no
// other run writes there meanwhile. Nothing is written until planning has succeeded, so a bad
// input leaves no output behind; the outputs are staged and published in one atomic step
// (report/output_stage.hpp), so a run that fails or dies while writing (a full disk, a kill)
// leaves the previous result as it was. Finished groups are checkpointed as they arrive
// (report/checkpoint.hpp); the checkpoint is kept until every group is ok or skipped.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "exec/core_count.hpp"
#include "exec/process_executor.hpp"
#include "exec/run_clock.hpp"
#include "exec/sequential_executor.hpp"
#include "exec/thread_executor.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "groupfit/limits.hpp"
#include "plan/feature_matrix.hpp"
#include "plan/group_task.hpp"
#include "plan/grouping.hpp"
#include "plan/id_check.hpp"
#include "report/atomic_file.hpp"
#include "report/checkpoint.hpp"
#include "report/model_store.hpp"
#include "report/out_lock.hpp"
#include "report/output_stage.hpp"
#include "report/result_tables.hpp"
#include "report/run_json.hpp"
#include "report/trace_json.hpp"
#include "run/execution_plan.hpp"
#include "run/run_summary.hpp"
#include "table/csv_reader.hpp"
#include "table/utf8_values.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

namespace fs = std::filesystem;

void check_config(const TrainConfig& c) {
  if (c.group_column.empty()) throw InputError("--group is required");
  if (c.target_column.empty()) throw InputError("--target is required");
  if (c.out_dir.empty()) throw InputError("--out is required");
  if (!(c.valid_fraction > 0 && c.valid_fraction < 1)) {
    throw InputError(
        fmt::format("--valid-fraction must be between 0 and 1, got {}", c.valid_fraction));
  }
  if (c.executor != "auto" && c.executor != "sequential" && c.executor != "threads" &&
      c.executor != "processes") {
    throw InputError(fmt::format(
        "--executor must be auto, sequential, threads or processes, got '{}'", c.executor));
  }
  // 0 means "none" in the API; what reaches here from the CLI is positive already.
  if (!(c.group_timeout_seconds >= 0 && std::isfinite(c.group_timeout_seconds))) {
    throw InputError(
        fmt::format("--group-timeout must be a positive, finite number of seconds, got {}",
                    c.group_timeout_seconds));
  }
  // Only a process can be killed when stuck or limited in memory: never silently ignored.
  if (c.executor == "threads" || c.executor == "sequential") {
    for (const auto& [flag, given] :
         {std::pair{"--group-timeout", c.group_timeout_seconds > 0},
          std::pair{"--worker-memory-limit", c.worker_memory_limit > 0}}) {
      if (given) {
        throw InputError(fmt::format(
            "{} needs worker processes: use --executor processes, or auto (which picks them for "
            "it), not {}",
            flag, c.executor));
      }
    }
  }
  if (c.max_categories > kMaxCategories) {
    throw InputError(fmt::format("--max-categories must be at most {} (the limit), got {}",
                                 kMaxCategories, c.max_categories));
  }
}

// The columns whose text is written into an output: they must be valid UTF-8.
std::vector<std::string> written_text_columns(const TrainConfig& config,
                                              const std::vector<FeatureSpec>& features) {
  std::vector<std::string> names = {config.group_column};
  if (!config.id_column.empty()) names.push_back(config.id_column);
  for (const FeatureSpec& f : features) {
    if (f.categorical) names.push_back(f.name);
  }
  return names;
}

std::unique_ptr<Executor> make_executor(const TrainConfig& config, const ExecutionPlan& plan,
                                        const FeatureMatrix& matrix, const MatrixView& data,
                                        unsigned cores) {
  if (plan.executor == "processes") {
    ProcessOptions options;
    options.workers = plan.workers;
    options.default_threads = plan.default_threads;
    options.cores = plan.cores;
    options.group_timeout_seconds = config.group_timeout_seconds;
    options.memory_limit_bytes = config.worker_memory_limit;
    options.executable = config.worker_executable;
    // libgomp cannot see other processes' threads: without this, oversubscribed worker
    // processes spin against each other (docs/design.md).
    options.passive_wait = plan.workers * static_cast<unsigned>(plan.default_threads) > cores;
    return std::make_unique<ProcessExecutor>(
        matrix, std::vector<FeatureSpec>(data.features.begin(), data.features.end()), config.model,
        options);
  }
  TrainFunction train = [&data, &params = config.model](const GroupTask& task,
                                                        const std::atomic<bool>& stop) {
    return train_group(task, data, params, &stop);
  };
  if (plan.executor == "threads") {
    return std::make_unique<ThreadExecutor>(std::move(train), plan.workers, plan.default_threads,
                                            plan.cores);
  }
  return std::make_unique<SequentialExecutor>(std::move(train));
}

struct Restored {
  std::size_t groups = 0;            // groups taken from the checkpoint, not trained again
  std::uint64_t readable_bytes = 0;  // where this run's results will follow
};

// Takes the ok and skipped groups of a checkpoint whose configuration matches this run's.
Restored restore_checkpoint(const fs::path& path, const std::string& hash,
                            std::vector<GroupResult>& results, std::vector<bool>& done) {
  const Checkpoint cp = read_checkpoint(path);
  if (cp.config_hash != hash) {
    throw InputError(
        fmt::format("cannot resume: the configuration or input differs from the interrupted run's "
                    "(config hash {} vs {}); use the same input and flags, or another --out",
                    hash, cp.config_hash));
  }
  Restored restored;
  restored.readable_bytes = cp.readable_bytes;
  for (const GroupResult& r : cp.results) {
    if (r.index >= results.size() || r.status == GroupStatus::Failed) continue;
    if (!done[r.index]) ++restored.groups;
    results[r.index] = r;
    done[r.index] = true;
  }
  return restored;
}

}  // namespace

TrainReport train(const TrainConfig& config, const WarningSink& warn,
                  const ProgressSink& progress) {
  check_config(config);
  check_output_dir(config.out_dir);
  if (!config.trace_file.empty()) check_output_file(config.trace_file, "--trace");
  const fs::path out(config.out_dir);
  // One run per --out, for this run's whole life; what dead runs left staged goes now that no
  // live run can own it.
  const OutDirLock lock(out);
  remove_stale_staging(out);
  RunClock clock;
  RunTimings timings;
  timings.cores = available_cores();

  const Table table = read_csv_file(config.input, {config.delimiter, timings.cores});
  timings.read_seconds = clock.seconds();

  FeatureOptions feature_options{config.group_column, config.target_column, config.id_column,
                                 config.features,     config.drop,          config.max_categories};
  FeatureSelection selection = select_features(table, feature_options);
  for (const auto& w : selection.warnings) warn(w);
  require_utf8_values(table, written_text_columns(config, selection.features), config.input,
                      config.delimiter);
  if (!config.id_column.empty()) {
    if (auto w = repeated_id_warning(table.column(config.id_column))) warn(*w);
  }
  const FeatureMatrix matrix = encode_features(table, selection.features, config.target_column);
  const std::vector<Group> groups = group_rows(table.column(config.group_column));
  std::vector<GroupTask> tasks =
      plan_tasks(groups, matrix.labels,
                 {config.valid_fraction, config.seed, config.min_rows, config.model.rounds});
  const MatrixView data = view_of(matrix, selection.features);
  const ExecutionPlan plan = plan_execution(config, tasks, data, timings.cores);
  timings.workers = plan.workers;
  timings.plan_seconds = clock.seconds() - timings.read_seconds;

  OutputStage stage(out);
  const std::string hash = config_hash(config);
  std::vector<GroupResult> results(tasks.size());
  std::vector<bool> done(tasks.size(), false);
  Restored restored;
  if (config.resume) restored = restore_checkpoint(out / "checkpoint.gfc", hash, results, done);
  const std::size_t resumed = restored.groups;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!tasks[i].trainable()) {
      results[i] = train_group(tasks[i], data, config.model);
      done[i] = true;
    }
  }
  CheckpointWriter checkpoint(out / "checkpoint.gfc", hash, config.resume, restored.readable_bytes);
  bool interrupted = false;
  try {
    ModelWriter models(stage.models_dir());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      if (done[i] && results[i].status == GroupStatus::Ok) {  // restored from the checkpoint
        models.add(i, tasks[i].key, results[i].model_json);
        std::string().swap(results[i].model_json);
      }
    }
    std::vector<std::size_t> order;
    double cost_ahead = 0;
    for (std::size_t i : plan.order) {
      if (done[i]) continue;
      order.push_back(i);
      cost_ahead += tasks[i].cost;
    }
    const std::atomic<bool> never_stop{false};
    const std::atomic<bool>& stop = config.stop ? *config.stop : never_stop;
    Progress state;
    state.total = order.size();
    double cost_done = 0;
    const double train_start = clock.seconds();
    std::vector<bool> ran(tasks.size(), false);
    make_executor(config, plan, matrix, data, timings.cores)
        ->run(
            tasks, order,
            [&](GroupResult&& r) {
              const std::size_t i = r.index;
              checkpoint.add(r);
              // To disk now: 10,000 models held until the end would not fit in memory.
              if (r.status == GroupStatus::Ok) {
                models.add(i, tasks[i].key, r.model_json);
                std::string().swap(r.model_json);
              }
              results[i] = std::move(r);
              done[i] = ran[i] = true;
              ++state.done;
              state.failed += results[i].status == GroupStatus::Failed ? 1 : 0;
              cost_done += tasks[i].cost;
              state.elapsed_seconds = clock.seconds() - train_start;
              state.eta_seconds =
                  cost_done > 0 ? state.elapsed_seconds / cost_done * (cost_ahead - cost_done) : 0;
              if (progress) progress(state);
            },
            stop);
    timings.train_seconds = clock.seconds() - train_start;

    interrupted = std::find(done.begin(), done.end(), false) != done.end();
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      if (!done[i]) {
        results[i] = GroupResult{};
        results[i].index = tasks[i].index;
        results[i].message = "not trained: the run was interrupted (train again with --resume)";
      }
    }

    const double write_start = clock.seconds();
    const Column* id_column = config.id_column.empty() ? nullptr : &table.column(config.id_column);
    write_metrics_csv(stage.path("metrics.csv"), tasks, results);
    write_predictions_csv(stage.path("predictions.csv"), tasks, results, id_column);
    models.finish(
        {config.group_column, config.target_column, config.id_column, selection.features});
    if (!config.trace_file.empty()) {
      write_trace_json(config.trace_file, plan.executor, tasks, results, ran);
    }
    timings.write_seconds = clock.seconds() - write_start;
    timings.wall_seconds = clock.seconds();
    write_run_json(stage.path("run.json"), config, tasks, results, timings, plan.record);
    stage.publish();
  } catch (const OutputError& e) {
    checkpoint.discard_if_unused();
    const std::string message = stage.public_message(e.what());
    const std::size_t kept = resumed + checkpoint.added();
    if (kept == 0) throw OutputError(message);
    throw OutputError(
        fmt::format("{}; the {} finished groups are kept in '{}': make room and run "
                    "again with --resume",
                    message, kept, (out / "checkpoint.gfc").string()));
  } catch (...) {
    checkpoint.discard_if_unused();
    throw;
  }
  // Kept while a group is left to train: --resume retrains the failed and unfinished ones.
  const bool any_failed = std::any_of(results.begin(), results.end(), [](const GroupResult& r) {
    return r.status == GroupStatus::Failed;
  });
  if (!interrupted && !any_failed) {
    std::error_code ignored;
    fs::remove(out / "checkpoint.gfc", ignored);
  }

  TrainReport report = summarize_run(tasks, results);
  report.resumed = resumed;
  report.interrupted = interrupted;
  report.read_seconds = timings.read_seconds;
  report.train_seconds = timings.train_seconds;
  report.wall_seconds = clock.seconds();
  return report;
}

}  // namespace groupfit
