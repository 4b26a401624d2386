// Maps the parameter names users bring (CatBoost's, from the script they port, or XGBoost's) to
// ModelParams. Unknown names are errors, not warnings: a misspelt `learning_rat` silently
// ignored would cost the user an hour of training with the wrong model.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "groupfit/error.hpp"
#include "groupfit/model_params.hpp"
#include "table/closest_names.hpp"

namespace groupfit {
namespace {

// CatBoost names and the XGBoost parameter each becomes.
const std::map<std::string, std::string>& catboost_names() {
  static const std::map<std::string, std::string> names = {
      {"depth", "max_depth"},
      {"l2_leaf_reg", "lambda"},
      {"min_data_in_leaf", "min_child_weight"},
      {"random_seed", "seed"},
  };
  return names;
}

// XGBoost booster parameters passed through unchanged (tree booster, regression).
const std::set<std::string>& xgboost_names() {
  static const std::set<std::string> names = {"eta",
                                              "gamma",
                                              "max_depth",
                                              "min_child_weight",
                                              "max_delta_step",
                                              "subsample",
                                              "sampling_method",
                                              "colsample_bytree",
                                              "colsample_bylevel",
                                              "colsample_bynode",
                                              "lambda",
                                              "alpha",
                                              "tree_method",
                                              "max_bin",
                                              "max_leaves",
                                              "grow_policy",
                                              "num_parallel_tree",
                                              "max_cat_to_onehot",
                                              "max_cat_threshold",
                                              "objective",
                                              "eval_metric",
                                              "base_score",
                                              "seed",
                                              "monotone_constraints",
                                              "interaction_constraints",
                                              "huber_slope",
                                              "quantile_alpha",
                                              "tweedie_variance_power"};
  return names;
}

// Names handled specially (not stored as booster parameters as they are).
const std::set<std::string>& special_names() {
  static const std::set<std::string> names = {
      "iterations",    "num_boost_round", "n_estimators",          "num_rounds", "learning_rate",
      "reg_lambda",    "reg_alpha",       "thread_count",          "nthread",    "n_jobs",
      "loss_function", "od_wait",         "early_stopping_rounds", "verbosity",  "verbose",
      "logging_level"};
  return names;
}

std::vector<std::string> accepted_names() {
  std::vector<std::string> all(xgboost_names().begin(), xgboost_names().end());
  for (const auto& [name, _] : catboost_names()) all.push_back(name);
  all.insert(all.end(), special_names().begin(), special_names().end());
  std::sort(all.begin(), all.end());
  return all;
}

int parse_int(const std::string& name, const std::string& value, int min_value) {
  int out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size() || out < min_value) {
    throw InputError(
        fmt::format("parameter '{}': expected an integer >= {}, got '{}'", name, min_value, value));
  }
  return out;
}

void check_number(const std::string& name, const std::string& value) {
  double out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size()) {
    throw InputError(fmt::format("parameter '{}': expected a number, got '{}'", name, value));
  }
}

// CatBoost loss names -> XGBoost objective and the metric early stopping watches.
void apply_loss(ModelParams& params, const std::string& value) {
  if (value == "RMSE") {
    params.booster["objective"] = "reg:squarederror";
    params.booster["eval_metric"] = "rmse";
  } else if (value == "MAE") {
    params.booster["objective"] = "reg:absoluteerror";
    params.booster["eval_metric"] = "mae";
  } else {
    throw InputError(fmt::format(
        "parameter 'loss_function': supported values are RMSE and MAE, got '{}'", value));
  }
}

}  // namespace

void apply_param(ModelParams& params, const std::string& name, const std::string& value) {
  if (name == "iterations" || name == "num_boost_round" || name == "n_estimators" ||
      name == "num_rounds") {
    params.rounds = parse_int(name, value, 1);
  } else if (name == "od_wait" || name == "early_stopping_rounds") {
    params.early_stopping_rounds = parse_int(name, value, 1);
  } else if (name == "thread_count" || name == "nthread" || name == "n_jobs") {
    params.threads_per_model = parse_int(name, value, 1);
  } else if (name == "learning_rate" || name == "eta") {
    check_number(name, value);
    params.booster["eta"] = value;
  } else if (name == "reg_lambda" || name == "reg_alpha") {
    check_number(name, value);
    params.booster[name == "reg_lambda" ? "lambda" : "alpha"] = value;
  } else if (name == "loss_function") {
    apply_loss(params, value);
  } else if (name == "eval_metric" && (value == "RMSE" || value == "MAE")) {
    params.booster["eval_metric"] = value == "RMSE" ? "rmse" : "mae";
  } else if (name == "verbosity" || name == "verbose" || name == "logging_level") {
    // Logging is groupfit's business; accepted so that ported parameter files load.
  } else if (name == "tree_method") {
    if (value != "hist") {
      throw InputError(fmt::format(
          "parameter 'tree_method': groupfit uses 'hist' only (categorical features and "
          "thread-count-independent results need it), got '{}'",
          value));
    }
  } else if (auto cb = catboost_names().find(name); cb != catboost_names().end()) {
    check_number(name, value);
    params.booster[cb->second] = value;
  } else if (xgboost_names().count(name)) {
    params.booster[name] = value;
  } else {
    auto near = closest_names(name, accepted_names());
    std::string hint = near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near.front());
    throw InputError(fmt::format("unknown parameter '{}'{}; accepted: {}", name, hint,
                                 fmt::join(accepted_names(), ", ")));
  }
}

void apply_params_file(ModelParams& params, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("cannot open parameter file '{}'", path));
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(fmt::format("{}: not valid JSON (byte {})", path, e.byte));
  } catch (const nlohmann::json::exception& e) {
    // Not every bad document is a parse_error: a number beyond a double's range (1e999) is an
    // out_of_range. Its message, past nlohmann's "[json.exception...] " prefix, names the number.
    const std::string_view what = e.what();
    const auto text = what.find("] ");
    throw InputError(fmt::format("{}: not valid JSON ({})", path,
                                 text == std::string_view::npos ? what : what.substr(text + 2)));
  }
  if (!doc.is_object())
    throw InputError(fmt::format("{}: expected a JSON object of parameters", path));
  for (const auto& [name, value] : doc.items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_number_integer()) {
      text = std::to_string(value.get<long long>());
    } else if (value.is_number()) {
      text = fmt::format("{}", value.get<double>());
    } else if (value.is_boolean()) {
      text = value.get<bool>() ? "true" : "false";
    } else {
      throw InputError(
          fmt::format("{}: parameter '{}' must be a number, string or bool", path, name));
    }
    apply_param(params, name, text);
  }
}

}  // namespace groupfit
