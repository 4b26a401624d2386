// The per-group summary a training run returns to its caller (the CLI prints it as a table).
#pragma once

#include <vector>

#include "groupfit/groupfit.hpp"
#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

TrainReport summarize_run(const std::vector<GroupTask>& tasks,
                          const std::vector<GroupResult>& results);

}  // namespace groupfit
