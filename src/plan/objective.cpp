// The objective table: see objective.hpp. Limited to what XGBoost 1.7's C API trains and what a
// per-group model can be scored on; ranking and survival objectives need query groups or
// censoring columns groupfit does not have, and quantile regression arrived in XGBoost 2.0.
#include "plan/objective.hpp"

#include <array>

namespace groupfit {
namespace {

constexpr std::array<ObjectiveInfo, 9> kObjectives = {{
    {"reg:squarederror", TaskKind::Regression, TargetDomain::Any, "rmse", false},
    {"reg:squaredlogerror", TaskKind::Regression, TargetDomain::AboveMinusOne, "rmsle", false},
    {"reg:pseudohubererror", TaskKind::Regression, TargetDomain::Any, "mphe", false},
    {"reg:absoluteerror", TaskKind::Regression, TargetDomain::Any, "mae", false},
    {"reg:gamma", TaskKind::Regression, TargetDomain::Positive, "gamma-nloglik", true},
    {"reg:tweedie", TaskKind::Regression, TargetDomain::NonNegative, "tweedie-nloglik", true},
    {"count:poisson", TaskKind::Regression, TargetDomain::NonNegative, "poisson-nloglik", true},
    {"binary:logistic", TaskKind::Binary, TargetDomain::Classes, "logloss", false},
    // multi:softmax trains the same trees; apply_param maps it here, so that predictions
    // carry each class's probability beside the class.
    {"multi:softprob", TaskKind::Multiclass, TargetDomain::Classes, "mlogloss", false},
}};

struct MetricInfo {
  std::string_view name;
  TaskKind kind;
  bool maximized;
};

constexpr std::array<MetricInfo, 15> kMetrics = {{
    {"rmse", TaskKind::Regression, false},
    {"rmsle", TaskKind::Regression, false},
    {"mae", TaskKind::Regression, false},
    {"mape", TaskKind::Regression, false},
    {"mphe", TaskKind::Regression, false},
    {"gamma-nloglik", TaskKind::Regression, false},
    {"gamma-deviance", TaskKind::Regression, false},
    {"poisson-nloglik", TaskKind::Regression, false},
    {"tweedie-nloglik", TaskKind::Regression, false},
    {"logloss", TaskKind::Binary, false},
    {"error", TaskKind::Binary, false},
    {"auc", TaskKind::Binary, true},
    {"aucpr", TaskKind::Binary, true},
    {"mlogloss", TaskKind::Multiclass, false},
    {"merror", TaskKind::Multiclass, false},
}};

std::string_view metric_base(std::string_view metric) {
  return metric.substr(0, metric.find('@'));
}

}  // namespace

std::optional<ObjectiveInfo> find_objective(std::string_view name) {
  for (const ObjectiveInfo& o : kObjectives) {
    if (o.name == name) return o;
  }
  return std::nullopt;
}

std::vector<std::string> supported_objectives() {
  std::vector<std::string> names;
  for (const ObjectiveInfo& o : kObjectives) names.emplace_back(o.name);
  return names;
}

std::string refused_objective_reason(std::string_view name) {
  if (name == "reg:quantileerror" || name == "reg:expectileerror") {
    return "quantile regression needs XGBoost 2.0; groupfit trains with XGBoost 1.7";
  }
  if (name.starts_with("rank:")) return "ranking needs query groups, which groupfit does not have";
  if (name.starts_with("survival:")) return "survival objectives need censoring bounds";
  if (name == "reg:linear") return "reg:linear is XGBoost's old name of reg:squarederror";
  if (name == "reg:logistic" || name == "binary:logitraw" || name == "binary:hinge") {
    return "use binary:logistic (probabilities of the positive class)";
  }
  return "";
}

const std::vector<std::string>& metric_names(TaskKind kind) {
  static const std::vector<std::string> regression = {"rmse", "mae", "r2"};
  static const std::vector<std::string> binary = {"logloss", "auc", "accuracy"};
  static const std::vector<std::string> multiclass = {"mlogloss", "accuracy"};
  switch (kind) {
    case TaskKind::Binary:
      return binary;
    case TaskKind::Multiclass:
      return multiclass;
    case TaskKind::Regression:
      break;
  }
  return regression;
}

bool metric_maximized(std::string_view eval_metric) {
  const std::string_view base = metric_base(eval_metric);
  for (const MetricInfo& m : kMetrics) {
    if (m.name == base) return m.maximized;
  }
  return false;
}

bool metric_accepted(std::string_view eval_metric, TaskKind kind) {
  const std::string_view base = metric_base(eval_metric);
  for (const MetricInfo& m : kMetrics) {
    if (m.name == base && m.kind == kind) return true;
  }
  return false;
}

std::vector<std::string> accepted_metrics(TaskKind kind) {
  std::vector<std::string> names;
  for (const MetricInfo& m : kMetrics) {
    if (m.kind == kind) names.emplace_back(m.name);
  }
  return names;
}

std::string_view domain_text(TargetDomain domain) {
  switch (domain) {
    case TargetDomain::AboveMinusOne:
      return "a number > -1";
    case TargetDomain::NonNegative:
      return "a number >= 0";
    case TargetDomain::Positive:
      return "a number > 0";
    case TargetDomain::Any:
    case TargetDomain::Classes:
      break;
  }
  return "a finite number";
}

bool in_domain(double value, TargetDomain domain) {
  switch (domain) {
    case TargetDomain::AboveMinusOne:
      return value > -1;
    case TargetDomain::NonNegative:
      return value >= 0;
    case TargetDomain::Positive:
      return value > 0;
    case TargetDomain::Any:
    case TargetDomain::Classes:
      break;
  }
  return true;
}

std::size_t primary_metric(const ObjectiveInfo& objective) {
  return objective.name == "reg:absoluteerror" ? 1 : 0;
}

}  // namespace groupfit
