// regression_metrics: see regression_metrics.hpp.
#include "train/regression_metrics.hpp"

#include <cmath>
#include <limits>

namespace groupfit {

RegressionMetrics regression_metrics(std::span<const float> predictions,
                                     std::span<const float> labels) {
  const double n = static_cast<double>(labels.size());
  double mean = 0;
  for (float y : labels) mean += y;
  mean /= n;
  double sq = 0, abs = 0, total = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double err = static_cast<double>(predictions[i]) - labels[i];
    sq += err * err;
    abs += std::fabs(err);
    total += (labels[i] - mean) * (labels[i] - mean);
  }
  RegressionMetrics m;
  m.rmse = std::sqrt(sq / n);
  m.mae = abs / n;
  m.r2 = total > 0 ? 1.0 - sq / total : std::numeric_limits<double>::quiet_NaN();
  return m;
}

}  // namespace groupfit
