// train_group: see group_trainer.hpp. Early stopping is written here because XGBoost's C API
// has none: boost one round at a time, read the validation metric, keep the best round, stop
// after `early_stopping_rounds` rounds without a strict improvement (the rule of the Python
// package's EarlyStopping callback, so the reference in bench/ stops at the same round), then
// slice the model to its best rounds. Each model starts from its group's constant
// (train/constant_model.hpp) unless the user set base_score, and is compared with that constant
// on the validation rows, so an `ok` that does not deserve trust carries a warning.
#include "train/group_trainer.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "train/constant_model.hpp"
#include "train/metric_name_guard.hpp"
#include "train/metrics.hpp"
#include "train/quantile_matrix.hpp"
#include "train/xgb_handle.hpp"
#include "train/xgb_matrix.hpp"

namespace groupfit {

namespace {

// The metric value in XGBoost's evaluation line "[i]\tvalid-rmse:0.123".
double parse_eval(const char* line) {
  const char* colon = std::strrchr(line, ':');
  if (colon == nullptr) throw XgbError(fmt::format("unexpected evaluation output '{}'", line));
  return std::strtod(colon + 1, nullptr);
}

// Whether any tree of the model splits: XGBoost counts splits per feature ("weight"), and a model
// of leaves only has none.
bool has_split(const Booster& model) {
  bst_ulong n_features = 0, dims = 0;
  const char** names = nullptr;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  GROUPFIT_XGB(XGBoosterFeatureScore(model.get(), R"({"importance_type": "weight"})", &n_features,
                                     &names, &dims, &shape, &scores));
  return n_features > 0;
}

std::string join_warnings(const std::vector<std::string_view>& warnings) {
  std::string out;
  for (std::string_view w : warnings) out += (out.empty() ? "" : "; ") + std::string(w);
  return out;
}

void train_into(GroupResult& result, const GroupTask& task, const MatrixView& data,
                const ModelParams& run_params, const std::atomic<bool>* stop, TrainTiming* timing) {
  // A tuning candidate's (or the group's chosen) parameters replace the run's.
  ModelParams task_params;
  if (!task.booster_params.empty()) {
    task_params.booster = run_params.booster;
    for (const auto& [name, value] : task.booster_params) task_params.booster[name] = value;
    task_params.rounds = run_params.rounds;
    task_params.early_stopping_rounds = run_params.early_stopping_rounds;
    task_params.threads_per_model = run_params.threads_per_model;
  }
  const ModelParams& params = task.booster_params.empty() ? run_params : task_params;
  GROUPFIT_XGB(XGBSetGlobalConfig(R"({"verbosity": 0})"));  // per thread in XGBoost 1.7
  const auto found = find_objective(params.booster.at("objective"));
  if (!found) throw XgbError("unsupported objective " + params.booster.at("objective"));
  const ObjectiveInfo& objective = *found;
  const auto num_class_param = params.booster.find("num_class");
  const int num_class =
      num_class_param == params.booster.end() ? 1 : std::stoi(num_class_param->second);
  const auto huber = params.booster.find("huber_slope");
  const double huber_slope = huber == params.booster.end() ? 1.0 : std::stod(huber->second);

  const int threads = task.threads > 0 ? task.threads : params.threads_per_model;
  const auto max_bin = params.booster.find("max_bin");
  RowBlock train_block = gather(data, task.train_rows, true);
  RowBlock valid_block = gather(data, task.valid_rows, true);
  const DMatrix train = make_training_matrix(
      data, train_block, task.train_rows.size(),
      max_bin == params.booster.end() ? kDefaultMaxBin : std::stoi(max_bin->second), threads);
  const DMatrix valid = make_dmatrix(data, valid_block, task.valid_rows.size());
  // XGBoost holds its own copy of the values now; the labels and weights are still needed.
  std::vector<float>().swap(train_block.values);
  std::vector<float>().swap(valid_block.values);
  const ConstantModel constant =
      constant_model(objective, train_block.labels, train_block.weights, num_class, huber_slope);

  Booster booster;
  DMatrixHandle cache[] = {train.get(), valid.get()};
  GROUPFIT_XGB(XGBoosterCreate(cache, 2, booster.out()));
  for (const auto& [name, value] : params.booster) {
    GROUPFIT_XGB(XGBoosterSetParam(booster.get(), name.c_str(), value.c_str()));
  }
  if (!params.booster.count("base_score") && constant.base_score) {
    const std::string base = fmt::format("{}", *constant.base_score);
    GROUPFIT_XGB(XGBoosterSetParam(booster.get(), "base_score", base.c_str()));
  }
  const std::string nthread = std::to_string(threads);
  GROUPFIT_XGB(XGBoosterSetParam(booster.get(), "nthread", nthread.c_str()));

  const MetricNameGuard metric_name(params.booster.at("eval_metric"));
  DMatrixHandle eval_sets[] = {valid.get()};
  const char* eval_names[] = {"valid"};
  const double sign = metric_maximized(params.booster.at("eval_metric")) ? -1 : 1;
  double best = std::numeric_limits<double>::infinity();
  int best_round = 0;
  auto round_start = std::chrono::steady_clock::now();
  for (int round = 0; round < params.rounds; ++round) {
    if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
      result.interrupted = true;
      return;
    }
    {
      // The first update configures the booster, which names its metrics.
      const auto lock = round == 0 ? metric_name.lock() : std::unique_lock<std::mutex>();
      GROUPFIT_XGB(XGBoosterUpdateOneIter(booster.get(), round, train.get()));
    }
    double score = 0;
    {
      const auto lock = metric_name.lock();
      const char* line = nullptr;
      GROUPFIT_XGB(XGBoosterEvalOneIter(booster.get(), round, eval_sets, eval_names, 1, &line));
      score = sign * parse_eval(line);  // the line lives in XGBoost's per-thread storage
    }
    if (timing != nullptr) {
      const auto now = std::chrono::steady_clock::now();
      timing->round_seconds.push_back(std::chrono::duration<double>(now - round_start).count());
      round_start = now;
    }
    if (score < best) {
      best = score;
      best_round = round;
    } else if (round - best_round >= params.early_stopping_rounds) {
      break;
    }
  }

  Booster model;
  {
    const auto lock = metric_name.lock();  // the slice is configured like a new booster
    GROUPFIT_XGB(XGBoosterSlice(booster.get(), 0, best_round + 1, 1, model.out()));
  }
  const std::vector<float> valid_pred = predict(model, valid, task.valid_rows.size());
  result.scores = score_predictions(objective.kind, valid_pred, valid_block.labels,
                                    valid_block.weights, num_class);
  if (task.score_only) {  // a tuning fold: its score and best round are all that is wanted
    result.best_iteration = best_round;
    result.status = GroupStatus::Ok;
    return;
  }

  std::vector<std::string_view> warnings;
  if (!has_split(model)) {
    warnings.push_back(kConstantModelWarning);
  } else {
    if (best_round == 0) warnings.push_back(kFirstRoundWarning);
    std::vector<float> constant_pred;
    for (std::size_t i = 0; i < task.valid_rows.size(); ++i) {
      constant_pred.insert(constant_pred.end(), constant.prediction.begin(),
                           constant.prediction.end());
    }
    const std::vector<double> baseline = score_predictions(
        objective.kind, constant_pred, valid_block.labels, valid_block.weights, num_class);
    const std::size_t k = primary_metric(objective);
    if (result.scores[k] > baseline[k] * (1 + 1e-9) + 1e-12) {
      warnings.push_back(kWorseThanConstantWarning);
    }
  }
  result.warning = join_warnings(warnings);

  if (!task.unlabeled_rows.empty()) {
    const RowBlock unlabeled_block = gather(data, task.unlabeled_rows, false);
    const DMatrix unlabeled = make_dmatrix(data, unlabeled_block, task.unlabeled_rows.size());
    result.predictions = predict(model, unlabeled, task.unlabeled_rows.size());
  }
  bst_ulong length = 0;
  const char* bytes = nullptr;
  GROUPFIT_XGB(XGBoosterSaveModelToBuffer(model.get(), R"({"format": "json"})", &length, &bytes));
  result.model_json.assign(bytes, length);
  result.best_iteration = best_round;
  if (timing != nullptr) {
    timing->after_rounds_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - round_start).count();
  }
  result.status = GroupStatus::Ok;
}

}  // namespace

GroupResult train_group(const GroupTask& task, const MatrixView& data, const ModelParams& params,
                        const std::atomic<bool>* stop, TrainTiming* timing) {
  GroupResult result;
  result.index = task.index;
  if (!task.trainable()) {
    result.status = GroupStatus::Skipped;
    result.message = task.skip_reason;
    return result;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    train_into(result, task, data, params, stop, timing);
  } catch (...) {
    result = failure_of_current_exception(task.index);
  }
  result.train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace groupfit
