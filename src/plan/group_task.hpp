// A GroupTask is everything needed to train one group, apart from the shared matrix and the
// hyperparameters: which rows train, which validate, which are scored. Tasks are plain values
// so that any executor (a loop, threads, worker processes, later other machines) can carry them.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "plan/grouping.hpp"

namespace groupfit {

struct GroupTask {
  std::uint32_t index = 0;  // position in the sorted list of groups
  GroupKey key;
  std::uint64_t rows = 0;  // all rows of the group, labeled or not
  std::vector<std::uint32_t> train_rows;
  std::vector<std::uint32_t> valid_rows;
  std::vector<std::uint32_t> unlabeled_rows;
  std::string skip_reason;  // not empty: the group is reported `skipped`, not trained
  double cost = 0;          // expected work: labeled rows x rounds, or auto's calibrated seconds
  int threads = 0;          // XGBoost threads for this group; 0: the run's threads per model
  // Booster parameters that replace the run's for this task: a tuning candidate's, or the one
  // chosen for the group (plan/search_space.hpp). Empty: the run's parameters.
  std::map<std::string, std::string> booster_params;
  // A tuning fold: only the validation scores and best round are wanted, no model, no
  // predictions (plan/cv_plan.hpp).
  bool score_only = false;

  bool trainable() const { return skip_reason.empty(); }
};

struct TaskOptions {
  double valid_fraction = 0.2;
  std::uint64_t seed = 0;
  std::size_t min_rows = 20;  // fewer labeled rows than this: skipped
  int rounds = 8000;
};

// One task per group, in the groups' (sorted) order. `labels` has a NaN for each unlabeled row.
std::vector<GroupTask> plan_tasks(const std::vector<Group>& groups, std::span<const float> labels,
                                  const TaskOptions& options);

// Indices into `tasks` of the trainable ones, largest expected cost first (ties by index), the
// order that keeps a long group from starting last.
std::vector<std::size_t> largest_first(const std::vector<GroupTask>& tasks);

}  // namespace groupfit
