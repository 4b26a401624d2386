// train_group: see group_trainer.hpp. Early stopping is written here because XGBoost's C API
// has none: boost one round at a time, read the validation metric, keep the best round, stop
// after `early_stopping_rounds` rounds without a strict improvement (the rule of the Python
// package's EarlyStopping callback, so the reference in bench/ stops at the same round), then
// slice the model to its best rounds.
#include "train/group_trainer.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "train/regression_metrics.hpp"
#include "train/xgb_handle.hpp"
#include "train/xgb_matrix.hpp"

namespace groupfit {

std::string_view to_string(GroupStatus status) {
  switch (status) {
    case GroupStatus::Ok:
      return "ok";
    case GroupStatus::Skipped:
      return "skipped";
    case GroupStatus::Failed:
      return "failed";
  }
  return "failed";
}

namespace {

// The metric value in XGBoost's evaluation line "[i]\tvalid-rmse:0.123".
double parse_eval(const char* line) {
  const char* colon = std::strrchr(line, ':');
  if (colon == nullptr) throw XgbError(fmt::format("unexpected evaluation output '{}'", line));
  return std::strtod(colon + 1, nullptr);
}

void train_into(GroupResult& result, const GroupTask& task, const MatrixView& data,
                const ModelParams& params, const std::atomic<bool>* stop) {
  GROUPFIT_XGB(XGBSetGlobalConfig(R"({"verbosity": 0})"));  // per thread in XGBoost 1.7
  const RowBlock train_block = gather(data, task.train_rows, true);
  const RowBlock valid_block = gather(data, task.valid_rows, true);
  const DMatrix train = make_dmatrix(data, train_block, task.train_rows.size());
  const DMatrix valid = make_dmatrix(data, valid_block, task.valid_rows.size());

  Booster booster;
  DMatrixHandle cache[] = {train.get(), valid.get()};
  GROUPFIT_XGB(XGBoosterCreate(cache, 2, booster.out()));
  for (const auto& [name, value] : params.booster) {
    GROUPFIT_XGB(XGBoosterSetParam(booster.get(), name.c_str(), value.c_str()));
  }
  const std::string nthread =
      std::to_string(task.threads > 0 ? task.threads : params.threads_per_model);
  GROUPFIT_XGB(XGBoosterSetParam(booster.get(), "nthread", nthread.c_str()));

  DMatrixHandle eval_sets[] = {valid.get()};
  const char* eval_names[] = {"valid"};
  double best = std::numeric_limits<double>::infinity();
  int best_round = 0;
  for (int round = 0; round < params.rounds; ++round) {
    if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
      result.interrupted = true;
      return;
    }
    GROUPFIT_XGB(XGBoosterUpdateOneIter(booster.get(), round, train.get()));
    const char* line = nullptr;
    GROUPFIT_XGB(XGBoosterEvalOneIter(booster.get(), round, eval_sets, eval_names, 1, &line));
    const double score = parse_eval(line);
    if (score < best) {
      best = score;
      best_round = round;
    } else if (round - best_round >= params.early_stopping_rounds) {
      break;
    }
  }

  Booster model;
  GROUPFIT_XGB(XGBoosterSlice(booster.get(), 0, best_round + 1, 1, model.out()));
  const std::vector<float> valid_pred = predict(model, valid, task.valid_rows.size());
  const RegressionMetrics metrics = regression_metrics(valid_pred, valid_block.labels);

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
  result.rmse = metrics.rmse;
  result.mae = metrics.mae;
  result.r2 = metrics.r2;
  result.status = GroupStatus::Ok;
}

}  // namespace

GroupResult train_group(const GroupTask& task, const MatrixView& data, const ModelParams& params,
                        const std::atomic<bool>* stop) {
  GroupResult result;
  result.index = task.index;
  if (!task.trainable()) {
    result.status = GroupStatus::Skipped;
    result.message = task.skip_reason;
    return result;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    train_into(result, task, data, params, stop);
  } catch (const std::exception& e) {
    result = GroupResult{};
    result.index = task.index;
    result.status = GroupStatus::Failed;
    result.message = e.what();
  }
  result.train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace groupfit
