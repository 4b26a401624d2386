// The outcome of one group, a plain value: status, metrics, predictions and the model's bytes.
// A failure is a value too, so one group never aborts a run. Executors fill in where and when
// it ran; everything else comes from train_group.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

enum class GroupStatus { Ok, Skipped, Failed };

std::string_view to_string(GroupStatus status);

struct GroupResult {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  std::uint32_t index = 0;  // the GroupTask's index
  GroupStatus status = GroupStatus::Failed;
  std::string message;
  int best_iteration = -1;  // 0-based; the model keeps rounds 0..best_iteration
  double rmse = kNaN;       // on the group's validation rows
  double mae = kNaN;
  double r2 = kNaN;
  std::vector<float> predictions;  // one per task.unlabeled_rows, in that order
  std::string model_json;          // XGBoost JSON model, empty unless Ok
  double train_seconds = 0;
  bool interrupted = false;  // stopped by a stop request: not a result, never reported
  // Filled by the executor.
  int worker = 0;
  double start_seconds = 0;  // since the run started
  double end_seconds = 0;
  double cpu_seconds = 0;
};

}  // namespace groupfit
