// The hyperparameters of every group's model. Defaults are the reference workload's
// (CatBoost depth 7, learning_rate 0.03, iterations 8000, l2_leaf_reg 10, min_data_in_leaf 32,
// RMSE) expressed in XGBoost's terms. Names are mapped from CatBoost or XGBoost spellings by
// apply_param (src/plan/param_names.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace groupfit {

struct ModelParams {
  int rounds = 8000;                // CatBoost iterations
  int early_stopping_rounds = 100;  // CatBoost od_wait
  int threads_per_model = 1;        // CatBoost thread_count, XGBoost nthread
  // Passed to XGBoost as they are (XGBoosterSetParam), in key order.
  std::map<std::string, std::string> booster = {
      {"objective", "reg:squarederror"},
      {"eval_metric", "rmse"},
      {"tree_method", "hist"},
      {"max_depth", "7"},
      {"eta", "0.03"},
      {"lambda", "10"},
      {"min_child_weight", "32"},
      {"seed", "0"},
  };
};

// Sets one parameter given by its CatBoost or XGBoost name; throws InputError for an unknown
// name (listing the accepted ones) or a value that does not fit it.
void apply_param(ModelParams& params, const std::string& name, const std::string& value);

// Applies every "name": value pair of a JSON object read from `path` (numbers, strings, bools).
void apply_params_file(ModelParams& params, const std::string& path);

}  // namespace groupfit
