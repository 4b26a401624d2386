// Maps the parameter names users bring (CatBoost's, from the script they port, or XGBoost's) to
// ModelParams, checking each value as it is given (plan/param_checks.hpp) and the whole set in
// validate_params. Unknown names are errors, not warnings: a misspelt `learning_rat` silently
// ignored would cost the user an hour of training with the wrong model. Two spellings of one
// parameter with different values (loss_function RMSE and objective binary:logistic) are an
// error too, rather than one silently winning.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "groupfit/error.hpp"
#include "groupfit/model_params.hpp"
#include "plan/objective.hpp"
#include "plan/param_checks.hpp"
#include "table/closest_names.hpp"

namespace groupfit {
namespace {

// Other spellings (CatBoost's, scikit-learn's) of XGBoost booster parameters.
const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> names = {
      {"depth", "max_depth"},      {"l2_leaf_reg", "lambda"},   {"random_seed", "seed"},
      {"random_state", "seed"},    {"learning_rate", "eta"},    {"reg_lambda", "lambda"},
      {"reg_alpha", "alpha"},      {"min_split_loss", "gamma"}, {"max_leaf_nodes", "max_leaves"},
      {"border_count", "max_bin"},
  };
  return names;
}

// Names handled specially (not stored as booster parameters as they are).
const std::set<std::string>& special_names() {
  static const std::set<std::string> names = {"iterations",    "num_boost_round",
                                              "n_estimators",  "num_rounds",
                                              "thread_count",  "nthread",
                                              "n_jobs",        "loss_function",
                                              "od_wait",       "early_stopping_rounds",
                                              "verbosity",     "verbose",
                                              "logging_level", "min_data_in_leaf",
                                              "num_class",     "quantile_alpha"};
  return names;
}

std::vector<std::string> accepted_names() {
  std::vector<std::string> all = checked_param_names();
  for (const auto& [name, _] : aliases()) all.push_back(name);
  all.insert(all.end(), special_names().begin(), special_names().end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  all.erase(std::remove(all.begin(), all.end(), "quantile_alpha"), all.end());
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

// Sets booster parameter `key` to `value`, which the user gave as `name`=`given`.
void set_booster(ModelParams& params, const std::string& key, const std::string& value,
                 const std::string& name, const std::string& given) {
  const std::string spelled = fmt::format("{}={}", name, given);
  if (auto it = params.given.find(key); it != params.given.end()) {
    const std::string earlier_name = it->second.substr(0, it->second.find('='));
    if (earlier_name != name && params.booster[key] != value) {
      throw InputError(
          fmt::format("parameters '{}' and '{}' disagree (both set {}): give one of them",
                      it->second, spelled, key));
    }
  }
  params.booster[key] = value;
  params.given[key] = spelled;
}

// CatBoost loss names -> XGBoost objective (and what the loss's own options set).
void apply_loss(ModelParams& params, const std::string& value) {
  const std::string name = "loss_function";
  const std::string loss = value.substr(0, value.find(':'));
  // "Tweedie:variance_power=1.5", "Huber:delta=2": CatBoost's options after the colon.
  std::string option;
  if (const auto eq = value.find('='); eq != std::string::npos) option = value.substr(eq + 1);
  std::string objective;
  if (loss == "RMSE") {
    objective = "reg:squarederror";
  } else if (loss == "MAE") {
    objective = "reg:absoluteerror";
  } else if (loss == "Poisson") {
    objective = "count:poisson";
  } else if (loss == "Tweedie") {
    objective = "reg:tweedie";
    if (option.empty()) {
      throw InputError(
          "parameter 'loss_function': Tweedie needs its power, as CatBoost does: "
          "'Tweedie:variance_power=1.5'");
    }
    check_param_value("tweedie_variance_power", "loss_function variance_power", option);
    set_booster(params, "tweedie_variance_power", option, name, value);
  } else if (loss == "Huber") {
    objective = "reg:pseudohubererror";
    if (!option.empty()) {
      check_param_value("huber_slope", "loss_function delta", option);
      set_booster(params, "huber_slope", option, name, value);
    }
  } else if (loss == "Logloss" || loss == "CrossEntropy") {
    objective = "binary:logistic";
  } else if (loss == "MultiClass") {
    objective = "multi:softprob";
  } else {
    const bool quantile = loss == "Quantile" || loss == "Expectile" || loss == "LogLinQuantile";
    throw InputError(fmt::format(
        "parameter 'loss_function': '{}' is not supported{}; supported: RMSE, MAE, Poisson, "
        "Tweedie:variance_power=P, Huber:delta=D, Logloss, CrossEntropy, MultiClass",
        value, quantile ? " (quantile regression needs XGBoost 2.0; groupfit uses 1.7)" : ""));
  }
  set_booster(params, "objective", objective, name, value);
}

// CatBoost metric names -> XGBoost's.
std::string xgboost_metric(const std::string& value) {
  static const std::map<std::string, std::string> names = {
      {"RMSE", "rmse"},
      {"MAE", "mae"},
      {"MAPE", "mape"},
      {"Logloss", "logloss"},
      {"AUC", "auc"},
      {"MultiClass", "mlogloss"},
      {"Poisson", "poisson-nloglik"},
  };
  const auto it = names.find(value);
  return it == names.end() ? value : it->second;
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
  } else if (name == "loss_function") {
    apply_loss(params, value);
  } else if (name == "eval_metric") {
    const std::string metric = xgboost_metric(value);
    check_param_value("eval_metric", name, metric);
    set_booster(params, "eval_metric", metric, name, value);
  } else if (name == "objective") {
    const std::string objective = value == "multi:softmax" ? "multi:softprob" : value;
    check_param_value("objective", name, objective);
    set_booster(params, "objective", objective, name, value);
  } else if (name == "verbosity" || name == "verbose" || name == "logging_level") {
    // Logging is groupfit's business; accepted so that ported parameter files load.
  } else if (name == "min_data_in_leaf") {
    parse_int(name, value, 1);
    params.notes.push_back(fmt::format(
        "parameter 'min_data_in_leaf={}' has no effect: CatBoost ignores it with its default "
        "symmetric trees, and groupfit follows that; to require a minimum leaf size, set "
        "min_child_weight (a sum of hessians: rows, for squared error)",
        value));
  } else if (name == "num_class") {
    throw InputError(
        "parameter 'num_class' is not needed: the classes are the target's distinct values");
  } else if (name == "quantile_alpha") {
    throw InputError(
        "parameter 'quantile_alpha': quantile regression needs XGBoost 2.0; groupfit uses 1.7");
  } else if (name == "tree_method" && value != "hist") {
    throw InputError(
        fmt::format("parameter 'tree_method': groupfit uses 'hist' only (categorical features and "
                    "thread-count-independent results need it), got '{}'",
                    value));
  } else {
    const auto alias = aliases().find(name);
    const std::string key = alias != aliases().end() ? alias->second : name;
    const std::vector<std::string> known = checked_param_names();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      auto near = closest_names(name, accepted_names());
      std::string hint = near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near.front());
      throw InputError(fmt::format("unknown parameter '{}'{}; accepted: {}", name, hint,
                                   fmt::join(accepted_names(), ", ")));
    }
    check_param_value(key, name, value);
    set_booster(params, key, value, name, value);
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

void validate_params(ModelParams& params) {
  for (const auto& [key, value] : params.booster) {
    const auto given = params.given.find(key);
    const std::string name =
        given == params.given.end() ? key : given->second.substr(0, given->second.find('='));
    check_param_value(key, name, value);
  }
  const std::string& objective_name = params.booster.at("objective");
  const ObjectiveInfo objective = *find_objective(objective_name);
  if (!params.given.count("eval_metric")) {
    std::string metric(objective.default_metric);
    if (objective.name == "reg:tweedie") {
      const auto power = params.booster.find("tweedie_variance_power");
      metric += "@" + (power == params.booster.end() ? std::string("1.5") : power->second);
    }
    params.booster["eval_metric"] = metric;
  } else if (!metric_accepted(params.booster.at("eval_metric"), objective.kind)) {
    throw InputError(
        fmt::format("parameter 'eval_metric': '{}' does not measure objective {}; accepted: {}",
                    params.booster.at("eval_metric"), objective_name,
                    fmt::join(accepted_metrics(objective.kind), ", ")));
  }
  if (const auto base = params.booster.find("base_score"); base != params.booster.end()) {
    const double value = std::stod(base->second);
    const bool ok = objective.kind == TaskKind::Binary ? value > 0 && value < 1
                    : objective.log_link               ? value > 0
                                                       : true;
    if (!ok) {
      throw InputError(fmt::format(
          "parameter 'base_score': objective {} needs {}, got '{}'", objective_name,
          objective.kind == TaskKind::Binary ? "a probability in (0, 1)" : "a number > 0",
          base->second));
    }
  }
  const auto depth = params.booster.find("max_depth");
  const auto policy = params.booster.find("grow_policy");
  if (depth != params.booster.end() && depth->second == "0" &&
      (policy == params.booster.end() || policy->second != "lossguide")) {
    throw InputError(
        "parameter 'max_depth': 0 (no limit) needs grow_policy=lossguide and max_leaves");
  }
}

}  // namespace groupfit
