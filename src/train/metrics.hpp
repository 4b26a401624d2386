// The metrics reported for a group's validation rows, by kind of task (plan/objective.hpp):
// regression rmse, mae, r2; binary logloss, auc, accuracy; multi-class mlogloss, accuracy —
// weighted when the run has sample weights. Computed here rather than read from XGBoost's
// evaluation string, so the reported numbers do not depend on its text formatting and metrics
// XGBoost does not offer (r2, accuracy) come from the same pass.
#pragma once

#include <span>
#include <vector>

#include "plan/objective.hpp"

namespace groupfit {

// `predictions` holds one value per row (regression: the prediction; binary: the probability of
// the positive class) or, for multi-class, `num_class` probabilities per row. `labels` are
// values or class indices; `weights` is empty (all 1) or one per row. Values are in
// metric_names(kind)'s order; NaN where a metric is undefined (r2 of a constant target, auc of
// one class). Sizes must match and be non-zero.
std::vector<double> score_predictions(TaskKind kind, std::span<const float> predictions,
                                      std::span<const float> labels, std::span<const float> weights,
                                      int num_class);

}  // namespace groupfit
