// XGBoost's error text becomes one line without timestamp, source location or stack trace.
#include "train/xgb_message.hpp"

#include <gtest/gtest.h>

namespace groupfit {
namespace {

TEST(XgbMessage, KeepsOnlyWhatWasWrong) {
  EXPECT_EQ(clean_xgboost_message(
                "[23:50:01] ../src/objective/regression_obj.cu:97: label must be in [0,1] for "
                "logistic regression\nStack trace:\n  [bt] (0) /lib/libxgboost.so(+0x8f2d3) "
                "[0x7f3a2c48f2d3]\n"),
            "label must be in [0,1] for logistic regression");
  EXPECT_EQ(clean_xgboost_message("Invalid Input: 'abc', valid values are: {depthwise}"),
            "Invalid Input: 'abc', valid values are: {depthwise}");
  EXPECT_EQ(clean_xgboost_message("[bad] message: 12: x"), "[bad] message: 12: x");
  EXPECT_EQ(clean_xgboost_message("\nStack trace"), "XGBoost failed without a message");
}

}  // namespace
}  // namespace groupfit
