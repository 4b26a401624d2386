// XGBoost's error text made fit for a one-line message. XGBGetLastError() returns something like
// "[23:50:01] ../src/objective/regression_obj.cu:97: label must be in [0,1] for logistic
// regression\nStack trace:\n  [bt] (0) /lib/x86_64-linux-gnu/libxgboost.so(+0x8f2d3) ...": a
// timestamp, a source path and memory addresses, over many lines. Written into metrics.csv as
// it was, two identical runs wrote different bytes; this keeps the one line that says what was
// wrong.
#pragma once

#include <string>
#include <string_view>

namespace groupfit {

// The first line of `text`, without a leading "[hh:mm:ss] " and "path/file.cc:123: ".
std::string clean_xgboost_message(std::string_view text);

}  // namespace groupfit
