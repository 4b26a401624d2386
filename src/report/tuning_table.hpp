// tuning.csv: every candidate of every tuned group with its fold scores, their mean and each
// fold's best iteration, so a user can see how clear each group's choice was. Groups in sorted
// key order, candidates in grid order; same results, same bytes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "plan/cv_plan.hpp"
#include "plan/group_task.hpp"
#include "plan/search_space.hpp"

namespace groupfit {

// `metric` names the compared score (rmse, mae, logloss, mlogloss); `folds` is the run's K.
void write_tuning_csv(const std::filesystem::path& path, const std::vector<GroupTask>& tasks,
                      const std::vector<SearchDimension>& space,
                      const std::vector<Candidate>& candidates, const TuningOutcome& outcome,
                      const std::string& metric, int folds);

}  // namespace groupfit
