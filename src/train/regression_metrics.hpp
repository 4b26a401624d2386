// RMSE, MAE and R^2 of predictions against labels, accumulated in double. Computed here rather
// than read from XGBoost's evaluation string so the reported numbers do not depend on its text
// formatting, and R^2 (which XGBoost does not offer) comes from the same pass.
#pragma once

#include <span>

namespace groupfit {

struct RegressionMetrics {
  double rmse;
  double mae;
  double r2;  // NaN when the labels are all equal
};

// Sizes must match and be non-zero.
RegressionMetrics regression_metrics(std::span<const float> predictions,
                                     std::span<const float> labels);

}  // namespace groupfit
