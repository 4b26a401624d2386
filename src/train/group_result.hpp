// The outcome of one group, a plain value: status, metrics, predictions and the model's bytes.
// A failure is a value too, so one group never aborts a run. Executors fill in where and when
// it ran; everything else comes from train_group.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "groupfit/groupfit.hpp"

namespace groupfit {

// What GroupResult::warning may say; fixed phrases, so a run's warnings can be counted by kind.
inline constexpr std::string_view kConstantModelWarning =
    "constant model: no tree could split (too few rows or no signal)";
inline constexpr std::string_view kFirstRoundWarning =
    "best iteration 0: validation score never improved after the first round";
inline constexpr std::string_view kWorseThanConstantWarning =
    "worse on validation rows than the training rows' constant";

// The message of a group that ran out of memory (a worker's memory limit, most often).
inline constexpr std::string_view kOutOfMemoryMessage = "out of memory (the worker memory limit)";

struct GroupResult {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  std::uint32_t index = 0;  // the GroupTask's index
  GroupStatus status = GroupStatus::Failed;
  std::string message;
  // Why an `ok` model may not deserve trust ("constant model: ..."), the kGroupWarning phrases
  // joined by "; "; empty when all is well.
  std::string warning;
  int best_iteration = -1;  // 0-based; the model keeps rounds 0..best_iteration
  // On the group's validation rows, in metric_names(kind) order (rmse, mae, r2 for regression);
  // empty unless Ok.
  std::vector<double> scores;
  // For each of task.unlabeled_rows, in that order: the prediction (binary: the positive
  // class's probability), or num_class probabilities (multi-class).
  std::vector<float> predictions;
  std::string model_json;  // XGBoost JSON model, empty unless Ok
  double train_seconds = 0;
  bool interrupted = false;  // stopped by a stop request: not a result, never reported
  // Skipped or failed, and given the pooled model's scores and predictions (--fallback global):
  // metrics.csv says `fallback`. Set after training; never sent over the wire.
  bool fallback = false;
  // Filled by the executor.
  int worker = 0;
  double start_seconds = 0;  // since the run started
  double end_seconds = 0;
  double cpu_seconds = 0;
};

// Boosting rounds the group's training ran: early stopping ends it `early_stopping_rounds`
// after its best round, at most `rounds`; 0 unless Ok. What its time paid for, where the plan's
// cost assumed every round.
int rounds_trained(const GroupResult& result, int rounds, int early_stopping_rounds);

// The one conversion of an exception into a group's failure: call inside a catch block; the
// exception being handled becomes a Failed result for task `index` (std::bad_alloc as
// kOutOfMemoryMessage, typed rather than found by searching a message).
GroupResult failure_of_current_exception(std::uint32_t index);

}  // namespace groupfit
