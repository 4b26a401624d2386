// The tuning stage of a training run, between planning and training (run/train_run.cpp): every
// fold of every candidate of every trainable group (plan/cv_plan.hpp) trained by the run's own
// executor, so they spread over workers, processes or ranks like groups do; then each group's
// winner is set on its task, for the training that follows. A run without a search skips it.
//
// Under --executor auto the folds are planned like groups: each weighed by the calibration's
// expected seconds for its rows (run/calibration.hpp), ordered and given threads by the planner.
// Every finished fold is appended to its own checkpoint (<out>/checkpoint-folds.gfc, the format
// of report/checkpoint.hpp), so an interrupted run's --resume trains only the folds missing.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "plan/cv_plan.hpp"
#include "run/prepared_run.hpp"

namespace groupfit {

struct TuningStage {
  TuningOutcome outcome;
  std::size_t fold_tasks = 0;
  std::size_t folds_restored = 0;   // taken from the fold checkpoint by --resume
  double seconds = 0;               // the stage's wall time
  double fold_train_seconds = 0;    // the folds' own training times, summed
  double longest_fold_seconds = 0;  // with the sum, what bounds the stage from below
  nlohmann::json plan;              // with auto: the folds' expected makespan and lower bound
};

struct FoldCheckpointFile {
  std::filesystem::path path;
  std::string config_hash;
  bool resume = false;  // keep the folds it holds (when it exists) and append
};

// Sets run.tasks[g].booster_params to the chosen candidate's for every group tuned. Folds not
// finished when `stop` turns true count as failed (and are not checkpointed).
// `progress` hears of every fold finished (Progress::tuning set).
TuningStage tune_groups(PreparedRun& run, const FoldCheckpointFile& checkpoint,
                        const ProgressSink& progress, const std::atomic<bool>& stop);

}  // namespace groupfit
