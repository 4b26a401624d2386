// Metrics checked against values computed by hand.
#include "train/regression_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace groupfit {
namespace {

TEST(RegressionMetrics, MatchHandComputedValues) {
  // errors: 1, -1, 2, 0 -> squared 1,1,4,0 (mean 1.5), abs mean 1
  // labels 1,2,3,4: mean 2.5, total sum of squares 5 -> r2 = 1 - 6/5 = -0.2
  const std::vector<float> labels = {1, 2, 3, 4};
  const std::vector<float> predictions = {2, 1, 5, 4};
  const RegressionMetrics m = regression_metrics(predictions, labels);
  EXPECT_DOUBLE_EQ(m.rmse, std::sqrt(1.5));
  EXPECT_DOUBLE_EQ(m.mae, 1.0);
  EXPECT_DOUBLE_EQ(m.r2, -0.2);
}

TEST(RegressionMetrics, PerfectAndConstant) {
  const std::vector<float> labels = {3, 3, 3};
  const RegressionMetrics m = regression_metrics(labels, labels);
  EXPECT_EQ(m.rmse, 0.0);
  EXPECT_TRUE(std::isnan(m.r2));
}

}  // namespace
}  // namespace groupfit
