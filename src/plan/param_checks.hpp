// Checks of XGBoost parameter values, before anything runs. XGBoost itself checks some values
// only when a model is first trained (so a bad one failed every group, after the input was read
// and the output folder touched) and lets others through (a NaN learning rate trains models that
// predict NaN); here each parameter has its type and range, and messages name the parameter,
// the value and what is accepted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

// The XGBoost booster parameters groupfit passes through, sorted.
std::vector<std::string> checked_param_names();

// Throws InputError when `value` does not fit XGBoost parameter `key`, which the user gave as
// `name` (the CatBoost or XGBoost spelling, for the message). `key` must be one of
// checked_param_names().
void check_param_value(std::string_view key, const std::string& name, const std::string& value);

}  // namespace groupfit
