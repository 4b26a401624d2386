// score_predictions: see metrics.hpp. Probabilities are clipped to [1e-16, 1 - 1e-16] in the log
// losses, as XGBoost's logloss and mlogloss do, so a confident mistake costs a large finite
// loss rather than infinity. AUC is the Mann-Whitney statistic with tied scores counted half,
// weighted.
#include "train/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace groupfit {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEps = 1e-16;

double weight_at(std::span<const float> weights, std::size_t i) {
  return weights.empty() ? 1.0 : static_cast<double>(weights[i]);
}

std::vector<double> regression(std::span<const float> pred, std::span<const float> labels,
                               std::span<const float> weights) {
  double total_w = 0, mean = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    total_w += weight_at(weights, i);
    mean += weight_at(weights, i) * labels[i];
  }
  if (!(total_w > 0)) return {kNaN, kNaN, kNaN};
  mean /= total_w;
  double sq = 0, abs = 0, total = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double w = weight_at(weights, i);
    const double err = static_cast<double>(pred[i]) - labels[i];
    sq += w * err * err;
    abs += w * std::fabs(err);
    total += w * (labels[i] - mean) * (labels[i] - mean);
  }
  return {std::sqrt(sq / total_w), abs / total_w, total > 0 ? 1.0 - sq / total : kNaN};
}

double binary_auc(std::span<const float> pred, std::span<const float> labels,
                  std::span<const float> weights) {
  std::vector<std::size_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return pred[a] < pred[b]; });
  // Walk ascending scores; a positive scores above every negative seen in earlier tie groups,
  // and half of those in its own tie group.
  double neg_below = 0, area = 0, pos_total = 0, neg_total = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    double pos = 0, neg = 0;
    while (j < order.size() && pred[order[j]] == pred[order[i]]) {
      const double w = weight_at(weights, order[j]);
      (labels[order[j]] > 0.5f ? pos : neg) += w;
      ++j;
    }
    area += pos * (neg_below + 0.5 * neg);
    neg_below += neg;
    pos_total += pos;
    neg_total += neg;
    i = j;
  }
  return pos_total > 0 && neg_total > 0 ? area / (pos_total * neg_total) : kNaN;
}

std::vector<double> binary(std::span<const float> pred, std::span<const float> labels,
                           std::span<const float> weights) {
  double total_w = 0, loss = 0, correct = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double w = weight_at(weights, i);
    const double p = std::clamp(static_cast<double>(pred[i]), kEps, 1 - kEps);
    const bool positive = labels[i] > 0.5f;
    loss -= w * (positive ? std::log(p) : std::log(1 - p));
    correct += w * ((pred[i] > 0.5f) == positive ? 1 : 0);
    total_w += w;
  }
  if (!(total_w > 0)) return {kNaN, kNaN, kNaN};
  return {loss / total_w, binary_auc(pred, labels, weights), correct / total_w};
}

std::vector<double> multiclass(std::span<const float> pred, std::span<const float> labels,
                               std::span<const float> weights, int num_class) {
  const auto k = static_cast<std::size_t>(num_class);
  double total_w = 0, loss = 0, correct = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double w = weight_at(weights, i);
    const float* row = pred.data() + i * k;
    const auto label = static_cast<std::size_t>(labels[i]);
    loss -= w * std::log(std::clamp(static_cast<double>(row[label]), kEps, 1 - kEps));
    const auto best = static_cast<std::size_t>(std::max_element(row, row + k) - row);
    correct += w * (best == label ? 1 : 0);
    total_w += w;
  }
  if (!(total_w > 0)) return {kNaN, kNaN};
  return {loss / total_w, correct / total_w};
}

}  // namespace

std::vector<double> score_predictions(TaskKind kind, std::span<const float> predictions,
                                      std::span<const float> labels, std::span<const float> weights,
                                      int num_class) {
  switch (kind) {
    case TaskKind::Binary:
      return binary(predictions, labels, weights);
    case TaskKind::Multiclass:
      return multiclass(predictions, labels, weights, num_class);
    case TaskKind::Regression:
      break;
  }
  return regression(predictions, labels, weights);
}

}  // namespace groupfit
