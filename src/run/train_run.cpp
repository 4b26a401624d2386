// groupfit::train: the whole training run, as stages that read top-down in the one direction
// data flows —
//   resolve (run_config.hpp)   the flags and parameters, before anything is read or written;
//   lock                       one run per --out for its whole life (report/out_lock.hpp);
//   prepare (prepared_run.hpp) read the table, plan the groups and their execution;
//   restore                    with --resume, the groups a checkpoint already holds;
//   tune                       with --search, each group's parameters chosen by cross-validation
//                              (tuning_run.hpp);
//   execute                    every group trained by the planned executor into a ResultCollector
//                              (checkpoint, models, progress: result_collector.hpp);
//   publish                    metrics.csv, predictions.csv, run.json and models/ staged, then
//                              swapped in as one atomic step (report/output_stage.hpp).
// Nothing is written until planning has succeeded, so a bad input leaves no output behind; a run
// that fails or dies while writing (a full disk, a kill) leaves the previous result as it was.
// The checkpoint is kept until every group is ok or skipped, so --resume retrains the rest.
// Under --executor mpi, rank 0 runs these stages and the other ranks only train (mpi_rank_run.hpp).
#include <fmt/format.h>

#include <atomic>
#include <optional>

#include "base/atomic_file.hpp"
#include "base/freed_memory.hpp"
#include "base/run_clock.hpp"
#include "groupfit/error.hpp"
#include "groupfit/groupfit.hpp"
#include "report/checkpoint.hpp"
#include "report/model_store.hpp"
#include "report/out_lock.hpp"
#include "report/output_stage.hpp"
#include "report/prediction_columns.hpp"
#include "report/result_tables.hpp"
#include "report/run_json.hpp"
#include "report/trace_json.hpp"
#include "report/tuning_table.hpp"
#include "run/executor_factory.hpp"
#include "run/fallback_run.hpp"
#include "run/mpi_rank_run.hpp"
#include "run/prepared_run.hpp"
#include "run/result_collector.hpp"
#include "run/run_config.hpp"
#include "run/run_summary.hpp"
#include "run/tuning_run.hpp"
#include "train/group_trainer.hpp"

namespace groupfit {
namespace {

namespace fs = std::filesystem;

// Trains every group not done yet, in the plan's order, into a ResultCollector.
void execute(PreparedRun& run, RunResults& state, CheckpointWriter& checkpoint, ModelWriter& models,
             const ProgressSink& progress, const RunClock& clock) {
  std::vector<std::size_t> order;
  for (std::size_t i : run.plan.order) {
    if (!state.done[i]) order.push_back(i);
  }
  const std::atomic<bool> never_stop{false};
  const std::atomic<bool>& stop = run.config.stop ? *run.config.stop : never_stop;
  const double start = clock.seconds();
  ResultCollector sink(run.tasks, order, state, checkpoint, models, progress, clock);
  const MatrixView data = run.data();
  make_executor(run.config, run.plan, run.matrix, data, run.timings.cores)
      ->run(run.tasks, order, std::ref(sink), stop);
  run.timings.train_seconds = clock.seconds() - start;
}

// With tuning: each group's chosen values for metrics.csv, its note added to its warning, and
// tuning.csv and run.json's record of the search.
ChosenParams record_tuning(PreparedRun& run, RunResults& state, const TuningStage& tuning,
                           OutputStage& stage) {
  ChosenParams chosen;
  for (const SearchDimension& d : run.search_space) chosen.names.push_back(d.name);
  chosen.values.resize(run.tasks.size());
  for (std::size_t g = 0; g < run.tasks.size(); ++g) {
    const int c = tuning.outcome.chosen[g];
    if (c >= 0) chosen.values[g] = run.candidates[static_cast<std::size_t>(c)].values;
    const std::string& note = tuning.outcome.notes[g];
    GroupResult& r = state.results[g];
    if (!note.empty() && r.status == GroupStatus::Ok) {
      r.warning = r.warning.empty() ? note : r.warning + "; " + note;
    }
  }
  const std::string metric = metric_names(run.objective.kind)[primary_metric(run.objective)];
  write_tuning_csv(stage.path("tuning.csv"), run.tasks, run.search_space, run.candidates,
                   tuning.outcome, metric, run.config.tuning.cv);
  nlohmann::json space = nlohmann::json::array();  // in the order given: metrics.csv's columns
  for (const SearchDimension& d : run.search_space) {
    space.push_back({{"name", d.name}, {"values", d.values}});
  }
  nlohmann::json candidates = nlohmann::json::array();
  for (const Candidate& c : run.candidates) candidates.push_back(c.values);
  run.plan.record["tuning"] = {{"space", space},
                               {"cv", run.config.tuning.cv},
                               {"trials", run.config.tuning.trials},
                               {"candidates", candidates},
                               {"compared_by", metric},
                               {"fold_tasks", tuning.fold_tasks},
                               {"folds_resumed", tuning.folds_restored},
                               {"plan", tuning.plan},
                               {"seconds", tuning.seconds},
                               {"fold_train_seconds", tuning.fold_train_seconds},
                               {"longest_fold_seconds", tuning.longest_fold_seconds}};
  return chosen;
}

constexpr const char* kFallbackModelFile = "fallback.json";

std::vector<GroupKey> fallback_groups(const PreparedRun& run,
                                      const std::optional<FallbackStage>& fallback) {
  std::vector<GroupKey> keys;
  if (fallback && fallback->trained) {
    for (const GroupTask& t : run.tasks) keys.push_back(t.key);
  }
  return keys;
}

// Writes every output into the stage and swaps it in.
void publish(PreparedRun& run, RunResults& state, ModelWriter& models, OutputStage& stage,
             const RunClock& clock, const std::optional<TuningStage>& tuning,
             const std::optional<FallbackStage>& fallback) {
  const TrainConfig& config = run.config;
  const double write_start = clock.seconds();
  const ChosenParams chosen = tuning ? record_tuning(run, state, *tuning, stage) : ChosenParams();
  write_metrics_csv(stage.path("metrics.csv"), run.objective.kind, run.tasks, state.results,
                    chosen);
  write_predictions_csv(stage.path("predictions.csv"), run.tasks, state.results, run.ids,
                        PredictionColumns(run.objective.kind, run.classes));
  models.finish({.group_column = config.columns.group_column,
                 .target_column = config.columns.target_column,
                 .id_column = config.columns.id_column,
                 .features = run.selection.features,
                 .objective = std::string(run.objective.name),
                 .classes = run.classes,
                 .decimal = config.read.decimal,
                 .na_values = config.read.na_values,
                 .fallback_file = fallback && fallback->trained ? kFallbackModelFile : "",
                 .fallback_groups = fallback_groups(run, fallback)});
  if (fallback) {
    run.plan.record["fallback"] = {{"model", fallback->trained ? kFallbackModelFile : ""},
                                   {"groups", fallback->groups},
                                   {"seconds", fallback->seconds},
                                   {"message", fallback->message}};
  }
  if (!config.output.trace_file.empty()) {
    write_trace_json(config.output.trace_file, std::string(to_string(run.plan.executor)), run.tasks,
                     state.results, state.ran);
  }
  run.timings.write_seconds = clock.seconds() - write_start;
  run.timings.wall_seconds = clock.seconds();
  if (const auto m =
          makespan_for_rounds_trained(run.plan, run.tasks, state.results, config.model)) {
    run.plan.record["expected_makespan_for_rounds_trained_seconds"] = *m;
  }
  write_run_json(stage.path("run.json"), config, run.tasks, state.results, run.timings,
                 run.plan.record, run.classes);
  stage.publish();
}

}  // namespace

TrainReport train(const TrainConfig& given, const WarningSink& warn, const ProgressSink& progress) {
  return_freed_memory_promptly();
  TrainConfig config = resolve_config(given, warn);
  // Under MPI every rank runs this; all but rank 0 only train what it sends them.
  std::optional<MpiRanksRelease> release_ranks;
  if (config.exec.executor == ExecutorKind::Mpi) {
    MpiWorld& world = MpiWorld::get();
    if (world.size() < 2) {
      throw InputError(
          "--executor mpi needs at least 2 ranks, a coordinator and one that trains: "
          "mpirun -n N with N >= 2");
    }
    if (world.rank() > 0) return train_as_mpi_rank(config, world);
    release_ranks.emplace(world);
    config.exec.workers = static_cast<unsigned>(world.size() - 1);
  }
  check_output_dir(config.output.out_dir);
  if (!config.output.trace_file.empty()) check_output_file(config.output.trace_file, "--trace");
  const fs::path out(config.output.out_dir);
  // What dead runs left staged goes once no live run can own it.
  const OutDirLock lock(out);
  remove_stale_staging(out);
  const RunClock clock;

  PreparedRun run = prepare_run(std::move(config), warn, clock);
  OutputStage stage(out);
  const fs::path checkpoint_path = out / "checkpoint.gfc";
  const fs::path fold_checkpoint_path = out / "checkpoint-folds.gfc";
  const std::string hash = config_hash(run.config);
  RunResults state(run.tasks.size());
  if (run.config.output.resume) restore_checkpoint(checkpoint_path, hash, state);
  for (std::size_t i = 0; i < run.tasks.size(); ++i) {
    if (!run.tasks[i].trainable()) {
      state.results[i] = train_group(run.tasks[i], run.data(), run.config.model);
      state.done[i] = true;
    }
  }
  CheckpointWriter checkpoint(checkpoint_path, hash, run.config.output.resume,
                              state.checkpoint_bytes);
  bool interrupted = false;
  try {
    ModelWriter models(stage.models_dir());
    for (std::size_t i = 0; i < run.tasks.size(); ++i) {
      if (state.done[i] && state.results[i].status == GroupStatus::Ok) {  // from the checkpoint
        models.add(i, run.tasks[i].key, state.results[i].model_json);
        std::string().swap(state.results[i].model_json);
      }
    }
    // Tuning chooses each group's parameters first; every group is tuned, including those a
    // checkpoint holds, so that metrics.csv and tuning.csv are whole (with --resume, from the
    // folds the fold checkpoint holds and the rest trained).
    std::optional<TuningStage> tuning;
    if (run.config.tuning.active()) {
      const std::atomic<bool> never_stop{false};
      tuning = tune_groups(run, {fold_checkpoint_path, hash, run.config.output.resume}, progress,
                           run.config.stop ? *run.config.stop : never_stop);
    }
    execute(run, state, checkpoint, models, progress, clock);
    interrupted = !state.complete();
    state.mark_unfinished(run.tasks);
    std::optional<FallbackStage> fallback;
    if (run.config.split.fallback_global && !interrupted) {
      fallback = apply_fallback(run, state.results, stage.models_dir() / kFallbackModelFile);
      if (!fallback->trained) warn("--fallback global: " + fallback->message);
    }
    publish(run, state, models, stage, clock, tuning, fallback);
  } catch (const OutputError& e) {
    checkpoint.discard_if_unused();
    const std::string message = stage.public_message(e.what());
    const std::size_t kept = state.restored + checkpoint.added();
    if (kept == 0) throw OutputError(message);
    throw OutputError(
        fmt::format("{}; the {} finished groups are kept in '{}': make room and run "
                    "again with --resume",
                    message, kept, checkpoint_path.string()));
  } catch (...) {
    checkpoint.discard_if_unused();
    throw;
  }
  // Kept while a group is left to train: --resume retrains the failed and unfinished ones.
  if (!interrupted && !state.any_failed()) {
    std::error_code ignored;
    fs::remove(checkpoint_path, ignored);
    fs::remove(fold_checkpoint_path, ignored);
  }

  for (const std::string& line : warning_counts(state.results)) warn(line);
  TrainReport report = summarize_run(run.tasks, state.results);
  report.metric_names = metric_names(run.objective.kind);
  report.resumed = state.restored;
  report.interrupted = interrupted;
  report.read_seconds = run.timings.read_seconds;
  report.train_seconds = run.timings.train_seconds;
  report.wall_seconds = clock.seconds();
  for (const GroupTask& task : run.tasks) {  // in predictions.csv's order (result_tables.hpp)
    report.prediction_rows.insert(report.prediction_rows.end(), task.unlabeled_rows.begin(),
                                  task.unlabeled_rows.end());
  }
  return report;
}

}  // namespace groupfit
