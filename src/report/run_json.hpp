// run.json: how a run was configured and how it went — the full configuration, the versions of
// groupfit and XGBoost, the cores it saw, per-group timings and the total wall time — so a
// result can be traced back to what made it. `config_hash` covers exactly the settings that
// change results (not the executor, workers or output folder), so two runs with equal hashes
// must produce equal outputs.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "groupfit/groupfit.hpp"
#include "plan/group_task.hpp"
#include "train/group_result.hpp"

namespace groupfit {

std::string config_hash(const TrainConfig& config);

struct RunTimings {
  double read_seconds = 0;
  double plan_seconds = 0;
  double train_seconds = 0;
  double write_seconds = 0;
  double wall_seconds = 0;
  unsigned cores = 0;
  unsigned workers = 0;
};

// `config` is the run's resolved configuration (parameters validated, num_class set); `classes`
// the classification target's classes (empty for regression).
void write_run_json(const std::filesystem::path& path, const TrainConfig& config,
                    const std::vector<GroupTask>& tasks, const std::vector<GroupResult>& results,
                    const RunTimings& timings, const nlohmann::json& plan,
                    const std::vector<std::string>& classes);

}  // namespace groupfit
