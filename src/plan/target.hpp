// The target and weight columns made into what training reads: labels (a value, or a class
// index for classification) and weights, checked against the objective before anything trains.
// A value the objective cannot learn from (a negative count for Poisson, a third class for
// logistic, an infinite number anywhere) fails every group it is in, and did so only after the
// run had started; here it is one error naming the file, line and column.
#pragma once

#include <string>
#include <vector>

#include "plan/objective.hpp"
#include "table/table.hpp"

namespace groupfit {

inline constexpr std::size_t kMaxClasses = 1000;

struct TargetSpec {
  std::string column;
  std::string weight_column;  // empty: every row weighs 1
  ObjectiveInfo objective;
};

struct EncodedTarget {
  std::vector<float> labels;   // NaN for a row without a target (it is scored)
  std::vector<float> weights;  // empty without a weight column
  // Classification: the target's distinct values as text, sorted (numbers by value, text by
  // bytes); labels are indices into it. Empty for regression.
  std::vector<std::string> classes;
};

// `path` and `delimiter` locate a bad row in messages (row_lines.hpp). Throws InputError when
// the target is missing everywhere, not numeric for a regression, outside the objective's
// domain, or has too few or too many classes; or when a labeled row's weight is missing,
// negative or not finite.
EncodedTarget encode_target(const Table& table, const TargetSpec& spec, const std::string& path,
                            char delimiter);

}  // namespace groupfit
