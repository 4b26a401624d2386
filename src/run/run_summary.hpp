// The per-group summary a training run returns to its caller (the CLI prints it as a table).
#pragma once

#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

TrainReport summarize_run(const std::vector<GroupTask>& tasks,
                          const std::vector<GroupResult>& results);

// One line per kind of model warning the run's groups carry, with how many carry it:
// "37 groups: constant model: no tree could split (too few rows or no signal)".
std::vector<std::string> warning_counts(const std::vector<GroupResult>& results);

}  // namespace groupfit
