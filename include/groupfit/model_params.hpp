// The hyperparameters of every group's model. Defaults are the reference workload's CatBoost
// parameters (depth 7, learning_rate 0.03, iterations 8000, l2_leaf_reg 10, RMSE) expressed in
// XGBoost's terms, translated so that they do what CatBoost did: CatBoost's min_data_in_leaf 32
// has no effect on its default symmetric trees, so it sets nothing here (XGBoost's
// min_child_weight stays 1), and each model starts from its group's own constant (the mean for
// squared error) as CatBoost's boost_from_average does, not from XGBoost 1.7's 0.5.
// Names are mapped from CatBoost or XGBoost spellings by apply_param (src/plan/param_names.cpp);
// every value is checked when it is given and again, as a whole, by validate_params.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace groupfit {

struct ModelParams {
  int rounds = 8000;                // CatBoost iterations
  int early_stopping_rounds = 100;  // CatBoost od_wait
  int threads_per_model = 1;        // CatBoost thread_count, XGBoost nthread
  // Passed to XGBoost as they are (XGBoosterSetParam), in key order. base_score, when absent,
  // is computed for each group from its training rows; num_class is set from the target.
  std::map<std::string, std::string> booster = {
      {"objective", "reg:squarederror"},
      {"eval_metric", "rmse"},
      {"tree_method", "hist"},
      {"max_depth", "7"},
      {"eta", "0.03"},
      {"lambda", "10"},
      {"seed", "0"},
  };
  // How the user spelled each booster parameter they set ("loss_function=RMSE"), so that two
  // spellings of one parameter with different values are refused rather than one silently
  // winning. Not sent to workers.
  std::map<std::string, std::string> given;
  // Notes for the user about what they gave (a parameter accepted but without effect).
  std::vector<std::string> notes;
};

// Sets one parameter given by its CatBoost or XGBoost name; throws InputError for an unknown
// name (listing the accepted ones) or a value that does not fit it (naming the accepted ones).
void apply_param(ModelParams& params, const std::string& name, const std::string& value);

// Applies every "name": value pair of a JSON object read from `path` (numbers, strings, bools).
void apply_params_file(ModelParams& params, const std::string& path);

// Checks the parameters as a whole (objective against metric, base_score against objective,
// max_depth 0 without lossguide, ...) and fills what follows from others (the default
// eval_metric of the objective). Throws InputError naming the parameter and what is accepted.
void validate_params(ModelParams& params);

}  // namespace groupfit
