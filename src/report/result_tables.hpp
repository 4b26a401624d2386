// metrics.csv and predictions.csv: the two tables a user opens first. Groups appear in sorted
// key order whatever order they finished in, and numbers are written in shortest round-trip
// form, so two runs with the same results write the same bytes (the timing column aside).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "plan/group_task.hpp"
#include "report/prediction_columns.hpp"
#include "report/prediction_ids.hpp"
#include "train/group_result.hpp"

namespace groupfit {

// With tuning: the searched parameters' names (as the user spelled them) and, per group, the
// values chosen for it (empty: not tuned, the run's parameters).
struct ChosenParams {
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> values;
};

// `results[i]` belongs to `tasks[i]`. After best_iteration come the chosen values of the
// searched parameters, if any, then metric_names(kind)'s columns; `warning` (last) is empty for
// a model that deserves its `ok`.
void write_metrics_csv(const std::filesystem::path& path, TaskKind kind,
                       const std::vector<GroupTask>& tasks, const std::vector<GroupResult>& results,
                       const ChosenParams& chosen = {});

// One line per unlabeled row: id, group, then `columns` (empty for a group without a model).
// Without an id column (`ids` empty) the id is `row`, the data row's number counted from 1 (the
// first row after the header), as messages count "data row N" and `groupfit predict` numbers
// its rows (pandas' 0-based index is row - 1).
void write_predictions_csv(const std::filesystem::path& path, const std::vector<GroupTask>& tasks,
                           const std::vector<GroupResult>& results, const PredictionIds& ids,
                           const PredictionColumns& columns);

}  // namespace groupfit
