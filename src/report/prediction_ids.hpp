// The ids predictions.csv writes: the id column's text for each task's unlabeled rows only.
// Taken from the table once the tasks are planned, so a run holds a few bytes per row to be
// predicted instead of the whole id column while the models train (on the reference workload's
// shape, nine rows in ten have a target: the column was a tenth of a large run's peak memory).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "plan/group_task.hpp"
#include "table/table.hpp"
#include "table/text_rows.hpp"

namespace groupfit {

class PredictionIds {
 public:
  PredictionIds() = default;  // no id column: predictions number their rows instead
  PredictionIds(const Column& id, const std::vector<GroupTask>& tasks);

  bool empty() const { return name_.empty(); }
  const std::string& column_name() const { return name_; }
  // The id of tasks[task].unlabeled_rows[k], as text; empty when the row has none.
  std::string_view of(std::size_t task, std::size_t k) const { return ids_[task][k]; }

 private:
  std::string name_;
  std::vector<TextRows> ids_;  // per task, aligned with its unlabeled_rows
};

}  // namespace groupfit
