// Tuning as tasks: every (group, candidate, fold) becomes a GroupTask that trains on the group's
// other folds and scores on its own, so a giant group's candidates and folds run side by side on
// any executor like any other tasks; then each group's winner is the candidate with the lowest
// mean fold score (the objective's primary metric, all smaller-is-better), ties to the earlier.
//
// Folds: the i-th of a group's training rows (in their order in the task) goes to fold i mod K:
// deterministic, and simple to redo in another language (bench/reference). A fold validates at
// least kMinFoldRows rows: a group with fewer training rows than K of them gets fewer folds, and
// one with fewer than 2 folds' worth keeps the run's parameters; its `warning` says which.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plan/group_task.hpp"
#include "plan/search_space.hpp"
#include "train/group_result.hpp"

namespace groupfit {

inline constexpr std::size_t kMinFoldRows = 10;

struct CvTaskRef {
  std::size_t group = 0;  // index into the groups' tasks
  std::size_t candidate = 0;
  int fold = 0;
};

struct CvPlan {
  std::vector<GroupTask> tasks;    // tasks[i].index == i
  std::vector<CvTaskRef> refs;     // what each task is
  std::vector<int> folds;          // per group: the folds it uses; 0: not tuned
  std::vector<std::string> notes;  // per group: why fewer folds or none; empty when all is well
};

CvPlan plan_cv(const std::vector<GroupTask>& groups, const std::vector<Candidate>& candidates,
               int folds);

struct TuningOutcome {
  // Per group: the chosen candidate, or -1 (not tuned, or every candidate failed a fold).
  std::vector<int> chosen;
  std::vector<std::string> notes;  // per group, for its warning
  // Per group and candidate: each fold's score and best iteration (NaN / -1 where it failed).
  std::vector<std::vector<std::vector<double>>> fold_scores;
  std::vector<std::vector<std::vector<int>>> fold_best_iterations;
};

// `results[i]` is cv.tasks[i]'s; `metric` the index of the compared score.
TuningOutcome choose_candidates(const CvPlan& cv, std::size_t candidates,
                                const std::vector<GroupResult>& results, std::size_t metric);

}  // namespace groupfit
