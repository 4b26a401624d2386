// The best constant prediction for a group's training rows under its objective: the mean for
// squared error, the weighted median for absolute error, the pseudo-Huber minimizer, the mean
// of log1p for squared log error, the mean for the log-link objectives (gamma, tweedie,
// poisson), the share of positives for logistic, the class shares for multi-class.
// It is where each group's model starts (XGBoost's base_score, which 1.7 otherwise leaves at 0.5
// whatever the target's scale, so a model that cannot split predicts 0.5 for a target around 6),
// and the baseline a model must beat on its validation rows.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "plan/objective.hpp"

namespace groupfit {

struct ConstantModel {
  // One value per row's output: one, or num_class probabilities for multi-class.
  std::vector<float> prediction;
  // XGBoost's base_score for it (in the response's units; a probability for logistic), or
  // nullopt when XGBoost cannot express it (multi-class keeps one base score for every class).
  std::optional<double> base_score;
};

// `labels` are values or class indices; `weights` empty (all 1) or one per label. Labels must
// not be empty. Values outside what the objective accepts are the caller's to refuse.
// `huber_slope` is reg:pseudohubererror's.
ConstantModel constant_model(const ObjectiveInfo& objective, std::span<const float> labels,
                             std::span<const float> weights, int num_class,
                             double huber_slope = 1.0);

}  // namespace groupfit
