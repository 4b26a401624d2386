// The learning objectives groupfit supports, in one table: what kind of task each is, which
// targets it accepts, the metric early stopping watches by default, and the metrics reported
// for it. Everything that depends on the objective (parameter checks, target encoding, the
// starting value of each model, metrics.csv's columns, predictions.csv's layout) asks here, so
// adding an objective is one row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace groupfit {

enum class TaskKind { Regression, Binary, Multiclass };

// Which target values an objective can learn from.
enum class TargetDomain {
  Any,            // any finite number
  AboveMinusOne,  // reg:squaredlogerror: log1p of the target
  NonNegative,    // count:poisson, reg:tweedie
  Positive,       // reg:gamma
  Classes,        // classification: the target's distinct values are the classes
};

struct ObjectiveInfo {
  std::string_view name;  // XGBoost's
  TaskKind kind;
  TargetDomain domain;
  std::string_view default_metric;  // eval_metric when the user gives none
  // True when XGBoost takes base_score in the response's units and keeps the model's margin in
  // log units (gamma, tweedie, poisson): the starting value must then be > 0.
  bool log_link;
};

// The row for `name`, or nullopt for an objective groupfit does not support.
std::optional<ObjectiveInfo> find_objective(std::string_view name);
// Every supported objective's name, in the table's order.
std::vector<std::string> supported_objectives();
// Why an objective XGBoost knows (or a newer XGBoost knows) is refused, or empty.
std::string refused_objective_reason(std::string_view name);

// The metrics reported for a kind of task, in metrics.csv's column order:
// regression rmse, mae, r2; binary logloss, auc, accuracy; multi-class mlogloss, accuracy.
const std::vector<std::string>& metric_names(TaskKind kind);

// The index in metric_names(kind) of the metric the objective's loss is about (mae for absolute
// error, else rmse / logloss / mlogloss; all smaller-is-better): what a model must beat its
// constant on, and what tuning compares candidates by.
std::size_t primary_metric(const ObjectiveInfo& objective);

// Whether larger values of an XGBoost evaluation metric are better (auc, aucpr).
bool metric_maximized(std::string_view eval_metric);
// Whether `eval_metric` (XGBoost's name, with an optional "@value") is accepted for `kind`.
bool metric_accepted(std::string_view eval_metric, TaskKind kind);
// The accepted metrics for a kind, for messages.
std::vector<std::string> accepted_metrics(TaskKind kind);

// The description of a target domain for messages: "a number > 0".
std::string_view domain_text(TargetDomain domain);
// Whether `value` (finite) is in the domain (Classes accepts anything).
bool in_domain(double value, TargetDomain domain);

}  // namespace groupfit
