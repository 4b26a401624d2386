// constant_model: see constant_model.hpp. Sums are in double, in row order, so the result (and
// so every model's bytes) is the same whatever executor trains the group.
#include "train/constant_model.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace groupfit {
namespace {

// Kept strictly inside (0, 1) and above 0: XGBoost refuses a base_score of 0 or 1 for logistic
// and of 0 for a log link (a group whose training rows are all one class, or all zero counts).
constexpr double kMinProbability = 1e-6;
constexpr double kMinPositive = 1e-6;

double weight_at(std::span<const float> weights, std::size_t i) {
  return weights.empty() ? 1.0 : static_cast<double>(weights[i]);
}

double weighted_mean(std::span<const float> labels, std::span<const float> weights,
                     double (*transform)(double)) {
  double sum = 0, total = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    sum += weight_at(weights, i) * transform(labels[i]);
    total += weight_at(weights, i);
  }
  return total > 0 ? sum / total : 0;
}

double weighted_median(std::span<const float> labels, std::span<const float> weights) {
  std::vector<std::size_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return labels[a] < labels[b]; });
  double total = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) total += weight_at(weights, i);
  double below = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    below += weight_at(weights, order[k]);
    if (below * 2 > total) return labels[order[k]];
    if (below * 2 == total && k + 1 < order.size()) {
      return 0.5 * (static_cast<double>(labels[order[k]]) + labels[order[k + 1]]);
    }
  }
  return labels[order.back()];
}

// The minimizer of the pseudo-Huber loss with slope `delta`: Newton steps from the median on a
// convex function; 50 steps are far more than the few it needs.
double pseudo_huber_minimizer(std::span<const float> labels, std::span<const float> weights,
                              double delta) {
  double c = weighted_median(labels, weights);
  for (int step = 0; step < 50; ++step) {
    double grad = 0, hess = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const double r = (c - labels[i]) / delta;
      const double s = std::sqrt(1 + r * r);
      grad += weight_at(weights, i) * (c - labels[i]) / s;
      hess += weight_at(weights, i) / (s * s * s);
    }
    if (!(hess > 0)) break;
    const double next = c - grad / hess;
    if (next == c) break;
    c = next;
  }
  return c;
}

double identity(double v) {
  return v;
}
double log1p_of(double v) {
  return std::log1p(v);
}

}  // namespace

ConstantModel constant_model(const ObjectiveInfo& objective, std::span<const float> labels,
                             std::span<const float> weights, int num_class, double huber_slope) {
  ConstantModel m;
  const std::string_view name = objective.name;
  if (objective.kind == TaskKind::Multiclass) {
    std::vector<double> share(static_cast<std::size_t>(num_class), 0);
    double total = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      share[static_cast<std::size_t>(labels[i])] += weight_at(weights, i);
      total += weight_at(weights, i);
    }
    for (double s : share) m.prediction.push_back(static_cast<float>(total > 0 ? s / total : 0));
    return m;
  }
  double c = 0;
  if (objective.kind == TaskKind::Binary) {
    c = std::clamp(weighted_mean(labels, weights, identity), kMinProbability, 1 - kMinProbability);
  } else if (name == "reg:absoluteerror") {
    c = weighted_median(labels, weights);
  } else if (name == "reg:pseudohubererror") {
    c = pseudo_huber_minimizer(labels, weights, huber_slope);
  } else if (name == "reg:squaredlogerror") {
    c = std::expm1(weighted_mean(labels, weights, log1p_of));
  } else {
    c = weighted_mean(labels, weights, identity);
    if (objective.log_link) c = std::max(c, kMinPositive);
  }
  m.prediction.push_back(static_cast<float>(c));
  m.base_score = c;
  return m;
}

}  // namespace groupfit
